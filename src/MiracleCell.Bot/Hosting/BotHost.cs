using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MiracleCell.Bot.Interactions;
using MiracleCell.Bot.Logging;
using MiracleCell.Bot.Transport;
using MiracleCell.Core.Films;
using MiracleCell.Discord;
using MiracleCell.Discord.Rest;
using MiracleCell.Storage;

namespace MiracleCell.Bot.Hosting;

/// <summary>The long-running bot: a generic host with the pack loaded and the commands registered.</summary>
public static class BotHost
{
    /// <summary>
    /// Builds and runs the host. Returns <see cref="ExitCodes.Configuration"/> without connecting when any setting,
    /// a settings file, the data folder or the pack is wrong (after printing every problem, a line each), and also
    /// when Discord refuses the bot for good.
    /// </summary>
    public static Task<int> RunAsync(string[] args, TextWriter error, CancellationToken cancellationToken) =>
        RunAsync(args, error, Directory.GetCurrentDirectory(), cancellationToken);

    /// <param name="workingDirectory">Where the self-hoster's appsettings.json is looked for.</param>
    internal static async Task<int> RunAsync(
        string[] args, TextWriter error, string workingDirectory, CancellationToken cancellationToken)
    {
        IHost? host = null;
        try
        {
            host = await BuildCheckedAsync(args, error, workingDirectory);
            if (host is null) return ExitCodes.Configuration;
            // Opened before connecting: a score file this bot cannot use, or a PostgreSQL server that stays out of
            // reach after a bounded retry, stops it with one line (and leaves a file be) rather than after going online.
            await host.Services.GetRequiredService<ITriviaStore>().InitializeAsync(cancellationToken);
            await host.StartAsync(cancellationToken);
        }
        catch (Exception exception) when (StartupFailures.Describe(exception) is { } cause)
        {
            if (host is not null) await DisposeAsync(host);
            await error.WriteLineAsync($"MiracleCell cannot start: {cause}");
            if (StartupFailures.WantsDetail(args, Environment.GetEnvironmentVariable))
                await error.WriteLineAsync(exception.ToString());
            return ExitCodes.Configuration;
        }
        try
        {
            await host.WaitForShutdownAsync(cancellationToken);
            return host.Services.GetRequiredService<BotExitCode>().Code;
        }
        finally
        {
            await DisposeAsync(host);
        }
    }

    /// <summary>The host, checked; null after printing every problem with the settings or the pack.</summary>
    private static async Task<IHost?> BuildCheckedAsync(string[] args, TextWriter error, string workingDirectory)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = args,
            Configuration = HostDefaults(),
            // appsettings.json is copied next to the binary; read it there whatever the current directory is.
            ContentRootPath = AppContext.BaseDirectory,
        });
        SettingsFiles.AddWorkingDirectorySettings(builder.Configuration, workingDirectory);
        ConfigureLogging(builder);
        var problems = new List<string>();
        var configuredFolder = builder.Configuration[$"{BotOptions.SectionName}:{nameof(BotOptions.ContentFolder)}"] ?? BotOptions.DefaultContentFolder;
        var folder = string.IsNullOrWhiteSpace(configuredFolder) ? "" : ContentFolder.Resolve(configuredFolder);
        // An empty Bot:ContentFolder is reported by the options check below, with every other problem.
        var loaded = folder.Length == 0 ? new ContentLoadResult(null, []) : ContentFolder.Load(folder);
        if (!loaded.IsValid && folder.Length > 0)
        {
            problems.Add($"Bot:ContentFolder: the content pack in {folder} is invalid (run 'MiracleCell.Bot check-content {folder}'):");
            using var lines = new StringWriter();
            ContentFolder.WriteProblems(loaded, lines);
            problems.AddRange(lines.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(line => "  " + line));
        }

        builder.Services.AddMiracleCellBot(builder.Configuration, loaded.Pack);

        var host = builder.Build();
        problems.AddRange(Checks().FindProblems(host.Services, builder.Configuration));
        if (problems.Count > 0)
        {
            await DisposeAsync(host);
            await error.WriteLineAsync($"MiracleCell cannot start: fix the configuration and start again ({problems.Count(p => !p.StartsWith(' '))} problem(s)):");
            foreach (var problem in problems) await error.WriteLineAsync(problem);
            return null;
        }
        try
        {
            DataFolder.EnsureUsable(host.Services.GetRequiredService<IOptions<StorageOptions>>().Value.DataFolder);
        }
        catch (StartupException)
        {
            await DisposeAsync(host);
            throw;
        }

        host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("MiracleCell.Bot")
            .LogInformation("Loaded {Film} from {Folder}: {Characters} characters, {Parts} recap parts", loaded.Pack!.Film.Id, folder, loaded.Pack.Characters.Count, loaded.Pack.Recap.Count);
        // Reading the YAML pack leaves megabytes of garbage behind; hand it back to the OS before settling in.
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        return host;
    }

    private static async ValueTask DisposeAsync(IHost host)
    {
        if (host is IAsyncDisposable asynchronous) await asynchronous.DisposeAsync();
        else host.Dispose();
    }

    /// <summary>
    /// Read the settings files once: watching them for changes costs a thread and about 0.4 MB resident, and no
    /// setting is meant to change while the bot runs. DOTNET_hostBuilder__reloadConfigOnChange=true turns it back on.
    /// </summary>
    private static ConfigurationManager HostDefaults()
    {
        var configuration = new ConfigurationManager();
        configuration.AddInMemoryCollection([new("hostBuilder:reloadConfigOnChange", "false")]);
        return configuration;
    }

    /// <summary>Every configuration section the bot reads, checked together before anything connects.</summary>
    private static ConfigurationCheck Checks() => new ConfigurationCheck()
        .Add<DiscordOptions>(DiscordOptions.SectionName)
        .Add<DiscordRestOptions>($"{DiscordOptions.SectionName}:{DiscordRestOptions.SectionName}")
        .Add<BotOptions>(BotOptions.SectionName)
        .Add<StorageOptions>(StorageOptions.SectionName)
        .Add<Trivia.TriviaNightOptions>(Trivia.TriviaNightOptions.SectionName)
        .Add<Health.HealthOptions>(Health.HealthOptions.SectionName);

    /// <summary>
    /// One line per entry on the console (so a fatal problem is one line), a JSON-lines file when
    /// <c>Logging:File:Path</c> is set, and no HttpClient request lines (their URLs carry interaction tokens).
    /// </summary>
    private static void ConfigureLogging(HostApplicationBuilder builder)
    {
        builder.Logging.AddSimpleConsole(console =>
        {
            console.SingleLine = true;
            console.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
            console.UseUtcTimestamp = true;
        });
        builder.Logging.AddFilter("System.Net.Http.HttpClient", LogLevel.Warning);
        if (builder.Configuration["Logging:File:Path"] is { Length: > 0 } path)
            builder.Logging.Services.AddSingleton<ILoggerProvider>(provider => new FileLoggerProvider(path, provider.GetService<TimeProvider>() ?? TimeProvider.System));
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
