using System.Diagnostics;
using System.Text;
using MiracleCell.EndToEnd.Tests.Infrastructure;

namespace MiracleCell.EndToEnd.Tests.Bot;

/// <summary>
/// Runs the real bot against the harness — the published (Native AOT) build, or the build output under <c>dotnet</c>
/// when asked — with REST through the validating proxy, gateway straight to the twin, commands registered in the
/// twin's guild.
/// </summary>
public sealed class BotProcess : IAsyncDisposable
{
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(15);

    private readonly Process _process;
    private readonly int _sessionsBefore;
    private readonly StringBuilder _log = new();
    private readonly bool _ownsDataFolder;

    private BotProcess(Process process, int sessionsBefore, string dataFolder, bool ownsDataFolder)
    {
        _process = process;
        _sessionsBefore = sessionsBefore;
        DataFolder = dataFolder;
        _ownsDataFolder = ownsDataFolder;
    }

    /// <summary>
    /// The bot's Storage:DataFolder: a fresh one, removed when the bot is disposed, unless the caller passed
    /// <c>Storage__DataFolder</c> (e.g. to restart a bot on the same database), which is then left to the caller.
    /// </summary>
    public string DataFolder { get; }

    /// <summary>Everything the bot wrote to stdout and stderr so far, for failure messages.</summary>
    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    /// <summary>
    /// Starts the bot and waits until it has identified on the gateway (<paramref name="shards"/> sessions more than
    /// before) and registered at least <paramref name="expectedCommands"/> in the twin's guild.
    /// </summary>
    /// <param name="extraEnvironment">More configuration, e.g. a storage path: <c>["Storage__Path"] =
    /// "..."</c>.</param>
    public static async Task<BotProcess> StartAsync(
        DigitalTwinFixture twin,
        IReadOnlyCollection<string> expectedCommands,
        IReadOnlyDictionary<string, string>? extraEnvironment = null,
        TimeSpan? startTimeout = null,
        bool buildOutput = false,
        int shards = 1)
    {
        var bot = await LaunchAsync(twin, extraEnvironment, buildOutput);
        var process = bot._process;
        var sessionsBefore = bot._sessionsBefore;

        var wait = startTimeout ?? TimeSpan.FromSeconds(30);
        try
        {
            using var stopWaiting = new CancellationTokenSource();
            var ready = WaitUntilReadyAsync(twin, expectedCommands, sessionsBefore + shards, wait, stopWaiting.Token);
            var exited = process.WaitForExitAsync(stopWaiting.Token);
            if (await Task.WhenAny(ready, exited) == exited)
            {
                await stopWaiting.CancelAsync();
                await ready.ContinueWith(_ => { }, TaskScheduler.Default);
                throw new InvalidOperationException(
                    $"The bot exited with code {process.ExitCode} before it was ready.");
            }

            await ready;
            await stopWaiting.CancelAsync();
            return bot;
        }
        catch (Exception exception)
        {
            var log = bot.Log;
            await bot.DisposeAsync();
            throw new InvalidOperationException(
                $"The bot did not become ready: {exception.Message}\nBot output:\n{log}", exception);
        }
    }

