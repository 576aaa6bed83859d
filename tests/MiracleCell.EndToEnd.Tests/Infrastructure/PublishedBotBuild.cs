using System.Diagnostics;
using MiracleCell.EndToEnd.Tests.Bot;

namespace MiracleCell.EndToEnd.Tests.Infrastructure;

/// <summary>
/// The bot as it is deployed: <c>dotnet publish src/MiracleCell.Bot -c Release</c> (Native AOT, with the content
/// packs), built once per test run into a temporary folder with its own build artifacts so the repository's outputs
/// are untouched. <see cref="DigitalTwinFixture"/> publishes it while the harness starts, and the bot tests run it.
/// </summary>
public sealed class PublishedBotBuild : IAsyncDisposable
{
    /// <summary>
    /// Set to <c>output</c> to run the bot tests against the build output under <c>dotnet</c> (the JIT build, as
    /// <c>dotnet run</c> starts it) instead of publishing: quicker while working on the bot, not what is deployed.
    /// Set to the path of a bot already published to run that one without publishing again.
    /// </summary>
    public const string BuildVariable = "MIRACLECELL_E2E_BOT";

    // Native AOT compiles the whole program on top of the build: minutes on a small machine.
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromMinutes(10);

    private readonly string? _folder;

    private PublishedBotBuild(string? folder, string executable)
    {
        _folder = folder;
        Executable = executable;
    }

    /// <summary>True when <see cref="PrepareAsync"/> will publish the bot (<see cref="BuildVariable"/> is not
    /// set).</summary>
    public static bool PublishesNow => string.IsNullOrEmpty(Environment.GetEnvironmentVariable(BuildVariable));

    /// <summary>The published build's native executable.</summary>
    public string Executable { get; }

    /// <summary>
    /// The build <see cref="BuildVariable"/> asks for: published now (unset), an existing one (a path), or none
    /// (<c>output</c>: the tests start the build output).
    /// </summary>
    public static async Task<PublishedBotBuild?> PrepareAsync(RepositoryLayout layout)
    {
        switch (Environment.GetEnvironmentVariable(BuildVariable))
        {
            case null or "":
                return await PublishAsync(layout);
            case var wanted when string.Equals(wanted, "output", StringComparison.OrdinalIgnoreCase):
                return null;
            case var path when File.Exists(path):
                return new PublishedBotBuild(null, Path.GetFullPath(path));
            case var path:
                throw new InvalidOperationException($"{BuildVariable} is '{path}', which is neither 'output' nor an "
                    + "existing published bot.");
        }
    }

    private static async Task<PublishedBotBuild> PublishAsync(RepositoryLayout layout)
    {
        var folder = Path.Combine(Path.GetTempPath(), "miraclecell-e2e-published-" + Guid.NewGuid().ToString("N"));
        var build = new PublishedBotBuild(folder,
            Path.Combine(folder, "app", OperatingSystem.IsWindows() ? "MiracleCell.Bot.exe" : "MiracleCell.Bot"));
        try
        {
            await build.RunPublishAsync(layout);
            return build;
        }
        catch
        {
            await build.DisposeAsync();
            throw;
        }
    }

    private async Task RunPublishAsync(RepositoryLayout layout)
    {
        var folder = _folder!;
        var startInfo = new ProcessStartInfo(BotProcess.FindDotnet())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "publish", Path.Combine(layout.RepositoryRoot, "src", "MiracleCell.Bot"), "-c", "Release", "-nologo",
            "-o", Path.Combine(folder, "app"), "--artifacts-path", Path.Combine(folder, "artifacts"),
        })
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var publish = Process.Start(startInfo)
            ?? throw new InvalidOperationException("Could not start dotnet publish.");
        var output = publish.StandardOutput.ReadToEndAsync();
        var errors = publish.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(PublishTimeout);
        try
        {
            await publish.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            publish.Kill(entireProcessTree: true);
            throw new InvalidOperationException("dotnet publish of the bot did not finish within "
                + $"{PublishTimeout.TotalMinutes} minutes.");
        }

        if (publish.ExitCode != 0 || !File.Exists(Executable))
        {
            throw new InvalidOperationException("dotnet publish of the bot failed with exit code "
                + $"{publish.ExitCode}:\n{await output}\n{await errors}");
        }
    }

    public ValueTask DisposeAsync()
    {
        if (_folder is not null && Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }

        return ValueTask.CompletedTask;
    }
}
