using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Moq;
using MiracleCell.Bot.Console;
using MiracleCell.Bot.Hosting;
using MiracleCell.Bot.Interactions;
using MiracleCell.Core.Text;
using MiracleCell.Discord.Gateway;
using MiracleCell.Discord.Models;
using MiracleCell.Discord.Rest;
using MiracleCell.Testing;

namespace MiracleCell.Bot.Tests.Transport;

/// <summary>
/// /film and /recap read only the pack in memory: answering one is its interaction callback and no other REST call,
/// so they never spend the bot's rate limit. The REST client is a strict mock in the bot's real Discord composition:
/// any other call fails the test, whichever handler, progress source or follow-up would make it.
/// </summary>
public sealed class InMemoryRepliesRestTests : IDisposable
{
    private readonly ManualTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 20, 0, 0, TimeSpan.Zero));
    private readonly Mock<IDiscordRestClient> _rest = new(MockBehavior.Strict);
    private readonly string _dataFolder = Directory.CreateTempSubdirectory("miraclecell-rest-").FullName;

    public void Dispose() => Directory.Delete(_dataFolder, recursive: true);

    private ServiceProvider Build()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Discord:Token"] = "test-token",
            ["Discord:GatewayUrl"] = "ws://127.0.0.1:9/gateway",
            ["Storage:DataFolder"] = _dataFolder,
        }).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration);
        services.AddSingleton(Mock.Of<IHostApplicationLifetime>());
        services.AddMiracleCellBot(configuration, TestPacks.MiracleInCellNo7());
        services.AddSingleton(_rest.Object);
        services.AddSingleton<TimeProvider>(_time);
        return services.BuildServiceProvider();
    }

    [Theory]
    [InlineData("/film", Locale.English)]
    [InlineData("/film", Locale.Indonesian)]
    [InlineData("/recap", Locale.English)]
    [InlineData("/recap part:part-1", Locale.English)]
    public async Task Answering_is_one_callback_and_no_other_REST_call(string line, Locale locale)
    {
        await using var provider = Build();
        var console = new ConsoleInteractions(provider.GetRequiredService<InteractionRouter>(), locale);
        var interaction = console.FromLine(console.Parse(line)) with { Id = Snowflake.FromTime(_time.GetUtcNow()) };
        InteractionResponse? sent = null;
        _rest.Setup(rest => rest.CreateInteractionResponseAsync(interaction.Id, interaction.Token,
                It.IsAny<InteractionResponse>(), It.IsAny<CancellationToken>()))
            .Callback((Snowflake _, string _, InteractionResponse response, CancellationToken _) => sent = response)
            .Returns(Task.CompletedTask);

        await provider.GetServices<IGatewayEventSink>().Single()
            .OnInteractionCreateAsync(interaction, CancellationToken.None);

        _rest.Verify(rest => rest.CreateInteractionResponseAsync(interaction.Id, interaction.Token,
            It.IsAny<InteractionResponse>(), It.IsAny<CancellationToken>()), Times.Once);
        _rest.VerifyNoOtherCalls();
        Assert.Equal(InteractionCallbackType.ChannelMessageWithSource, sent!.Type);
        Assert.False(sent.Data!.Content?.StartsWith('⚠') ?? false, $"{line} was refused: {sent.Data.Content}");
        Assert.NotEmpty(sent.Data.Embeds ?? []);
    }
}
