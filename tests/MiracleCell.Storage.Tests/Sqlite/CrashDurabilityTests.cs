using System.Diagnostics;
using System.Reflection;
using static MiracleCell.Storage.Tests.StoreTestKit;

namespace MiracleCell.Storage.Tests.Sqlite;

/// <summary>
/// Runs the CrashWriter console as a child process, kills it while it is writing answers, and checks that every
/// answer it had acknowledged is in the database and nothing is counted twice.
/// </summary>
public sealed class CrashDurabilityTests : IDisposable
{
    private const int AcknowledgementsBeforeKill = 3_000;
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static string CrashWriterPath()
    {
        var path = typeof(CrashDurabilityTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "CrashWriterPath").Value!;
        Assert.True(File.Exists(path), $"The crash writer is not built at {path}: build tests/MiracleCell.Storage.CrashWriter.");
        return path;
    }

    [Fact]
    public async Task Every_acknowledged_answer_survives_a_kill_and_recovery_counts_each_once()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { CrashWriterPath(), "crash", _folder.Path, "6", "48" }) start.ArgumentList.Add(arg);
        using var writer = Process.Start(start)!;
        var errors = new System.Text.StringBuilder();
        writer.ErrorDataReceived += (_, e) => { lock (errors) errors.AppendLine(e.Data); };
        writer.BeginErrorReadLine();

        var acknowledged = new Dictionary<ulong, (string Result, long Game, ulong User, int Points)>();
        var redelivered = 0;
        string? line;
        while (acknowledged.Count < AcknowledgementsBeforeKill && (line = await ReadLineAsync(writer, errors, timeout.Token)) is not null)
        {
            var parts = line.Split(' ');
            if (parts is not ["ACK", var id, var result, var game, var user, var points, "END"]) continue;
            var interaction = ulong.Parse(id);
            if (acknowledged.TryGetValue(interaction, out var first))
            {
                Assert.Equal(("Recorded", "Redelivered"), (first.Result, result));
                redelivered++;
                continue;
            }
            Assert.Equal("Recorded", result);
            acknowledged[interaction] = (result, long.Parse(game), ulong.Parse(user), int.Parse(points));
        }
        Assert.True(acknowledged.Count == AcknowledgementsBeforeKill,
            $"The crash writer stopped after {acknowledged.Count} answers: {errors}");

        writer.Kill(entireProcessTree: true);
        await writer.WaitForExitAsync(timeout.Token);

        await using var store = Open(_folder.Path);
        await store.InitializeAsync();
        var stored = Scalar(store.DatabasePath, "SELECT COUNT(*) FROM answers");
        var storedIds = ReadInteractionIds(store.DatabasePath);
        Assert.True(redelivered > 0);
        Assert.All(acknowledged.Keys, id => Assert.Contains(id, storedIds));
        Assert.Equal(stored, storedIds.Count); // interaction ids are unique: nothing stored twice
        Assert.True(stored >= acknowledged.Count);

        var recovered = await store.RecoverInterruptedGamesAsync();
        Assert.Empty(await store.RecoverInterruptedGamesAsync());
        Assert.Equal(6, recovered.Count);
        var storedPoints = Scalar(store.DatabasePath, "SELECT SUM(points) FROM answers");
        Assert.Equal(storedPoints, Scalar(store.DatabasePath, "SELECT SUM(points) FROM player_totals"));
        Assert.Equal(stored, Scalar(store.DatabasePath, "SELECT SUM(answers) FROM player_totals"));
    }

    private static async Task<string?> ReadLineAsync(Process writer, System.Text.StringBuilder errors, CancellationToken cancellationToken)
    {
        try
        {
            return await writer.StandardOutput.ReadLineAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            writer.Kill(entireProcessTree: true);
            lock (errors) Assert.Fail($"The crash writer printed nothing in time. Its errors: {errors}");
            throw;
        }
    }

    private static HashSet<ulong> ReadInteractionIds(string databasePath)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={databasePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT interaction_id FROM answers";
        using var reader = command.ExecuteReader();
        var ids = new HashSet<ulong>();
        while (reader.Read()) ids.Add((ulong)reader.GetInt64(0));
        return ids;
    }
}
