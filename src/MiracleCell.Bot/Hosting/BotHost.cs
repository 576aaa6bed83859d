using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MiracleCell.Bot.Interactions;
using MiracleCell.Core.Films;

namespace MiracleCell.Bot.Hosting;

/// <summary>The long-running bot: a generic host with the pack loaded and the commands registered.</summary>
public static class BotHost
{
    /// <summary>Builds and runs the host; returns non-zero without starting when the pack is invalid.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter error, CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = args,
            // appsettings.json is copied next to the binary; read it there whatever the current directory is.
            ContentRootPath = AppContext.BaseDirectory,
        });
        var options = builder.Configuration.GetSection(BotOptions.SectionName).Get<BotOptions>() ?? new BotOptions();
        if (string.IsNullOrWhiteSpace(options.ContentFolder))
        {
            await error.WriteLineAsync("Bot:ContentFolder is empty. Set it to the content pack folder, e.g. data/films/miracle-in-cell-no-7.");
            return 1;
        }

        var folder = ContentFolder.Resolve(options.ContentFolder);
        var loaded = ContentFolder.Load(folder);
        if (!loaded.IsValid)
        {
            await error.WriteLineAsync($"Refusing to start: the content pack in {folder} is invalid.");
            ContentFolder.WriteProblems(loaded, error);
            return 1;
        }

        builder.Services.AddOptions<BotOptions>().Bind(builder.Configuration.GetSection(BotOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddMiracleCellCommands(loaded.Pack);
        AddDiscordTransport(builder);
        Trivia.TriviaServiceCollectionExtensions.AddTriviaNights(builder.Services, builder.Configuration);

        using var host = builder.Build();
        host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("MiracleCell.Bot")
            .LogInformation("Loaded {Film} from {Folder}: {Characters} characters, {Parts} recap parts", loaded.Pack!.Film.Id, folder, loaded.Pack.Characters.Count, loaded.Pack.Recap.Count);
        await host.RunAsync(cancellationToken);
        return 0;
    }

    /// <summary>
    /// DISCORD TRANSPORT GOES HERE: register the gateway client and a hosted service that, for each
    /// INTERACTION_CREATE, calls <see cref="InteractionRouter.PlanAcknowledgement"/> (defer if asked), then
    /// <see cref="InteractionRouter.HandleAsync"/>, sends the response, and acts on its follow-up actions;
    /// and one that registers <see cref="InteractionRouter.Definitions"/> at start.
    /// </summary>
    private static void AddDiscordTransport(HostApplicationBuilder builder)
    {
        _ = builder;
    }

    /// <summary>Loads a pack for the console modes; null after printing every problem.</summary>
    public static FilmPack? LoadForConsole(string? contentFolder, TextWriter error)
    {
        var folder = ContentFolder.Resolve(contentFolder ?? BotOptions.DefaultContentFolder);
        var loaded = ContentFolder.Load(folder);
        if (loaded.IsValid) return loaded.Pack;
        error.WriteLine($"The content pack in {folder} is invalid:");
        ContentFolder.WriteProblems(loaded, error);
        return null;
    }
}
