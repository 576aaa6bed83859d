using LiteDB;
using static MiracleCell.Storage.LiteDb.ScoreDocuments;

namespace MiracleCell.Storage.LiteDb;

public sealed partial class LiteDbTriviaStore
{
    // Checked before the insert, on the single writer thread: nothing else can change the file in between, so the
    // insert never meets a uniqueness conflict (the slot index enforces it all the same).
    public Task<AnswerWriteResult> RecordAnswerAsync(AnswerRecord answer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(answer);
        return WriteAsync(database =>
        {
            var answers = Answers(database);
            var slot = Slot(answer.GameId, answer.QuestionIndex, answer.UserId);
            if (answers.FindById(Id(answer.InteractionId)) is { } earlier)
            {
                return earlier["guild"].AsInt64 == Id(answer.GuildId) && earlier["slot"].AsString == slot
                    ? AnswerWriteResult.Redelivered
                    : AnswerWriteResult.GameNotRunning;
            }
            if (!IsRunningWithQuestion(database, answer.GuildId, answer.GameId, answer.QuestionIndex)) return AnswerWriteResult.GameNotRunning;
            if (answers.Exists(Eq("slot", slot))) return AnswerWriteResult.AlreadyAnswered;
            answers.Insert(new BsonDocument
            {
                ["_id"] = Id(answer.InteractionId),
                ["guild"] = Id(answer.GuildId),
                ["game"] = answer.GameId,
                ["question"] = answer.QuestionIndex,
                ["user"] = Id(answer.UserId),
                ["slot"] = slot,
                ["choice"] = (int)answer.Choice,
                ["correct"] = answer.IsCorrect,
                ["points"] = answer.Points,
                ["at"] = ToUnixMs(answer.AnsweredAt),
            });
            return AnswerWriteResult.Recorded;
        }, cancellationToken);
    }

    // Writer thread only (see _runningGames).
    private bool IsRunningWithQuestion(LiteDatabase database, ulong guildId, long gameId, int questionIndex)
    {
        if (!_runningGames.TryGetValue(gameId, out var running))
        {
            var game = Games(database).FindById(gameId);
            if (game is null || game["state"].AsString != Running) return false;
            running = (game["guild"].AsInt64, [.. game["questions"].AsArray.Select(q => q.AsDocument["index"].AsInt32)]);
            _runningGames[gameId] = running;
        }
        return running.Guild == Id(guildId) && running.Questions.Contains(questionIndex);
    }
}
