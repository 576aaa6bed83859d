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
using MiracleCell.Discord.Gateway;
using MiracleCell.Discord.Rest;
using MiracleCell.Storage;

namespace MiracleCell.Bot.Hosting;

/// <summary>
/// The long-running bot: a generic host whose gateway connects while the content loads and the store opens; the
/// commands are served once both are done (see <see cref="StartupGate"/>).
/// </summary>
internal static class BotHost
{
    /// <summary>
    /// Builds and runs the host. Returns <see cref="ExitCodes.Configuration"/> without connecting when any setting,
    /// a settings file or the data folder is wrong (after printing every problem, a line each); and, after closing the
    /// connection, when the pack is invalid, the store cannot open, or Discord refuses the bot for good.
    /// </summary>
    public static Task<int> RunAsync(string[] args, TextWriter error, CancellationToken cancellationToken) =>
        RunAsync(args, error, Directory.GetCurrentDirectory(), cancellationToken);

    /// <param name="workingDirectory">Where the self-hoster's appsettings.json is looked for.</param>
    internal static async Task<int> RunAsync(
        string[] args, TextWriter error, string workingDirectory, CancellationToken cancellationToken)
    {
        HostedBot? bot = null;
        try
        {
            bot = await BuildCheckedAsync(args, error, workingDirectory);
            if (bot is null) return ExitCodes.Configuration;
            // The store opens, the pack finishes loading and the gateway connects at the same time. A pack or store
            // that turns out unusable stops the bot with exit code 78 before any command is served.
            var store = Task.Run(
                () => bot.Host.Services.GetRequiredService<ITriviaStore>().InitializeAsync(cancellationToken),
                cancellationToken);
            await bot.StartAsync(cancellationToken);
            await store;
            if (!await bot.OpenWhenContentLoadedAsync(error)) return await StopAsync(bot, ExitCodes.Configuration);
        }
        catch (Exception exception) when (StartupFailures.Describe(exception) is { } cause)
        {
            if (bot is not null) await StopAsync(bot, ExitCodes.Configuration);
            await error.WriteLineAsync($"MiracleCell cannot start: {cause}");
            if (StartupFailures.WantsDetail(args, Environment.GetEnvironmentVariable))
                await error.WriteLineAsync(exception.ToString());
            return ExitCodes.Configuration;
        }
        try
        {
            await bot.Host.WaitForShutdownAsync(cancellationToken);
            return bot.Host.Services.GetRequiredService<BotExitCode>().Code;
        }
        finally
        {
            await DisposeAsync(bot.Host);
        }
    }

