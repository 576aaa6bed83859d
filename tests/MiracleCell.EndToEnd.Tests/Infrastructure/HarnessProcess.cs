using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace MiracleCell.EndToEnd.Tests.Infrastructure;

/// <summary>Installs the harness's npm packages when needed and runs <c>node harness.mjs</c> as a child
/// process.</summary>
public sealed class HarnessProcess : IAsyncDisposable
{
    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(10);

    private readonly Process _process;
    private readonly StringBuilder _stderr;

    private HarnessProcess(Process process, StringBuilder stderr, HarnessEndpoints endpoints)
    {
        _process = process;
        _stderr = stderr;
        Endpoints = endpoints;
    }

    public HarnessEndpoints Endpoints { get; }

    public string StandardError
    {
        get
        {
            lock (_stderr)
            {
                return _stderr.ToString();
            }
        }
    }

    public static async Task<HarnessProcess> StartAsync(E2EPrerequisites prerequisites,
        CancellationToken cancellationToken)
    {
        var layout = prerequisites.Layout!;
        await EnsurePackagesInstalledAsync(layout, cancellationToken);

        var startInfo = new ProcessStartInfo(prerequisites.NodePath!)
        {
            WorkingDirectory = layout.HarnessDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        startInfo.ArgumentList.Add(layout.HarnessScript);
        startInfo.ArgumentList.Add("--spec");
        startInfo.ArgumentList.Add(layout.SpecPath);

        var process = Process.Start(startInfo)
            ?? throw new InvalidOperationException($"Could not start {startInfo.FileName} {layout.HarnessScript}.");
        var stderr = new StringBuilder();
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (stderr)
                {
                    stderr.AppendLine(e.Data);
                }
            }
        };
        process.BeginErrorReadLine();

        try
        {
            var endpoints = await ReadReadyLineAsync(process, stderr, cancellationToken);
            return new HarnessProcess(process, stderr, endpoints);
        }
        catch
        {
            await StopAsync(process);
            process.Dispose();
            throw;
        }
    }

    private static async Task<HarnessEndpoints> ReadReadyLineAsync(Process process, StringBuilder stderr,
        CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ReadyTimeout);
        string? line;
        try
        {
            line = await process.StandardOutput.ReadLineAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new InvalidOperationException("The e2e harness printed no ready line within "
                + $"{ReadyTimeout.TotalSeconds} s. Its stderr:\n{Snapshot(stderr)}");
        }

        if (line is null)
        {
            await process.WaitForExitAsync(cancellationToken);
            throw new InvalidOperationException($"The e2e harness exited with code {process.ExitCode} before it was "
                + $"ready. Its stderr:\n{Snapshot(stderr)}");
        }

        try
        {
            return JsonSerializer.Deserialize<HarnessEndpoints>(line, TwinJson.Options)
                ?? throw new JsonException("the line was JSON null");
        }
        catch (JsonException exception)
        {
            throw new InvalidOperationException("The e2e harness's ready line is not the expected JSON "
                + $"({exception.Message}): {line}", exception);
        }
    }

    private static string Snapshot(StringBuilder stderr)
    {
        lock (stderr)
        {
            return stderr.ToString();
        }
    }

    /// <summary>Runs <c>npm ci</c> when <c>node_modules</c> is missing or older than the lock file, so a plain
    /// <c>dotnet test</c> works.</summary>
    private static async Task EnsurePackagesInstalledAsync(RepositoryLayout layout, CancellationToken cancellationToken)
    {
        var lockFile = Path.Combine(layout.HarnessDirectory, "package-lock.json");
        var installedLock = Path.Combine(layout.HarnessDirectory, "node_modules", ".package-lock.json");
        if (File.Exists(installedLock) && File.GetLastWriteTimeUtc(installedLock) >= File.GetLastWriteTimeUtc(lockFile))
        {
            return;
        }

        var npm = E2EPrerequisites.FindOnPath(OperatingSystem.IsWindows() ? "npm.cmd" : "npm")
            ?? throw new InvalidOperationException("npm is not on PATH; it ships with Node.js and is needed to "
                + "install tests/e2e-harness.");
        var startInfo = new ProcessStartInfo(npm)
        {
            WorkingDirectory = layout.HarnessDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "ci", "--no-audit", "--no-fund" })
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException("Could not start npm ci.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(InstallTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"npm ci in {layout.HarnessDirectory} did not finish within "
                + $"{InstallTimeout.TotalMinutes} minutes.");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"npm ci in {layout.HarnessDirectory} failed with exit code {process.ExitCode}; run it by hand to see "
                    + $"why.\n{await output}\n{await errors}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(_process);
        _process.Dispose();
    }

    /// <summary>Closing stdin asks the harness to stop; it is killed only if it does not.</summary>
    private static async Task StopAsync(Process process)
    {
        if (process.HasExited)
        {
            return;
        }

        try
        {
            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // The pipe is already gone; the wait below decides.
        }

        using var timeout = new CancellationTokenSource(ExitTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
        }
    }
}
