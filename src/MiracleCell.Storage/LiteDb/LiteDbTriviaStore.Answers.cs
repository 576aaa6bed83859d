using LiteDB;
using static MiracleCell.Storage.LiteDb.ScoreDocuments;

namespace MiracleCell.Storage.LiteDb;

public sealed partial class LiteDbTriviaStore
{
    // Runs on the single writer thread, so nothing can change the file between the checks and the insert. A running
    // game's answers are checked in memory (see RunningGameAnswers): a query costs far more CPU than the insert, and
    // the writer's CPU is what bounds the answers per second. The unique indexes still enforce both keys.
    public async Task<AnswerWriteResult> RecordAnswerAsync(AnswerRecord answer,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(answer);
        try
        {
            return await WriteAsync(database => RecordAnswer(database, answer), cancellationToken)
                .ConfigureAwait(false);
        }
        catch (LiteException ex) when (ex.ErrorCode == LiteException.INDEX_DUPLICATE_KEY)
        {
            // An interaction id already kept for another game: Discord never sends one, but the answer is still
            // told apart as the file says (its batch was rolled back and the others written one by one).
            return await WriteAsync(database => EarlierAnswer(database, answer) ?? AnswerWriteResult.GameNotRunning,
                cancellationToken).ConfigureAwait(false);
        }
    }

    private AnswerWriteResult RecordAnswer(LiteDatabase database, AnswerRecord answer)
    {
        var (guild, user) = (Id(answer.GuildId), Id(answer.UserId));
        var running = RunningGame(database, answer.GameId);
        if (running is null || running.Guild != guild)
        {
            // A redelivery of an answer to a game that has ended since is still recognised.
            return EarlierAnswer(database, answer) ?? AnswerWriteResult.GameNotRunning;
        }
        if (running.SlotOf(Id(answer.InteractionId)) is { } earlier)
        {
            return earlier == (answer.QuestionIndex, user)
                ? AnswerWriteResult.Redelivered
                : AnswerWriteResult.GameNotRunning;
        }
        if (!running.HasQuestion(answer.QuestionIndex)) return AnswerWriteResult.GameNotRunning;
        if (running.IsTaken(answer.QuestionIndex, user)) return AnswerWriteResult.AlreadyAnswered;
        var id = Id(answer.InteractionId);
        Answers(database).Insert(new BsonDocument
        {
            ["_id"] = id,
            ["guild"] = guild,
            ["game"] = answer.GameId,
            ["question"] = answer.QuestionIndex,
            ["user"] = user,
            ["choice"] = (int)answer.Choice,
            ["correct"] = answer.IsCorrect,
            ["points"] = answer.Points,
            ["at"] = ToUnixMs(answer.AnsweredAt),
        });
        if (running.FirstAnswer is not { } first || id < first)
        {
            // Once per game in practice (interaction ids rise): the game's answers are then found from here on.
            var game = Games(database).FindById(answer.GameId);
            game[FirstAnswer] = id;
            Games(database).Update(game);
            running.FirstAnswer = id;
        }
        running.Add(id, new GameAnswer(user, answer.QuestionIndex, answer.IsCorrect, answer.Points,
            ToUnixMs(answer.AnsweredAt)));
        return AnswerWriteResult.Recorded;
    }

    private static AnswerWriteResult? EarlierAnswer(LiteDatabase database, AnswerRecord answer) =>
        Answers(database).FindById(Id(answer.InteractionId)) is { } earlier
            ? earlier["guild"].AsInt64 == Id(answer.GuildId)
              && earlier["game"].AsInt64 == answer.GameId && earlier["question"].AsInt32 == answer.QuestionIndex
              && earlier["user"].AsInt64 == Id(answer.UserId)
                ? AnswerWriteResult.Redelivered
                : AnswerWriteResult.GameNotRunning
            : null;

    // Writer thread only (see _runningGames).
    private RunningGameAnswers? RunningGame(LiteDatabase database, long gameId)
    {
        if (_runningGames.TryGetValue(gameId, out var running)) return running;
        var game = Games(database).FindById(gameId);
        if (game is null || game["state"].AsString != Running) return null;
        var recorded = game.TryGetValue(FirstAnswer, out var first);
        running = new RunningGameAnswers(game["guild"].AsInt64,
            game["questions"].AsArray.Select(q => q.AsDocument["index"].AsInt32),
            recorded && !first.IsNull ? first.AsInt64 : null);
        foreach (var answer in AnswersOfGame(database, game))
        {
            running.Add(answer["_id"].AsInt64, GameAnswerOf(answer));
            // A game from before schema 4 has no firstAnswer: its lowest answer stands in for it in memory, and the
            // file keeps no bound, so later loads still read the whole collection for it.
            if (!recorded && (running.FirstAnswer is null || answer["_id"].AsInt64 < running.FirstAnswer))
                running.FirstAnswer = answer["_id"].AsInt64;
        }
        _runningGames[gameId] = running;
        return running;
    }

    /// <summary>
    /// A game's answers in the file. The answers have no index by game (each insert into one touched pages all over
    /// the index, see decisions §32): the game keeps the lowest interaction id among its answers, and the answers
    /// are read along the <c>_id</c> index from there. Games written before schema 4 have no such bound and are
    /// found by reading the whole collection.
    /// </summary>
    internal static IEnumerable<BsonDocument> AnswersOfGame(LiteDatabase database, BsonDocument game)
    {
        var gameId = game["_id"].AsInt64;
        if (!game.TryGetValue(FirstAnswer, out var first)) return Answers(database).Find(Eq("game", gameId));
        if (first.IsNull) return [];
        return Answers(database).Find(BsonExpression.Create("$._id >= @0 AND $.game = @1", first, gameId));
    }

    private static GameAnswer GameAnswerOf(BsonDocument answer) =>
        new(answer["user"].AsInt64, answer["question"].AsInt32, answer["correct"].AsBoolean,
            answer["points"].AsInt32, answer["at"].AsInt64);
}
