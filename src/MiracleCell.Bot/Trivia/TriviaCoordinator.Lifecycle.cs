using Microsoft.Extensions.Logging;
using MiracleCell.Core.Trivia;
using MiracleCell.Storage;

namespace MiracleCell.Bot.Trivia;

public sealed partial class TriviaCoordinator
{
    // Each step below runs under the game's lifecycle lock, so a post, a reveal and a stop never interleave.

    private async Task BeginAsync(RunningGame run)
    {
        await run.Lifecycle.WaitAsync(_shutdown.Token);
        try
        {
            if (run.Ended) return;
            var start = TriviaMessages.Start(_catalog.Pack.Film.Titles.Display[run.Locale], run.StartedBy, run.Game.Settings, run.Locale);
            if (!await TryPostAsync(run, start)) return;
            await PostNextQuestionAsync(run);
        }
        finally
        {
            run.Lifecycle.Release();
        }
    }

    private async Task PostNextQuestionAsync(RunningGame run)
    {
        if (run.Ended || run.Game.NextQuestion is not { } next) return;
        run.BeginQuestion(next.Index);
        var message = TriviaMessages.Question(run.Id, next, run.Game.Questions.Count, run.Game.Settings, answered: 0, run.Locale);
        ulong messageId;
        try
        {
            messageId = await _messenger.PostAsync(run.ChannelId, message, _shutdown.Token);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _logger.LogWarning(ex, "Could not post question {Index} of trivia game {GameId} to channel {ChannelId}; ending the game", next.Index, run.Id, run.ChannelId);
            await CloseAsync(run, run.Game.Stop(), GameEndState.Stopped, stoppedBy: null, endedEarly: true);
            return;
        }

        // The timer starts now that the message is really in the channel.
        var postedAt = _time.GetUtcNow();
        run.Game.OpenQuestion(postedAt);
        run.QuestionPosted(messageId, postedAt, ArmReveal(run, next.Index));
        await _store.RecordQuestionPostedAsync(run.GuildId, run.Id, next.Index, messageId, postedAt, _shutdown.Token);
    }

    private ITimer ArmReveal(RunningGame run, int questionIndex) =>
        TriviaTimer.ArmAt(_time, run.Game.Deadline!.Value, () => InBackground(() => RevealAsync(run, questionIndex, early: false)));

    /// <summary>Reveals question <paramref name="questionIndex"/> if it is still the open one: on its timer, or early when everyone has answered.</summary>
    private async Task RevealAsync(RunningGame run, int questionIndex, bool early)
    {
        await run.Lifecycle.WaitAsync(_shutdown.Token);
        try
        {
            if (run.Ended || run.QuestionIndex != questionIndex || run.Game.State != TriviaGameState.QuestionOpen) return;
            var reveal = early ? run.Game.Reveal() : run.Game.RevealIfDue();
            if (reveal is null)
            {
                // A timer that fired a hair before the deadline: arm it again rather than leave the question open.
                if (!early && run.Game.State == TriviaGameState.QuestionOpen) run.ReplaceRevealTimer(ArmReveal(run, questionIndex));
                return;
            }
            run.CancelTimers();
            var revealedAt = _time.GetUtcNow();
            if (run.QuestionMessageId is { } messageId)
            {
                await TryEditAsync(run, messageId, TriviaMessages.Reveal(run.Id, reveal, run.Game.Questions.Count, run.Locale));
            }
            await _store.RecordQuestionRevealedAsync(run.GuildId, run.Id, questionIndex, revealedAt, _shutdown.Token);

            if (reveal.Result is { } result)
            {
                await CloseAsync(run, result, GameEndState.Finished, stoppedBy: null, endedEarly: false);
            }
            else if (_options.BetweenQuestions <= TimeSpan.Zero)
            {
                await PostNextQuestionAsync(run);
            }
            else
            {
                run.SetNextTimer(TriviaTimer.ArmAt(_time, revealedAt + _options.BetweenQuestions, () => InBackground(() => PostNextAfterPauseAsync(run))));
            }
        }
        finally
        {
            run.Lifecycle.Release();
        }
    }

