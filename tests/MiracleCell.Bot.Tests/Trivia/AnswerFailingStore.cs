using MiracleCell.Storage;

namespace MiracleCell.Bot.Tests.Trivia;

/// <summary>The real store, except that answer writes throw while <paramref name="failing"/> says so.</summary>
internal sealed class AnswerFailingStore(ITriviaStore inner, Func<bool> failing) : ForwardingTriviaStore(inner)
{
    public override Task<AnswerWriteResult> RecordAnswerAsync(AnswerRecord answer,
        CancellationToken cancellationToken = default) =>
        failing() ? throw new IOException("disk full") : base.RecordAnswerAsync(answer, cancellationToken);
}
