using Microsoft.Extensions.Logging;
using MiracleCell.Core.Trivia;
using MiracleCell.Storage;

namespace MiracleCell.Bot.Trivia;

internal sealed partial class TriviaGameActor
{
    private readonly Dictionary<Snowflake, LockedInAnswer> _lockedIn = [];
    private readonly List<ClickEvent> _waitingForPost = [];
    private int _pendingWrites;
    private int _answered;
    private DateTimeOffset _lastAnswerAt;
    private bool _countEditScheduled;
    private DateTimeOffset _lastCountEditAt;
    private ITimer? _countTimer;

    /// <param name="Outcome">The reply to the click that locked it in: a redelivery of that click gets the
    /// same.</param>
    private sealed record LockedInAnswer(Snowflake InteractionId, AnswerChoice Choice, Task<TriviaClickResult> Outcome);

    private Task HandleClick(ClickEvent click)
    {
        if (_postingQuestion && click.Click.Button.QuestionIndex == _questionIndex)
        {
            // The click beat the response to the question's post (the player already sees the buttons): it waits
            // for the question to open rather than being refused, bounded well inside Discord's 3 s to acknowledge.
            click.Expiry ??= TriviaTimer.ArmAt(
                Time, Time.GetUtcNow() + PostedWait, () => Post(new ClickWaitExpiredEvent(click)));
            _waitingForPost.Add(click);
        }
        else
        {
            Answer(click);
        }
        return Task.CompletedTask;
    }

    private Task ClickWaitExpired(ClickEvent click)
    {
        if (_waitingForPost.Remove(click)) click.Answer(TriviaClickStatus.QuestionNotOpenYet);
        return Task.CompletedTask;
    }

    /// <summary>
    /// The engine decides (one answer per player, before the deadline). An accepted answer is written alongside
    /// the queue; the click is answered once the store has kept it (see <see cref="AnswerWrittenAsync"/>).
    /// </summary>
    private void Answer(ClickEvent click)
    {
        var (button, userId) = (click.Click.Button, click.Click.UserId);
        // A click that waited for its question's post counts from the moment the question opened.
        var at = click.At < _openedAt ? _openedAt : click.At;
        var receipt = Game.RecordAnswer(button.QuestionIndex, userId, button.Choice, at);
        switch (receipt.Result)
        {
            case AnswerResult.Accepted:
                _lockedIn[userId] = new LockedInAnswer(click.Click.InteractionId, button.Choice, click.Reply.Task);
                _answered++;
                if (at > _lastAnswerAt) _lastAnswerAt = at;
                _pendingWrites++;
                _work.Begin();
                _ = WriteAnswerAsync(click, receipt, at);
                break;
            case AnswerResult.AlreadyAnswered:
                var locked = _lockedIn.GetValueOrDefault(userId);
                if (locked is not null && locked.InteractionId == click.Click.InteractionId)
                    _ = ForwardAsync(locked.Outcome, click);
                else click.Answer(TriviaClickStatus.AlreadyLockedIn, locked?.Choice);
                break;
            case AnswerResult.QuestionClosed:
                var notYet = button.QuestionIndex > _questionIndex
                    || (_postingQuestion && button.QuestionIndex == _questionIndex);
                click.Answer(notYet ? TriviaClickStatus.QuestionNotOpenYet : TriviaClickStatus.QuestionClosed);
                break;
            case AnswerResult.GameOver:
                click.Answer(TriviaClickStatus.GameOver);
                break;
            default:
                click.Answer(TriviaClickStatus.UnknownGame);
                break;
        }
    }

    private static async Task ForwardAsync(Task<TriviaClickResult> outcome, ClickEvent click) =>
        click.Answer(await outcome.ConfigureAwait(false));

    /// <summary>Runs off the queue: writes the answer, acknowledges it once kept, and reports back to the
    /// queue.</summary>
    private async Task WriteAnswerAsync(ClickEvent click, AnswerReceipt receipt, DateTimeOffset at)
    {
        var (c, index) = (click.Click, click.Click.Button.QuestionIndex);
        AnswerWriteResult? result = null;
        Exception? error = null;
        try
        {
            // Not cancellable: the engine has counted it, so the write must finish for the store to agree.
            result = await _context.Store.RecordAnswerAsync(new AnswerRecord(
                c.InteractionId, GuildId, Id, index, c.UserId, c.Button.Choice, receipt.IsCorrect, receipt.Points, at),
                CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            LogAnswerNotStored(Logger, ex, c.UserId, index, Id);
            error = ex;
        }

        var written = new AnswerWrittenEvent(click, index, result, error);
        // A kept answer is acknowledged at once; one the store did not keep only once the engine has taken it back.
        if (written.Saved) click.Answer(TriviaClickStatus.LockedIn, c.Button.Choice);
        if (!Post(written) && !written.Saved) AnswerUnsaved(written);
        _work.End();
    }

    private async Task AnswerWrittenAsync(AnswerWrittenEvent written)
    {
        _pendingWrites--;
        var userId = written.Click.Click.UserId;
        if (written.Saved)
        {
            ScheduleAnswerCountEdit(written.QuestionIndex);
        }
        else
        {
            // Count only what was kept: the player may click again while the question is open.
            if (Game.WithdrawAnswer(written.QuestionIndex, userId) && _lockedIn.Remove(userId)) _answered--;
            AnswerUnsaved(written);
        }
        // Everyone has answered: the round ended with the last answer (whenever its write came back).
        if (_pendingWrites == 0 && Game.EveryoneAnswered) await RevealAsync(_questionIndex, early: true, _lastAnswerAt);
    }

    private static void AnswerUnsaved(AnswerWrittenEvent written) => written.Click.Answer(written.Result switch
    {
        null => TriviaClickStatus.NotSaved,
        AnswerWriteResult.AlreadyAnswered => TriviaClickStatus.AlreadyLockedIn,
        _ => TriviaClickStatus.GameOver,
    });

    /// <summary>Edits the open question's "N have answered" line, at most once per
    /// <see cref="TriviaNightOptions.AnswerCountEditInterval"/>.</summary>
    private void ScheduleAnswerCountEdit(int questionIndex)
    {
        if (_countEditScheduled) return;
        _countEditScheduled = true;
        var due = _lastCountEditAt + _context.Options.AnswerCountEditInterval;
        if (due <= Time.GetUtcNow()) EditAnswerCount(questionIndex);
        else _countTimer = TriviaTimer.ArmAt(Time, due, () => Post(new CountEditDueEvent(questionIndex)));
    }

    private Task EditAnswerCount(int questionIndex)
    {
        // A reveal or stop has replaced the message since: its edit shows the final counts.
        if (questionIndex != _questionIndex || Game.State != TriviaGameState.QuestionOpen) return Task.CompletedTask;
        _countEditScheduled = false;
        _lastCountEditAt = Time.GetUtcNow();
        if (_messageId is { } messageId)
        {
            var question = Game.Questions[questionIndex];
            Edit(messageId, TriviaMessages.Question(
                Id, question, Game.Questions.Count, Game.Settings, _answered, Locale));
        }
        return Task.CompletedTask;
    }
}
