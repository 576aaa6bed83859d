using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MiracleCell.Bot.Hosting;
using MiracleCell.Bot.Interactions;
using MiracleCell.Bot.Transport;
using MiracleCell.Bot.Trivia;

namespace MiracleCell.Benchmarks;

/// <summary>The bot pointed at a <see cref="LoopbackFakeDiscord"/>: its settings, and its own registrations hosted in
/// this process.</summary>
internal static class InProcessBot
{
    /// <summary>Configuration keys and values that point the bot at <paramref name="fake"/> and keep its data in
    /// <paramref name="dataFolder"/>.</summary>
    public static Dictionary<string, string?> Settings(LoopbackFakeDiscord fake, string dataFolder) => new()
    {
        ["Discord:Token"] = LoopbackFakeDiscord.Token,
        ["Discord:ApiBaseUrl"] = fake.ApiUrl.ToString(),
        ["Discord:GatewayUrl"] = fake.GatewayUrl.ToString(),
        ["Discord:DevGuildId"] = LoopbackFakeDiscord.GuildId.ToString(),
        ["Bot:ContentFolder"] = ContentFolder.Resolve(BotOptions.DefaultContentFolder),
        ["Bot:RegisterCommands"] = nameof(CommandRegistrationMode.Always),
        ["Storage:DataFolder"] = dataFolder,
    };

    /// <summary>The bot as the host composes it, logging warnings and above only.</summary>
    public static IHost Build(LoopbackFakeDiscord fake, string dataFolder)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(Settings(fake, dataFolder));
        builder.Logging.AddSimpleConsole(console => console.SingleLine = true).SetMinimumLevel(LogLevel.Warning);
        var library = ContentFolder.LoadLibrary(ContentFolder.Resolve(BotOptions.DefaultContentFolder)).Library
            ?? throw new InvalidOperationException("The film library did not load; run check-content.");
        builder.Services.AddMiracleCellBot(builder.Configuration, library);
        return builder.Build();
    }
}
