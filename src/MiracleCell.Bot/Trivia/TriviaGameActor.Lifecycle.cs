using Microsoft.Extensions.Logging;
using MiracleCell.Core.Trivia;
using MiracleCell.Storage;

namespace MiracleCell.Bot.Trivia;

internal sealed partial class TriviaGameActor
{
    private int _questionIndex = -1;
    private bool _postingQuestion;
    // The question being posted, for callers deciding whether a click may have to wait for it; -1 when none.
    private int _postingIndex = -1;
    private Snowflake? _messageId;
    private DateTimeOffset _openedAt;
    private ITimer? _revealTimer;
    private ITimer? _nextTimer;

    private Task Begin()
    {
        var title = Film.Pack.Film.Titles.Display[Locale];
        var start = TriviaMessages.Start(title, StartedBy, Game.Settings, Locale);
        Send(async ct =>
        {
            try
            {
                await _context.Messenger.PostAsync(ChannelId, start, ct);
            }
            catch (Exception ex)
            {
                Post(new PostFailedEvent(-1, ex));
                return;
            }
            Post(new StartPostedEvent());
        }, _context.Shutdown);
        return Task.CompletedTask;
    }

    private Task PostNextQuestion()
    {
        if (Game.NextQuestion is not { } next) return Task.CompletedTask;
        CancelQuestionTimers();
        _lockedIn.Clear();
        _answered = 0;
        _lastAnswerAt = default;
        _countEditScheduled = false;
        _questionIndex = next.Index;
        _messageId = null;
        _postingQuestion = true;
        Volatile.Write(ref _postingIndex, next.Index);
        var message = TriviaMessages.Question(Id, next, Game.Questions.Count, Game.Settings, answered: 0, Locale);
        Send(async ct =>
        {
            Snowflake messageId;
            try
            {
                messageId = await _context.Messenger.PostAsync(ChannelId, message, ct);
            }
            catch (Exception ex)
            {
                Post(new PostFailedEvent(next.Index, ex));
                return;
            }
            Post(new QuestionPostedEvent(next.Index, messageId, Time.GetUtcNow()));
        }, _context.Shutdown);
        return Task.CompletedTask;
    }

    private async Task QuestionPostedAsync(QuestionPostedEvent posted)
    {
        QuestionNoLongerPosting();
        _messageId = posted.MessageId;
        _lastCountEditAt = _openedAt = posted.PostedAt;
        // The timer starts now that the message is really in the channel.
        Game.OpenQuestion(posted.PostedAt);
        _revealTimer = ArmReveal(posted.Index);
        foreach (var click in _waitingForPost)
        {
            click.Expiry?.Dispose();
            Answer(click);
        }
        _waitingForPost.Clear();
        await StoreAsync(ct => _context.Store.RecordQuestionPostedAsync(
            GuildId, Id, posted.Index, posted.MessageId, posted.PostedAt, ct), "the post of a question");
    }

    private async Task PostFailedAsync(PostFailedEvent failed)
    {
        QuestionNoLongerPosting();
        LogPostFailed(Logger, failed.Error, failed.Index < 0 ? "the start notice" : $"question {failed.Index}", Id,
            ChannelId);
        await CloseAsync(Game.Stop(), GameEndState.Stopped, stoppedBy: null, endedEarly: true);
    }

    private ITimer ArmReveal(int questionIndex) =>
        TriviaTimer.ArmAt(Time, Game.Deadline!.Value, () => Post(new RevealDueEvent(questionIndex)));

