using LiteDB;
using MiracleCell.Storage.LiteDb;
using static MiracleCell.Storage.Tests.StoreTestKit;

namespace MiracleCell.Storage.Tests.LiteDb;

/// <summary>How the LiteDB file keeps answers: its log, its checkpoints and its answer indexes.</summary>
public sealed class LiteDbAnswerFileTests : IDisposable
{
    private readonly TempFolder _folder = new();

    private StorageOptions Options => new() { DataFolder = _folder.Path, DatabaseFileName = "scores.litedb" };

    [Fact]
    public async Task A_stopped_store_has_copied_every_answer_into_the_data_file_and_emptied_its_log()
    {
        const int answers = 300;
        await using (var store = new LiteDbTriviaStore(Options, TimeProvider.System))
        {
            var game = await StartGameAsync(store, questions: 3);
            await Task.WhenAll(Enumerable.Range(1, answers).Select(user =>
                store.RecordAnswerAsync(Answer(game, user % 3, new Snowflake((ulong)user), points: 100))));
        }

        var log = new FileInfo(LogFileSync.LogPathOf(Options.DatabasePath));
        Assert.False(log.Exists && log.Length > 0, "the log still holds pages after the store stopped");
        // The data file alone, without any log beside it, holds every answer.
        var copy = Path.Combine(_folder.Path, "copy", "scores.litedb");
        Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
        File.Copy(Options.DatabasePath, copy);
        using var data = new LiteDatabase(LiteDbFileOpener.Settings(copy, readOnly: true));
        Assert.Equal(answers, data.GetCollection(ScoreDocuments.Answers).Count());
    }

    [Fact]
    public async Task A_file_from_before_schema_3_drops_its_slot_index_and_still_takes_one_answer_per_player()
    {
        Directory.CreateDirectory(_folder.Path);
        using (var old = new LiteDatabase(LiteDbFileOpener.Settings(Options.DatabasePath, readOnly: false)))
        {
            ScoreDocuments.EnsureIndexes(old);
            old.GetCollection(ScoreDocuments.Answers).EnsureIndex("slot", "$.slot", unique: true);
            old.UserVersion = 2;
        }

        await using (var store = new LiteDbTriviaStore(Options, TimeProvider.System))
        {
            var game = await StartGameAsync(store);
            Assert.Equal(AnswerWriteResult.Recorded,
                await store.RecordAnswerAsync(Answer(game, 0, Ann, 100, interaction: new(1))));
            Assert.Equal(AnswerWriteResult.AlreadyAnswered,
                await store.RecordAnswerAsync(Answer(game, 0, Ann, 100, interaction: new(2))));
            Assert.Equal(AnswerWriteResult.Recorded,
                await store.RecordAnswerAsync(Answer(game, 1, Ann, 100, interaction: new(3))));
        }

        using var upgraded = new LiteDatabase(LiteDbFileOpener.Settings(Options.DatabasePath, readOnly: true));
        Assert.Equal(ScoreDocuments.SchemaVersion, upgraded.UserVersion);
        var indexes = upgraded.GetCollection("$indexes")
            .Find(BsonExpression.Create("$.collection = @0", ScoreDocuments.Answers));
        Assert.Equal(["_id"], indexes.Select(i => i["name"].AsString).Order());
        Assert.Equal(2, upgraded.GetCollection(ScoreDocuments.Answers).Count());
    }

    [Fact]
    public async Task An_interaction_kept_for_another_game_is_told_apart_and_spoils_no_other_answer()
    {
        await using var store = new LiteDbTriviaStore(Options, TimeProvider.System);
        var first = await StartGameAsync(store, channel: new(1));
        var second = await StartGameAsync(store, channel: new(2));
        await store.RecordAnswerAsync(Answer(first, 0, Ann, 100, interaction: new(77)));

        var results = await Task.WhenAll(
            store.RecordAnswerAsync(Answer(second, 0, Ann, 100, interaction: new(77))),
            store.RecordAnswerAsync(Answer(second, 0, Bob, 100, interaction: new(78))));

        Assert.Equal([AnswerWriteResult.GameNotRunning, AnswerWriteResult.Recorded], results);
        Assert.Equal(AnswerWriteResult.Redelivered,
            await store.RecordAnswerAsync(Answer(first, 0, Ann, 100, interaction: new(77))));
    }

    private static readonly Snowflake Ann = new(1), Bob = new(2);

    public void Dispose() => _folder.Dispose();
}
