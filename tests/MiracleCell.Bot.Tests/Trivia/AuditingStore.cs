using System.Collections.Concurrent;
using MiracleCell.Storage;

namespace MiracleCell.Bot.Tests.Trivia;

/// <summary>
/// The real store, counting what the coordinator asks of it, and refusing the answer writes that
/// <paramref name="refuse"/> picks (by the answer itself, so the same answer is refused however calls interleave).
/// </summary>
internal sealed class AuditingStore(ITriviaStore inner, Func<AnswerRecord, bool> refuse)
    : ForwardingTriviaStore(inner)
{
    /// <summary>Answers the store kept, by game, question and player.</summary>
    public ConcurrentDictionary<(long Game, int Question, Snowflake User), int> Kept { get; } = new();

    public ConcurrentDictionary<(long Game, int Question), int> Reveals { get; } = new();

    public ConcurrentDictionary<long, int> Finishes { get; } = new();

    public override async Task<AnswerWriteResult> RecordAnswerAsync(AnswerRecord answer,
        CancellationToken cancellationToken = default)
    {
        if (refuse(answer)) throw new IOException("disk full");
        var result = await base.RecordAnswerAsync(answer, cancellationToken);
        if (result == AnswerWriteResult.Recorded)
            Kept.AddOrUpdate((answer.GameId, answer.QuestionIndex, answer.UserId), 1, (_, n) => n + 1);
        return result;
    }

    public override Task<bool> RecordQuestionRevealedAsync(Snowflake guildId, long gameId, int questionIndex,
        DateTimeOffset revealedAt, CancellationToken cancellationToken = default)
    {
        Reveals.AddOrUpdate((gameId, questionIndex), 1, (_, n) => n + 1);
        return base.RecordQuestionRevealedAsync(guildId, gameId, questionIndex, revealedAt, cancellationToken);
    }

    public override Task<GameClosure?> FinishGameAsync(Snowflake guildId, long gameId, GameEndState endState,
        DateTimeOffset endedAt, CancellationToken cancellationToken = default)
    {
        Finishes.AddOrUpdate(gameId, 1, (_, n) => n + 1);
        return base.FinishGameAsync(guildId, gameId, endState, endedAt, cancellationToken);
    }
}
