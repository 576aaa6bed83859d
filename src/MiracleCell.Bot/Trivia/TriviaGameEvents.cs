using MiracleCell.Core.Trivia;
using MiracleCell.Storage;

namespace MiracleCell.Bot.Trivia;

/// <summary>Something a running trivia game handles: its actor takes them one at a time, in arrival order.</summary>
internal abstract record GameEvent;

/// <summary>Posts the start notice, then the first question.</summary>
internal sealed record BeginEvent : GameEvent;

/// <summary>A click on an answer button, timed when it arrived. <see cref="Reply"/> is completed exactly
/// once.</summary>
internal sealed record ClickEvent(TriviaClick Click, DateTimeOffset At) : GameEvent
{
    /// <summary>Bounds the wait of a click that may have beaten its question's post.</summary>
    public ITimer? Expiry { get; set; }

    public TaskCompletionSource<TriviaClickResult> Reply { get; } =
        new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Answer(TriviaClickStatus status, AnswerChoice? choice = null) =>
        Answer(new TriviaClickResult(status, choice));

    public void Answer(TriviaClickResult result)
    {
        Expiry?.Dispose();
        Reply.TrySetResult(result);
    }
}

/// <summary>A <c>/trivia stop</c> by someone allowed to stop the night. <see cref="Reply"/> is completed exactly
/// once.</summary>
internal sealed record StopEvent(Snowflake UserId) : GameEvent
{
    public TaskCompletionSource<TriviaStopResult> Reply { get; } =
        new(TaskCreationOptions.RunContinuationsAsynchronously);
}

/// <summary>The process is stopping: stop the timers and leave the game running in the store for the next
/// start.</summary>
internal sealed record ShutdownEvent : GameEvent;

internal sealed record StartPostedEvent : GameEvent;

/// <summary>Question <paramref name="Index"/> is in the channel: its timer runs from
/// <paramref name="PostedAt"/>.</summary>
internal sealed record QuestionPostedEvent(int Index, Snowflake MessageId, DateTimeOffset PostedAt) : GameEvent;

/// <summary>The start notice (index -1) or question <paramref name="Index"/> could not be posted: the night
/// ends.</summary>
internal sealed record PostFailedEvent(int Index, Exception Error) : GameEvent;

internal sealed record RevealDueEvent(int Index) : GameEvent;

internal sealed record CountEditDueEvent(int Index) : GameEvent;

/// <summary>The pause after question <paramref name="AfterIndex"/> is over.</summary>
internal sealed record NextQuestionDueEvent(int AfterIndex) : GameEvent;

/// <summary>A click that waited for its question's post waited long enough.</summary>
internal sealed record ClickWaitExpiredEvent(ClickEvent Click) : GameEvent;

/// <summary>
/// The store finished writing an accepted answer. <paramref name="Result"/> is null when it threw
/// (<paramref name="Error"/>). A saved answer's click was already answered.
/// </summary>
internal sealed record AnswerWrittenEvent(
    ClickEvent Click, int QuestionIndex, AnswerWriteResult? Result, Exception? Error) : GameEvent
{
    /// <summary>The store kept the answer as this click's: the engine's count stands.</summary>
    public bool Saved => Result is AnswerWriteResult.Recorded or AnswerWriteResult.Redelivered;
}