    /// <summary>
    /// Starts the bot without waiting for anything (e.g. to watch it refuse a wrong token): the deployment build the
    /// fixture published, or the build output under <c>dotnet</c> when <paramref name="buildOutput"/> is set or the
    /// fixture was asked not to publish (<see cref="PublishedBotBuild.BuildVariable"/>).
    /// </summary>
    public static async Task<BotProcess> LaunchAsync(DigitalTwinFixture twin,
        IReadOnlyDictionary<string, string>? extraEnvironment = null, bool buildOutput = false)
    {
        var layout = twin.Prerequisites.Layout!;
        var publishedExecutable = buildOutput ? null : twin.PublishedExecutable;
        var sessionsBefore = await twin.Control.GetGatewaySessionCountAsync();
        var startInfo = new ProcessStartInfo(publishedExecutable ?? FindDotnet())
        {
            WorkingDirectory = layout.RepositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (publishedExecutable is null)
        {
            startInfo.ArgumentList.Add(LocateBotAssembly(layout));
        }

        var endpoints = twin.Endpoints;
        startInfo.Environment["Discord__Token"] = endpoints.BotToken;
        startInfo.Environment["Discord__ApiBaseUrl"] = endpoints.Api.ToString();
        startInfo.Environment["Discord__GatewayUrl"] = endpoints.Gateway.ToString();
        startInfo.Environment["Discord__DevGuildId"] = endpoints.GuildId;
        startInfo.Environment["DOTNET_ENVIRONMENT"] = "Development";
        // A fresh data folder per run unless the caller brings one: the command registration record must not leak from
        // an earlier twin.
        var givenDataFolder = extraEnvironment?.GetValueOrDefault("Storage__DataFolder");
        var dataFolder = givenDataFolder
            ?? Path.Combine(Path.GetTempPath(), "miraclecell-e2e-" + Guid.NewGuid().ToString("N"));
        startInfo.Environment["Storage__DataFolder"] = dataFolder;
        foreach (var (name, value) in extraEnvironment ?? new Dictionary<string, string>())
        {
            startInfo.Environment[name] = value;
        }

        var process = Process.Start(startInfo)
            ?? throw new InvalidOperationException("Could not start the bot with dotnet.");
        var bot = new BotProcess(process, sessionsBefore, dataFolder, ownsDataFolder: givenDataFolder is null);
        process.OutputDataReceived += (_, e) => bot.Append(e.Data);
        process.ErrorDataReceived += (_, e) => bot.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return bot;
    }

    /// <summary>Waits for the bot to end by itself; its exit code, or null when it was still running after
    /// <paramref name="wait"/>.</summary>
    public async Task<int?> WaitForExitAsync(TimeSpan wait)
    {
        using var timeout = new CancellationTokenSource(wait);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
            return _process.ExitCode;
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    /// <summary>Stops the bot with SIGTERM (as a service manager would) and waits until it has exited; returns its exit
    /// code.</summary>
    public async Task<int> StopAsync()
    {
        await StopProcessAsync();
        return _process.ExitCode;
    }

    /// <summary>Kills the bot outright (SIGKILL: no shutdown code runs, as in a crash or power cut) and waits until it
    /// is gone.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync(CancellationToken.None);
    }

    private static async Task WaitUntilReadyAsync(DigitalTwinFixture twin, IReadOnlyCollection<string> expectedCommands,
        int sessions, TimeSpan wait, CancellationToken cancellationToken)
    {
        var commands = await twin.Control.WaitForCommandsAsync(expectedCommands.Count, twin.Endpoints.GuildId, wait,
            cancellationToken);
        var missing = expectedCommands.Except(commands.Select(command => command.Name)).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException($"The bot registered {string.Join(", ", commands.Select(c => c.Name))} "
                + $"but not {string.Join(", ", missing)}.");
        }

        await twin.Control.WaitForGatewaySessionsAsync(sessions, wait, cancellationToken);
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
        {
            _log.AppendLine(line);
        }
    }

    internal static string FindDotnet() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host)
            ? host
            : E2EPrerequisites.FindOnPath(OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet")
              ?? throw new InvalidOperationException("dotnet is not on PATH.");

    /// <summary>
    /// The bot's own build output (built with this project, which references it), newest first. Not the copy next to
    /// the tests: this project uses the ASP.NET Core framework, so that copy lacks assemblies the bot needs on its own.
    /// </summary>
    private static string LocateBotAssembly(RepositoryLayout layout)
    {
        var bin = Path.Combine(layout.RepositoryRoot, "src", "MiracleCell.Bot", "bin");
        var built = Directory.Exists(bin)
            ? Directory.EnumerateFiles(bin, "MiracleCell.Bot.dll", SearchOption.AllDirectories)
                .Where(IsFrameworkDependent)
                .OrderByDescending(File.GetLastWriteTimeUtc)
                .FirstOrDefault()
            : null;
        return built
            ?? throw new InvalidOperationException(
                "MiracleCell.Bot.dll was not found; build src/MiracleCell.Bot first.");
    }

    /// <summary>True for a build <c>dotnet</c> can run; false for a self-contained one (its runtimeconfig lists only
    /// included frameworks).</summary>
    private static bool IsFrameworkDependent(string assembly)
    {
        var runtimeConfig = Path.ChangeExtension(assembly, ".runtimeconfig.json");
        return File.Exists(runtimeConfig)
            && File.ReadAllText(runtimeConfig).Contains("\"framework", StringComparison.Ordinal);
    }

    public async ValueTask DisposeAsync()
    {
        await StopProcessAsync();
        _process.Dispose();
        if (_ownsDataFolder && Directory.Exists(DataFolder))
        {
            Directory.Delete(DataFolder, recursive: true);
        }
    }

    private async Task StopProcessAsync()
    {
        if (!_process.HasExited)
        {
            // SIGTERM lets the generic host stop gracefully (close the gateway, flush storage).
            if (OperatingSystem.IsWindows() || !await TrySendSigTermAsync(_process.Id))
            {
                _process.Kill(entireProcessTree: true);
            }

            using var timeout = new CancellationTokenSource(ExitTimeout);
            try
            {
                await _process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync(CancellationToken.None);
            }
        }
    }

    private static async Task<bool> TrySendSigTermAsync(int pid)
    {
        var kill = E2EPrerequisites.FindOnPath("kill");
        if (kill is null)
        {
            return false;
        }

        var startInfo = new ProcessStartInfo(kill) { UseShellExecute = false };
        startInfo.ArgumentList.Add("-TERM");
        startInfo.ArgumentList.Add(pid.ToString(System.Globalization.CultureInfo.InvariantCulture));
        using var signal = Process.Start(startInfo);
        if (signal is null)
        {
            return false;
        }

        await signal.WaitForExitAsync();
        return signal.ExitCode == 0;
    }
}
