using System.Diagnostics;
using System.Globalization;
using MiracleCell.Bot.Tests.Trivia;
using MiracleCell.Bot.Transport;
using MiracleCell.Testing;
using Npgsql;

namespace MiracleCell.Bot.Tests.Transport;

/// <summary>
/// Two coordinators, each with its own connection pool as two bot processes would have, pacing identifies through
/// one real PostgreSQL database.
/// </summary>
[Collection(PostgreSqlServerCollection.Name)]
public sealed class PostgreSqlIdentifyCoordinatorTests(PostgreSqlServer server)
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [PostgreSqlFact]
    public async Task Two_processes_get_one_identify_per_bucket_per_interval()
    {
        var database = await server.CreateDatabaseAsync();
        var time = new ManualTimeProvider();
        await using var first = Coordinator(database, time);
        await using var second = Coordinator(database, time);

        // max_concurrency 2: shards 0 and 2 share bucket 0, shards 1 and 3 bucket 1.
        await first.WaitTurnAsync(0, 2, CancellationToken.None).WaitAsync(Patience);
        await second.WaitTurnAsync(1, 2, CancellationToken.None).WaitAsync(Patience);
        var sameBucket = second.WaitTurnAsync(2, 2, CancellationToken.None);
        await WaitUntilAsync(() => time.PendingTimers == 1 || sameBucket.IsCompleted);
        Assert.False(sameBucket.IsCompleted, "shard 2 identified in bucket 0 right after shard 0");

        time.Advance(Interval - TimeSpan.FromMilliseconds(1));
        Assert.False(sameBucket.IsCompleted, "shard 2 identified before the bucket's 5 s were over");
        time.Advance(TimeSpan.FromMilliseconds(1));
        await sameBucket.WaitAsync(Patience);

        // Shard 0 reconnecting now waits a full interval from shard 2's turn, in the other process.
        var again = first.WaitTurnAsync(0, 2, CancellationToken.None);
        await WaitUntilAsync(() => time.PendingTimers == 1 || again.IsCompleted);
        Assert.False(again.IsCompleted);
        time.Advance(Interval);
        await again.WaitAsync(Patience);
    }

    [PostgreSqlFact]
    public async Task Two_processes_asking_at_once_for_one_bucket_get_it_one_after_the_other()
    {
        var database = await server.CreateDatabaseAsync();
        var time = new ManualTimeProvider();
        await using var first = Coordinator(database, time);
        await using var second = Coordinator(database, time);

        Task[] turns = [first.WaitTurnAsync(0, 1, CancellationToken.None),
            second.WaitTurnAsync(1, 1, CancellationToken.None)];
        await WaitUntilAsync(() => time.PendingTimers == 1 && turns.Count(t => t.IsCompleted) == 1);

        time.Advance(Interval);
        await Task.WhenAll(turns).WaitAsync(Patience);
        Assert.Equal(0, time.PendingTimers);
    }

    [PostgreSqlFact]
    public async Task A_process_killed_while_holding_the_bucket_lock_does_not_block_the_others()
    {
        var database = await server.CreateDatabaseAsync();
        var time = new ManualTimeProvider();
        await using var survivor = Coordinator(database, time);
        // Creates the table, so the killed holder below only has to take the bucket's lock.
        await survivor.WaitTurnAsync(5, 16, CancellationToken.None).WaitAsync(Patience);

        var key = PostgreSqlIdentifyCoordinator.LockKey(maxConcurrency: 1, bucket: 0);
        using var holder = StartLockHolder(database, key);
        await WaitUntilAsync(async () => await AdvisoryLocksAsync(database, key, granted: true) == 1);

        var turn = survivor.WaitTurnAsync(0, 1, CancellationToken.None);
        await WaitUntilAsync(async () => await AdvisoryLocksAsync(database, key, granted: false) == 1);
        Assert.False(turn.IsCompleted, "the turn was given while another session held the bucket's lock");

        holder.Kill();
        await holder.WaitForExitAsync();
        await turn.WaitAsync(Patience);
    }

    private static PostgreSqlIdentifyCoordinator Coordinator(string connectionString, TimeProvider time) =>
        PostgreSqlIdentifyCoordinator.ForStorage(
            new Storage.StorageOptions { Provider = Storage.StorageProvider.PostgreSql,
                ConnectionString = connectionString },
            time, Interval);

    /// <summary>A psql process that takes the bucket's lock in an open transaction and then waits on its
    /// input.</summary>
    private static Process StartLockHolder(string connectionString, int key)
    {
        var parsed = new NpgsqlConnectionStringBuilder(connectionString);
        var psql = new ProcessStartInfo(Path.Combine(PostgreSqlBinaries.Folder!, "psql"),
            ["-X", "-q", "-h", parsed.Host!, "-p", parsed.Port.ToString(CultureInfo.InvariantCulture),
             "-U", parsed.Username!, "-d", parsed.Database!])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var process = Process.Start(psql)!;
        process.StandardInput.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"BEGIN; SELECT pg_advisory_xact_lock({PostgreSqlIdentifyCoordinator.LockSpace}, {key});"));
        process.StandardInput.Flush();
        return process;
    }

    private static async Task<long> AdvisoryLocksAsync(string connectionString, int key, bool granted)
    {
        await using var connection = new NpgsqlConnection(connectionString + ";Pooling=false");
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand(
            """
            SELECT count(*) FROM pg_locks
            WHERE locktype = 'advisory' AND classid::bigint = @space AND objid::bigint = @key AND objsubid = 2
                AND granted = @granted
            """, connection);
        count.Parameters.Add(new NpgsqlParameter<long>("space", PostgreSqlIdentifyCoordinator.LockSpace));
        count.Parameters.Add(new NpgsqlParameter<long>("key", key));
        count.Parameters.Add(new NpgsqlParameter<bool>("granted", granted));
        return (long)(await count.ExecuteScalarAsync())!;
    }

    private static Task WaitUntilAsync(Func<bool> condition) => WaitUntilAsync(() => Task.FromResult(condition()));

    /// <summary>Polls a condition that other processes make true; fails after <see cref="Patience"/>.</summary>
    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var started = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(started.Elapsed < Patience, "the expected state was not reached in time");
            await Task.Delay(10);
        }
    }
}
