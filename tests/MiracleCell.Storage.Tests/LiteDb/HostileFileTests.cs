using System.Security.Cryptography;
using LiteDB;
using MiracleCell.Storage.LiteDb;
using static MiracleCell.Storage.Tests.StoreTestKit;

namespace MiracleCell.Storage.Tests.LiteDb;

/// <summary>
/// Files the store must refuse rather than use or repair: each gives one line naming the file and what to do,
/// and the file is left byte for byte as it was.
/// </summary>
public sealed class HostileFileTests : IDisposable
{
    private readonly TempFolder _folder = new();

    private StorageOptions Options => new() { DataFolder = _folder.Path, DatabaseFileName = "scores.litedb" };

    public void Dispose() => _folder.Dispose();

    private async Task<byte[]> CreateFileWithAGameAsync()
    {
        await using (var store = new LiteDbTriviaStore(Options, TimeProvider.System))
        {
            await StartGameAsync(store);
        }
        return File.ReadAllBytes(Options.DatabasePath);
    }

    private async Task<StoreUnavailableException> RefusedAsync()
    {
        await using var store = new LiteDbTriviaStore(Options, TimeProvider.System);
        var error = await Assert.ThrowsAsync<StoreUnavailableException>(() => store.InitializeAsync());
        Assert.DoesNotContain('\n', error.Message);
        Assert.Contains(Options.DatabasePath, error.Message, StringComparison.Ordinal);
        return error;
    }

    private void AssertUntouched(byte[] before) =>
        Assert.Equal(SHA256.HashData(before), SHA256.HashData(File.ReadAllBytes(Options.DatabasePath)));

    [Fact]
    public async Task A_second_store_on_the_same_file_is_refused_while_the_first_runs_and_opens_once_it_has_stopped()
    {
        await using var first = new LiteDbTriviaStore(Options, TimeProvider.System);
        var game = await StartGameAsync(first);

        var error = await RefusedAsync();
        await first.DisposeAsync();
        await using var later = new LiteDbTriviaStore(Options, TimeProvider.System);

        Assert.Contains("in use by another running MiracleCell", error.Message, StringComparison.Ordinal);
        Assert.Equal(game, (await later.FindRunningGameAsync(GuildA, new Snowflake(1)))!.GameId);
    }

    [Fact]
    public async Task A_file_from_a_newer_schema_is_refused_and_left_untouched()
    {
        await CreateFileWithAGameAsync();
        using (var database = new LiteDatabase(LiteDbFileOpener.Settings(Options.DatabasePath, readOnly: false)))
        {
            database.UserVersion = ScoreDocuments.SchemaVersion + 1;
        }
        var before = File.ReadAllBytes(Options.DatabasePath);

        var error = await RefusedAsync();

        Assert.Contains($"schema version {ScoreDocuments.SchemaVersion + 1}, newer than this build knows "
            + $"({ScoreDocuments.SchemaVersion})", error.Message, StringComparison.Ordinal);
        AssertUntouched(before);
    }

    [Fact]
    public async Task A_truncated_file_is_refused_and_left_untouched()
    {
        var full = await CreateFileWithAGameAsync();
        var truncated = full[..(full.Length - 100)];
        File.WriteAllBytes(Options.DatabasePath, truncated);

        var error = await RefusedAsync();

        Assert.Contains("is truncated", error.Message, StringComparison.Ordinal);
        AssertUntouched(truncated);
    }

    [Fact]
    public async Task A_corrupt_file_is_refused_and_left_untouched()
    {
        var garbage = new byte[4 * 8192];
        new Random(7).NextBytes(garbage);
        Directory.CreateDirectory(_folder.Path);
        File.WriteAllBytes(Options.DatabasePath, garbage);

        var error = await RefusedAsync();

        Assert.Contains("is damaged or not a LiteDB file", error.Message, StringComparison.Ordinal);
        AssertUntouched(garbage);
    }

    [Fact]
    public async Task A_file_whose_header_was_overwritten_is_refused_and_left_untouched()
    {
        var damaged = await CreateFileWithAGameAsync();
        Array.Fill(damaged, (byte)0xEE, 0, 200);
        File.WriteAllBytes(Options.DatabasePath, damaged);

        var error = await RefusedAsync();

        Assert.Contains("is damaged or not a LiteDB file", error.Message, StringComparison.Ordinal);
        AssertUntouched(damaged);
    }

    [Fact]
    public async Task A_read_only_file_is_refused_and_left_untouched()
    {
        var before = await CreateFileWithAGameAsync();
        new FileInfo(Options.DatabasePath).IsReadOnly = true;

        var error = await RefusedAsync();

        Assert.Contains("is read-only", error.Message, StringComparison.Ordinal);
        AssertUntouched(before);
        new FileInfo(Options.DatabasePath).IsReadOnly = false;
    }

    [Fact]
    public async Task A_file_left_by_a_killed_process_without_its_log_synced_into_it_opens_with_every_commit()
    {
        // The state a SIGKILL leaves: commits in the log file, the data file not yet checkpointed.
        var store = new LiteDbTriviaStore(Options, TimeProvider.System);
        var game = await StartGameAsync(store);
        Assert.Equal(AnswerWriteResult.Recorded, await store.RecordAnswerAsync(Answer(game, 0, new(1), 150)));
        var copy = Path.Combine(_folder.Path, "copy");
        Directory.CreateDirectory(copy);
        File.Copy(Options.DatabasePath, Path.Combine(copy, "scores.litedb"));
        File.Copy(LogFileSync.LogPathOf(Options.DatabasePath),
            LogFileSync.LogPathOf(Path.Combine(copy, "scores.litedb")));
        await store.DisposeAsync();

        await using var reopened = new LiteDbTriviaStore(
            new StorageOptions { DataFolder = copy, DatabaseFileName = "scores.litedb" }, TimeProvider.System);
        var closure = Assert.Single(await reopened.RecoverInterruptedGamesAsync());

        Assert.Equal(new PlayerGameScore(new Snowflake(1), 150, 1, 1), Assert.Single(closure.Scores));
    }
}