    /// <summary>Reveals question <paramref name="questionIndex"/> if it is still the open one: on its timer, or early
    /// when everyone has answered.</summary>
    private async Task RevealAsync(int questionIndex, bool early, DateTimeOffset revealedAt)
    {
        if (questionIndex != _questionIndex || Game.State != TriviaGameState.QuestionOpen) return;
        var reveal = early ? Game.Reveal() : Game.RevealIfDue();
        if (reveal is null)
        {
            // A timer that fired a hair before the deadline: arm it again rather than leave the question open.
            _revealTimer?.Dispose();
            _revealTimer = ArmReveal(questionIndex);
            return;
        }
        CancelQuestionTimers();
        if (_messageId is { } messageId)
            Edit(messageId, TriviaMessages.Reveal(Id, reveal, Game.Questions.Count, Locale));
        await StoreAsync(ct => _context.Store.RecordQuestionRevealedAsync(GuildId, Id, questionIndex, revealedAt, ct),
            "the reveal of a question");

        if (reveal.Result is { } result)
        {
            await CloseAsync(result, GameEndState.Finished, stoppedBy: null, endedEarly: false);
        }
        else if (_context.Options.BetweenQuestions <= TimeSpan.Zero)
        {
            await PostNextQuestion();
        }
        else
        {
            _nextTimer = TriviaTimer.ArmAt(Time, revealedAt + _context.Options.BetweenQuestions,
                () => Post(new NextQuestionDueEvent(questionIndex)));
        }
    }

    private Task NextQuestionDue(int afterIndex) =>
        afterIndex == _questionIndex && Game.State == TriviaGameState.Revealed && !_postingQuestion
            ? PostNextQuestion()
            : Task.CompletedTask;

    /// <summary>Ends the night now; points scored so far count and the standings are posted.</summary>
    private async Task StopGameAsync(StopEvent stop)
    {
        var open = Game.State == TriviaGameState.QuestionOpen ? Game.CurrentQuestion : null;
        var result = Game.Stop();
        CancelQuestionTimers();
        if (open is not null && _messageId is { } messageId)
        {
            Edit(messageId, TriviaMessages.QuestionStopped(Id, open, Game.Questions.Count, _answered, Locale));
        }
        var failure = await CloseAsync(result, GameEndState.Stopped, stoppedBy: stop.UserId, endedEarly: false);
        if (failure is null) stop.Reply.TrySetResult(new TriviaStopResult(TriviaStopStatus.Stopped, StartedBy, result));
        else stop.Reply.TrySetException(failure);
    }

    /// <summary>
    /// Closes the game in the store (every accepted answer is written by now), lets the coordinator forget it,
    /// posts the final table and closes the queue. Returns the store's failure, if any: the game ends here anyway.
    /// </summary>
    private async Task<Exception?> CloseAsync(GameResult result, GameEndState endState, Snowflake? stoppedBy,
        bool endedEarly)
    {
        EndHere();
        Exception? failure = null;
        try
        {
            await _context.Store.FinishGameAsync(GuildId, Id, endState, Time.GetUtcNow(), CancellationToken.None);
        }
        catch (Exception ex)
        {
            LogNotClosed(Logger, ex, Id);
            failure = ex;
        }
        _context.Closed(this);
        LogEnded(Logger, Id, endState, result.QuestionsAsked, result.Standings.Count);
        var final = TriviaMessages.Final(result, Game.Questions.Count, stoppedBy, endedEarly, Locale);
        Send(ct => _context.Messenger.PostAsync(ChannelId, final, ct), CancellationToken.None);
        _queue.Writer.TryComplete();
        return failure;
    }

    private Task ShutDown()
    {
        EndHere();
        _queue.Writer.TryComplete();
        return Task.CompletedTask;
    }

    /// <summary>No more posts, edits or timers; clicks waiting for a question that will not open are let go.</summary>
    private void EndHere()
    {
        _ended = true;
        QuestionNoLongerPosting();
        CancelQuestionTimers();
        foreach (var click in _waitingForPost) click.Answer(TriviaClickStatus.GameOver);
        _waitingForPost.Clear();
    }

    private void QuestionNoLongerPosting()
    {
        _postingQuestion = false;
        Volatile.Write(ref _postingIndex, -1);
    }

    private void CancelQuestionTimers()
    {
        _revealTimer?.Dispose();
        _countTimer?.Dispose();
        _nextTimer?.Dispose();
        _revealTimer = _countTimer = _nextTimer = null;
    }

    /// <summary>A lifecycle record in the store; a failure is logged and the night goes on.</summary>
    private async Task StoreAsync(Func<CancellationToken, Task> write, string what)
    {
        try
        {
            await write(_context.Shutdown);
        }
        catch (OperationCanceledException) when (_context.Shutdown.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            LogNotRecorded(Logger, ex, what, Id);
        }
    }
}
