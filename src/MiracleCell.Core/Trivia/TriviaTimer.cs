namespace MiracleCell.Core.Trivia;

/// <summary>Helpers for the coordinator that runs a game: arm a one-shot timer for a question's deadline.</summary>
public static class TriviaTimer
{
    /// <summary>
    /// Calls <paramref name="onDue"/> once, when <paramref name="deadline"/> arrives on <paramref name="time"/>'s clock
    /// (at once if it has already passed). Dispose the timer to cancel it, e.g. after an early reveal.
    /// </summary>
    public static ITimer ArmAt(TimeProvider time, DateTimeOffset deadline, Action onDue)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(onDue);
        var due = deadline - time.GetUtcNow();
        if (due < TimeSpan.Zero) due = TimeSpan.Zero;
        return time.CreateTimer(static state => ((Action)state!)(), onDue, due, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Arms the reveal of <paramref name="game"/>'s open question; the callback gets the reveal if this timer
    /// won it.</summary>
    public static ITimer ArmReveal(TimeProvider time, TriviaGame game, Action<QuestionReveal> onReveal)
    {
        ArgumentNullException.ThrowIfNull(game);
        ArgumentNullException.ThrowIfNull(onReveal);
        var deadline = game.Deadline
            ?? throw new InvalidOperationException("No question is open: open one before arming its timer.");
        return ArmAt(time, deadline, () =>
        {
            if (game.RevealIfDue() is { } reveal) onReveal(reveal);
        });
    }
}