    private async Task PostNextAfterPauseAsync(RunningGame run)
    {
        await run.Lifecycle.WaitAsync(_shutdown.Token);
        try
        {
            if (run.Game.State == TriviaGameState.Revealed) await PostNextQuestionAsync(run);
        }
        finally
        {
            run.Lifecycle.Release();
        }
    }

    /// <summary>Edits the open question's "N have answered" line, at most once per <see cref="TriviaNightOptions.AnswerCountEditInterval"/>.</summary>
    private void ScheduleAnswerCountEdit(RunningGame run, int questionIndex)
    {
        if (!run.TryScheduleCountEdit()) return;
        var due = run.LastCountEditAt + _options.AnswerCountEditInterval;
        if (due <= _time.GetUtcNow()) InBackground(() => EditAnswerCountAsync(run, questionIndex));
        else run.SetCountTimer(TriviaTimer.ArmAt(_time, due, () => InBackground(() => EditAnswerCountAsync(run, questionIndex))));
    }

    private async Task EditAnswerCountAsync(RunningGame run, int questionIndex)
    {
        await run.Lifecycle.WaitAsync(_shutdown.Token);
        try
        {
            run.CountEditStarted(_time.GetUtcNow());
            // A reveal or stop has replaced the message since: its edit shows the final counts.
            if (run.Ended || run.QuestionIndex != questionIndex || run.Game.State != TriviaGameState.QuestionOpen || run.QuestionMessageId is not { } messageId) return;
            var question = run.Game.Questions[questionIndex];
            await TryEditAsync(run, messageId, TriviaMessages.Question(run.Id, question, run.Game.Questions.Count, run.Game.Settings, run.Answered, run.Locale));
        }
        finally
        {
            run.Lifecycle.Release();
        }
    }

    /// <summary>Closes the game in the store once every accepted answer is durable, forgets it, and posts the final table.</summary>
    private async Task CloseAsync(RunningGame run, GameResult result, GameEndState endState, ulong? stoppedBy, bool endedEarly)
    {
        run.Ended = true;
        run.CancelTimers();
        await run.AnswerWrites.WhenIdleAsync();
        try
        {
            await _store.FinishGameAsync(run.GuildId, run.Id, endState, _time.GetUtcNow(), CancellationToken.None);
        }
        finally
        {
            _byChannel.TryRemove(new KeyValuePair<(ulong, ulong), RunningGame>((run.GuildId, run.ChannelId), run));
            _byId.TryRemove(run.Id, out _);
        }
        _logger.LogInformation("Trivia game {GameId} {EndState} after {Asked} questions with {Players} players", run.Id, endState, result.QuestionsAsked, result.Standings.Count);
        var final = TriviaMessages.Final(result, run.Game.Questions.Count, stoppedBy, endedEarly, run.Locale);
        InBackground(() => _messenger.PostAsync(run.ChannelId, final, CancellationToken.None));
    }

    private async Task<bool> TryPostAsync(RunningGame run, MiracleCell.Discord.Models.MessagePayload message)
    {
        try
        {
            await _messenger.PostAsync(run.ChannelId, message, _shutdown.Token);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _logger.LogWarning(ex, "Could not post to channel {ChannelId} for trivia game {GameId}; ending the game", run.ChannelId, run.Id);
            await CloseAsync(run, run.Game.Stop(), GameEndState.Stopped, stoppedBy: null, endedEarly: true);
            return false;
        }
    }

    private async Task TryEditAsync(RunningGame run, ulong messageId, MiracleCell.Discord.Models.MessagePayload message)
    {
        try
        {
            await _messenger.EditAsync(run.ChannelId, messageId, message, _shutdown.Token);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A lost edit costs a stale display, not the game: keep playing.
            _logger.LogWarning(ex, "Could not edit message {MessageId} of trivia game {GameId}", messageId, run.Id);
        }
    }
}
