using LiteDB;
using MiracleCell.Storage.LiteDb;
using static MiracleCell.Storage.Tests.StoreTestKit;

namespace MiracleCell.Storage.Tests.LiteDb;

/// <summary>How a game's answers are found in the file without an index by game (schema 4): from the lowest
/// interaction id the game records along <c>_id</c>, or, for games written before, through the whole
/// collection.</summary>
public sealed class LiteDbGameAnswersTests : IDisposable
{
    private static readonly Snowflake Ann = new(1), Bob = new(2), Cat = new(3);
    private readonly TempFolder _folder = new();

    private StorageOptions Options => new() { DataFolder = _folder.Path, DatabaseFileName = "scores.litedb" };

    [Fact]
    public async Task After_a_restart_a_game_finds_every_answer_however_its_interaction_ids_were_ordered()
    {
        long game;
        await using (var store = new LiteDbTriviaStore(Options, TimeProvider.System))
        {
            game = await StartGameAsync(store, channel: new(1), questions: 2);
            var other = await StartGameAsync(store, channel: new(2), questions: 2);
            // The lowest id comes second and another game's answers lie between this game's.
            await store.RecordAnswerAsync(Answer(game, 0, Ann, 100, interaction: new(500)));
            await store.RecordAnswerAsync(Answer(other, 0, Ann, 100, interaction: new(400)));
            await store.RecordAnswerAsync(Answer(game, 0, Bob, 100, interaction: new(300)));
            await store.RecordAnswerAsync(Answer(other, 0, Bob, 100, interaction: new(350)));
            await store.RecordAnswerAsync(Answer(game, 1, Ann, 0, interaction: new(600)));
        }

        await using var reopened = new LiteDbTriviaStore(Options, TimeProvider.System);
        Assert.Equal(AnswerWriteResult.AlreadyAnswered,
            await reopened.RecordAnswerAsync(Answer(game, 0, Bob, 100, interaction: new(700))));
        Assert.Equal(AnswerWriteResult.Redelivered,
            await reopened.RecordAnswerAsync(Answer(game, 0, Bob, 100, interaction: new(300))));
        var closure = await reopened.FinishGameAsync(GuildA, game, GameEndState.Finished, Start.AddMinutes(5));

        Assert.NotNull(closure);
        Assert.Equal([new PlayerGameScore(Ann, 100, 2, 1), new PlayerGameScore(Bob, 100, 1, 1)], closure.Scores);
    }

    [Fact]
    public async Task A_file_from_schema_3_drops_its_game_index_and_a_running_game_keeps_its_earlier_answers()
    {
        long game;
        await using (var store = new LiteDbTriviaStore(Options, TimeProvider.System))
        {
            game = await StartGameAsync(store, questions: 2);
            await store.RecordAnswerAsync(Answer(game, 0, Ann, 100, interaction: new(20)));
            await store.RecordAnswerAsync(Answer(game, 0, Bob, 0, interaction: new(10)));
        }
        // As schema 3 wrote it: an index by game, and no first answer on the game.
        using (var old = new LiteDatabase(LiteDbFileOpener.Settings(Options.DatabasePath, readOnly: false)))
        {
            var games = old.GetCollection(ScoreDocuments.Games);
            var document = games.FindById(game);
            document.Remove(ScoreDocuments.FirstAnswer);
            games.Update(document);
            old.GetCollection(ScoreDocuments.Answers).EnsureIndex("game", "$.game");
            old.UserVersion = 3;
        }

        await using (var store = new LiteDbTriviaStore(Options, TimeProvider.System))
        {
            Assert.Equal(AnswerWriteResult.AlreadyAnswered,
                await store.RecordAnswerAsync(Answer(game, 0, Ann, 100, interaction: new(30))));
            Assert.Equal(AnswerWriteResult.Recorded,
                await store.RecordAnswerAsync(Answer(game, 0, Cat, 100, interaction: new(40))));
        }
        await using (var store = new LiteDbTriviaStore(Options, TimeProvider.System))
        {
            var closure = await store.FinishGameAsync(GuildA, game, GameEndState.Finished, Start.AddMinutes(5));
            Assert.NotNull(closure);
            Assert.Equal([Ann, Cat, Bob], closure.Scores.Select(s => s.UserId));
        }

        using var upgraded = new LiteDatabase(LiteDbFileOpener.Settings(Options.DatabasePath, readOnly: true));
        Assert.Equal(ScoreDocuments.SchemaVersion, upgraded.UserVersion);
        var indexes = upgraded.GetCollection("$indexes")
            .Find(BsonExpression.Create("$.collection = @0", ScoreDocuments.Answers));
        Assert.Equal(["_id"], indexes.Select(i => i["name"].AsString));
    }

    public void Dispose() => _folder.Dispose();
}
