using System.Diagnostics;
using MiracleCell.EndToEnd.Tests.Bot;

namespace MiracleCell.EndToEnd.Tests.Infrastructure;

/// <summary>
/// The bot as it is deployed: <c>dotnet publish src/MiracleCell.Bot</c> (self-contained, trimmed, with the content
/// packs), built once into a temporary folder with its own build artifacts so the repository's outputs are untouched.
/// </summary>
public sealed class PublishedBotBuild : IAsyncLifetime
{
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromMinutes(5);

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "miraclecell-e2e-published-" + Guid.NewGuid().ToString("N"));

    /// <summary>The published build's native launcher.</summary>
    public string Executable => Path.Combine(_folder, "app", OperatingSystem.IsWindows() ? "MiracleCell.Bot.exe" : "MiracleCell.Bot");

    public async Task InitializeAsync()
    {
        var layout = RepositoryLayout.Locate();
        var startInfo = new ProcessStartInfo(BotProcess.FindDotnet())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "publish", Path.Combine(layout.RepositoryRoot, "src", "MiracleCell.Bot"), "-c", "Release", "-nologo",
            "-o", Path.Combine(_folder, "app"), "--artifacts-path", Path.Combine(_folder, "artifacts"),
        })
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var publish = Process.Start(startInfo) ?? throw new InvalidOperationException("Could not start dotnet publish.");
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
            throw new InvalidOperationException($"dotnet publish of the bot did not finish within {PublishTimeout.TotalMinutes} minutes.");
        }

        if (publish.ExitCode != 0 || !File.Exists(Executable))
        {
            throw new InvalidOperationException($"dotnet publish of the bot failed with exit code {publish.ExitCode}:\n{await output}\n{await errors}");
        }
    }

    public Task DisposeAsync()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }

        return Task.CompletedTask;
    }
}
