using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Npgsql;
using Xunit;

namespace MiracleCell.Testing;

/// <summary>
/// A private PostgreSQL cluster for tests: created with <c>initdb</c> in a temporary folder, started on a free
/// loopback port as the unprivileged <c>postgres</c> account when run as root (the server refuses root), and stopped
/// by its process id. Use it as an xunit collection fixture; each test asks for its own database.
/// </summary>
public sealed class PostgreSqlServer : IAsyncLifetime
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(30);
    private const string Account = "postgres";

    private readonly StringBuilder _log = new();
    private string? _folder;
    private Process? _server;

    public int Port { get; private set; }

    /// <summary>The server's process id while it runs.</summary>
    public int? ProcessId => _server is { HasExited: false } server ? server.Id : null;

    private string DataFolder => Path.Combine(_folder!, "data");

    public async Task InitializeAsync()
    {
        if (PostgreSqlBinaries.Folder is null)
        {
            // Tests marked [PostgreSqlFact] are skipped then, unless CI, which must have the server.
            if (PostgreSqlBinaries.IsCi)
                throw new InvalidOperationException(PostgreSqlBinaries.MissingReason + " (CI=true: .ci/run should "
                    + "have installed them)");
            return;
        }
        _folder = Path.Combine(Path.GetTempPath(), "miraclecell-postgres", Guid.NewGuid().ToString("N"));
        // Written by the postgres account: initdb creates data/ inside, owned by that account; the socket goes here
        // too.
        Directory.CreateDirectory(_folder);
        if (!OperatingSystem.IsWindows())
        {
            const UnixFileMode everyone = (UnixFileMode)0b111_111_111;
            File.SetUnixFileMode(_folder, everyone);
            File.SetUnixFileMode(Path.GetDirectoryName(_folder)!, everyone);
        }
        await RunToEndAsync("initdb",
            ["-D", DataFolder, "-U", Account, "--auth=trust", "--no-sync", "--no-instructions", "-E", "UTF8",
                "--locale=C"])
            .ConfigureAwait(false);
        Port = FreeLoopbackPort();
        await StartAsync().ConfigureAwait(false);
    }

    /// <summary>A connection string to <paramref name="database"/> on this server.</summary>
    public string ConnectionString(string database = "postgres") =>
        $"Host=127.0.0.1;Port={Port};Username={Account};Database={database};Timeout=5;Command Timeout=30";

    /// <summary>Creates an empty database with a fresh name and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(CancellationToken cancellationToken = default)
    {
        if (_folder is null) throw new InvalidOperationException(PostgreSqlBinaries.MissingReason);
        var name = "test_" + Guid.NewGuid().ToString("N");
        await using var connection = new NpgsqlConnection(ConnectionString() + ";Pooling=false");
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var create = new NpgsqlCommand($"CREATE DATABASE {name};", connection);
        await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return ConnectionString(name);
    }

    /// <summary>Drops a database made by <see cref="CreateDatabaseAsync"/>, cutting any session still on it.</summary>
    public async Task DropDatabaseAsync(string connectionString, CancellationToken cancellationToken = default)
    {
        if (_server is not { HasExited: false }) return;
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        await using var connection = new NpgsqlConnection(ConnectionString() + ";Pooling=false");
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE);", connection);
        await drop.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Starts the server (again) on the same folder and port and waits until it accepts connections.</summary>
    public async Task StartAsync()
    {
        if (_server is { HasExited: false }) return;
        _server?.Dispose();
        _server = Launch("postgres", [
            "-D", DataFolder, "-p", Port.ToString(CultureInfo.InvariantCulture), "-k", _folder!,
            "-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200", "-c", "shared_buffers=32MB"]);
        _server.BeginOutputReadLine();
        _server.BeginErrorReadLine();
        await WaitUntilReadyAsync().ConfigureAwait(false);
    }

    /// <summary>Stops the server by its process id (fast shutdown: sessions are cut, committed data stays) and waits
    /// for it to exit.</summary>
    public async Task StopAsync()
    {
        if (_server is not { HasExited: false } server) return;
        using (var signal = Process.Start(
            new ProcessStartInfo("kill", ["-INT", server.Id.ToString(CultureInfo.InvariantCulture)]))!)
        {
            await signal.WaitForExitAsync().ConfigureAwait(false);
        }
        using var timeout = new CancellationTokenSource(StopTimeout);
        try
        {
            await server.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            server.Kill();
            await server.WaitForExitAsync().ConfigureAwait(false);
        }
    }

    public async Task DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        _server?.Dispose();
        if (_folder is not null)
        {
            try { Directory.Delete(_folder, recursive: true); }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
    }

    private async Task WaitUntilReadyAsync()
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (_server!.HasExited)
                throw new InvalidOperationException(
                    $"PostgreSQL exited with code {_server.ExitCode} at start: {Log()}");
            try
            {
                await using var connection = new NpgsqlConnection(ConnectionString() + ";Pooling=false;Timeout=2");
                await connection.OpenAsync().ConfigureAwait(false);
                return;
            }
            catch (NpgsqlException) when (deadline.Elapsed < ReadyTimeout)
            {
                // Not accepting connections yet: poll again shortly (bounded by ReadyTimeout).
                await Task.Delay(100).ConfigureAwait(false);
            }
        }
    }

    private Process Launch(string program, IEnumerable<string> arguments)
    {
        var path = Path.Combine(PostgreSqlBinaries.Folder!, program);
        var start = new ProcessStartInfo { RedirectStandardOutput = true, RedirectStandardError = true,
            UseShellExecute = false };
        if (Environment.UserName == "root")
        {
            if (!File.ReadLines("/etc/passwd").Any(line => line.StartsWith(Account + ":", StringComparison.Ordinal)))
            {
                throw new InvalidOperationException(
                    $"PostgreSQL refuses to run as root and there is no '{Account}' account to run it as: install the "
                        + "postgresql package, which creates it.");
            }
            start.FileName = "setpriv";
            foreach (var arg in new[] { $"--reuid={Account}", $"--regid={Account}", "--init-groups", "--", path })
                start.ArgumentList.Add(arg);
        }
        else
        {
            start.FileName = path;
        }
        foreach (var arg in arguments) start.ArgumentList.Add(arg);
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.Start();
        return process;
    }

    private async Task RunToEndAsync(string program, IEnumerable<string> arguments)
    {
        using var process = Launch(program, arguments);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await process.WaitForExitAsync().ConfigureAwait(false);
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{program} failed with exit code {process.ExitCode}: {Log()}");
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_log) _log.AppendLine(line);
    }

    private string Log()
    {
        lock (_log) return _log.ToString();
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