    /// <summary>The host, checked, with the pack loading in the background; null after printing every problem.
    /// </summary>
    private static async Task<HostedBot?> BuildCheckedAsync(string[] args, TextWriter error, string workingDirectory)
    {
        SettingsFiles.EnsureReadable([
            Path.Combine(AppContext.BaseDirectory, SettingsFiles.FileName),
            Path.Combine(workingDirectory, SettingsFiles.FileName),
        ]);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = args,
            Configuration = HostDefaults(),
            // appsettings.json is copied next to the binary; read it there whatever the current directory is.
            ContentRootPath = AppContext.BaseDirectory,
        });
        SettingsFiles.AddWorkingDirectorySettings(builder.Configuration, workingDirectory);
        var configuredFolder = builder.Configuration[$"{BotOptions.SectionName}:{nameof(BotOptions.ContentFolder)}"]
            ?? BotOptions.DefaultContentFolder;
        var folder = string.IsNullOrWhiteSpace(configuredFolder) ? "" : ContentFolder.Resolve(configuredFolder);
        // Started first: the rest of this method, the store and the gateway connect run while it loads.
        var content = new BackgroundContent<FilmLibrary>(() => LoadLibrary(folder));
        ConfigureLogging(builder);
        var gate = new StartupGate();
        AddHostedBot(builder.Services, builder.Configuration, content, gate);

        var host = builder.Build();
        var bot = new HostedBot(host, content, gate, folder);
        var problems = Checks().FindProblems(host.Services, builder.Configuration).ToList();
        if (problems.Count > 0)
        {
            // Nothing connects; wait for the films so that their problems are listed with the others.
            var loaded = await content.Loaded;
            problems.AddRange(loaded.Problems);
            problems.AddRange((loaded.Warnings ?? []).Select(warning => "  " + warning));
            await StopAsync(bot, ExitCodes.Configuration);
            await error.WriteLineAsync("MiracleCell cannot start: fix the configuration and start again "
                + $"({problems.Count(p => !p.StartsWith(' '))} problem(s)):");
            foreach (var problem in problems) await error.WriteLineAsync(problem);
            return null;
        }
        try
        {
            DataFolder.EnsureUsable(host.Services.GetRequiredService<IOptions<StorageOptions>>().Value.DataFolder);
        }
        catch (StartupException)
        {
            await StopAsync(bot, ExitCodes.Configuration);
            throw;
        }
        return bot;
    }

    /// <summary>
    /// The hosted bot's services: the whole bot, with the film library from <paramref name="content"/> once it has
    /// loaded, and every hosted service but the gateway and the health listener started after the gate and READY.
    /// </summary>
    internal static void AddHostedBot(
        IServiceCollection services, IConfiguration configuration, BackgroundContent<FilmLibrary> content,
        StartupGate gate)
    {
        services.AddSingleton(gate);
        services.AddSingleton<IReadinessCheck>(new StartupGateReadiness(gate));
        services.AddSingleton(_ => content.Value);
        services.AddMiracleCellBot(configuration, library: null);
        services.AddHostedService<CompactHeapAfterStart>();
        StartAfterReady(services);
    }

    /// <summary>Wraps each hosted service in <see cref="StartsAfterReady"/>, but those READY and probes need.
    /// </summary>
    private static void StartAfterReady(IServiceCollection services)
    {
        var hosted = services.Select((descriptor, index) => (descriptor, index))
            .Where(entry => entry.descriptor.ServiceType == typeof(IHostedService)
                && entry.descriptor.ImplementationType != typeof(GatewayHostedService)
                && entry.descriptor.ImplementationType != typeof(Health.HealthListener))
            .ToList();
        foreach (var (descriptor, index) in hosted)
        {
            Func<IServiceProvider, IHostedService> resolve;
            if (descriptor.ImplementationType is { } type)
            {
                services.Add(new ServiceDescriptor(type, type, ServiceLifetime.Singleton));
                resolve = provider => (IHostedService)provider.GetRequiredService(type);
            }
            else if (descriptor.ImplementationFactory is { } factory)
                resolve = provider => (IHostedService)factory(provider);
            else if (descriptor.ImplementationInstance is IHostedService instance) resolve = _ => instance;
            else continue;
            services[index] = ServiceDescriptor.Singleton<IHostedService>(provider => new StartsAfterReady(
                provider.GetRequiredService<StartupGate>(), provider.GetRequiredService<DiscordGatewayClient>(),
                () => resolve(provider), provider.GetRequiredService<IHostApplicationLifetime>(),
                provider.GetRequiredService<BotExitCode>(), provider.GetRequiredService<ILogger<StartsAfterReady>>()));
        }
    }

    /// <summary>
    /// The valid films of the library in <paramref name="folder"/>, each invalid pack's problems as warnings; or, when
    /// no pack is valid, the one line a start-up failure prints.
    /// </summary>
    private static LoadedContent<FilmLibrary> LoadLibrary(string folder)
    {
        // An empty Bot:ContentFolder is reported by the options check, with every other problem.
        if (folder.Length == 0) return new LoadedContent<FilmLibrary>(null, []);
        var loaded = ContentFolder.LoadLibrary(folder);
        var warnings = ContentFolder.SkippedPackLines(loaded);
        return ContentFolder.Unusable(loaded) is { } unusable
            ? new LoadedContent<FilmLibrary>(null, [$"Bot:ContentFolder: {unusable}"], warnings)
            : new LoadedContent<FilmLibrary>(loaded.Library, [], warnings);
    }

    /// <summary>Stops a host that was started (closing the gateway connection) or not, and disposes it.</summary>
    private static async Task<int> StopAsync(HostedBot bot, int exitCode)
    {
        bot.Gate.Fail();
        try
        {
            if (bot.Started) await bot.Host.StopAsync(CancellationToken.None);
        }
        finally
        {
            await DisposeAsync(bot.Host);
        }
        return exitCode;
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
            builder.Logging.Services.AddSingleton<ILoggerProvider>(provider =>
                new FileLoggerProvider(path, provider.GetService<TimeProvider>() ?? TimeProvider.System));
    }

    /// <summary>Loads the film library for the console modes; null after printing why nothing can be served.</summary>
    public static FilmLibrary? LoadForConsole(string? contentFolder, TextWriter error)
    {
        var folder = ContentFolder.Resolve(contentFolder ?? BotOptions.DefaultContentFolder);
        var loaded = ContentFolder.LoadLibrary(folder);
        foreach (var line in ContentFolder.SkippedPackLines(loaded)) error.WriteLine(line);
        if (ContentFolder.Unusable(loaded) is { } unusable)
        {
            error.WriteLine($"No film can be served: {unusable}");
            return null;
        }
        return loaded.Library;
    }
}
