using Microsoft.Extensions.Logging;
using MiracleCell.Core.Trivia;
using MiracleCell.Storage;

namespace MiracleCell.Bot.Trivia;

public sealed partial class TriviaCoordinator
{
    private static readonly TimeSpan PostedWait = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Records a click on an answer button. The engine decides (one answer per player, before the deadline) and the
    /// answer is written durably, keyed by the interaction id, before this returns <see cref="TriviaClickStatus.LockedIn"/>.
    /// A redelivered interaction gets the same reply and is not counted again. Message edits happen in the background.
    /// </summary>
    public async Task<TriviaClickResult> AnswerAsync(TriviaClick click, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(click);
        var button = click.Button;
        if (!_byId.TryGetValue(button.GameId, out var run) || run.GuildId != click.GuildId || run.ChannelId != click.ChannelId
            || button.QuestionIndex >= run.Game.Questions.Count)
        {
            return new TriviaClickResult(TriviaClickStatus.UnknownGame);
        }

        if (run.IsPosting(button.QuestionIndex))
        {
            // The click beat the response to the question's post (the player already sees the buttons): wait for the
            // question to open rather than refuse it. Bounded, well inside Discord's 3 s to acknowledge.
            await run.WhenQuestionPostedAsync().WaitAsync(PostedWait, _time, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        run.AnswerWrites.Begin();
        try
        {
            var at = _time.GetUtcNow();
            var receipt = run.Game.RecordAnswer(button.QuestionIndex, click.UserId, button.Choice, at);
            switch (receipt.Result)
            {
                case AnswerResult.Accepted:
                    break;
                case AnswerResult.AlreadyAnswered:
                    var locked = run.LockedInAnswer(click.UserId);
                    return locked is { } l && l.InteractionId == click.InteractionId
                        ? new TriviaClickResult(TriviaClickStatus.LockedIn, l.Choice)
                        : new TriviaClickResult(TriviaClickStatus.AlreadyLockedIn, locked?.Choice);
                case AnswerResult.QuestionClosed:
                    return new TriviaClickResult(button.QuestionIndex > run.QuestionIndex || run.IsPosting(button.QuestionIndex)
                        ? TriviaClickStatus.QuestionNotOpenYet
                        : TriviaClickStatus.QuestionClosed);
                case AnswerResult.GameOver:
                    return new TriviaClickResult(TriviaClickStatus.GameOver);
                default:
                    return new TriviaClickResult(TriviaClickStatus.UnknownGame);
            }

            run.LockedIn(click.UserId, click.InteractionId, button.Choice);
            AnswerWriteResult written;
            try
            {
                // Not cancellable: the engine has counted it, so the write must finish for the store to agree.
                written = await _store.RecordAnswerAsync(new AnswerRecord(
                    click.InteractionId, run.GuildId, run.Id, button.QuestionIndex, click.UserId, button.Choice, receipt.IsCorrect, receipt.Points, at), CancellationToken.None);
            }
            catch (Exception ex)
            {
                _logger.LogError(ex, "Could not store the answer of {UserId} to question {Index} of trivia game {GameId}", click.UserId, button.QuestionIndex, run.Id);
                // Count only what was kept: the player may click again while the question is open.
                if (run.Game.WithdrawAnswer(button.QuestionIndex, click.UserId)) run.Withdrawn(click.UserId);
                return new TriviaClickResult(TriviaClickStatus.NotSaved);
            }

            ScheduleAnswerCountEdit(run, button.QuestionIndex);
            if (receipt.EveryoneAnswered) InBackground(() => RevealAsync(run, button.QuestionIndex, early: true));
            return written switch
            {
                AnswerWriteResult.Recorded or AnswerWriteResult.Redelivered => new TriviaClickResult(TriviaClickStatus.LockedIn, button.Choice),
                AnswerWriteResult.AlreadyAnswered => new TriviaClickResult(TriviaClickStatus.AlreadyLockedIn),
                _ => new TriviaClickResult(TriviaClickStatus.GameOver),
            };
        }
        finally
        {
            run.AnswerWrites.End();
        }
    }
}
