namespace MiracleCell.Core.Trivia;

public enum TriviaGameState
{
    /// <summary>Questions chosen, the first one not yet posted.</summary>
    Created,
    /// <summary>A question is posted and its timer is running.</summary>
    QuestionOpen,
    /// <summary>The last question's answer is shown; the next one is not posted yet.</summary>
    Revealed,
    /// <summary>Every question was asked and revealed.</summary>
    Finished,
    /// <summary>Ended early by <c>/trivia stop</c>; points scored so far count.</summary>
    Stopped,
}

public enum AnswerResult
{
    Accepted,
    /// <summary>This player already locked an answer for this question.</summary>
    AlreadyAnswered,
    /// <summary>The question is not open: its time is up, it was revealed, or it is not the current one.</summary>
    QuestionClosed,
    /// <summary>The game has finished or was stopped.</summary>
    GameOver,
    /// <summary>The choice is not one of A–D.</summary>
    UnknownChoice,
}

/// <param name="EveryoneAnswered">True when this answer completed the round: reveal now.</param>
public readonly record struct AnswerReceipt(AnswerResult Result, bool IsCorrect, int Points, bool EveryoneAnswered)
{
    public bool IsAccepted => Result == AnswerResult.Accepted;

    internal static AnswerReceipt Rejected(AnswerResult result) => new(result, false, 0, false);
}

public sealed record PlayerAnswer(Snowflake UserId, AnswerChoice Choice, bool IsCorrect, int Points,
    DateTimeOffset AnsweredAt);

/// <summary>What a reveal shows: the right button, how many chose each, who was right, and the standings after
/// it.</summary>
/// <param name="ChoiceCounts">How many players chose A, B, C and D (always four entries).</param>
/// <param name="CorrectAnswers">The players who were right, fastest first, with the points each earned.</param>
/// <param name="Result">Set when this was the last question: the game is now finished.</param>
public sealed record QuestionReveal(
    GameQuestion Question,
    IReadOnlyList<int> ChoiceCounts,
    IReadOnlyList<PlayerAnswer> CorrectAnswers,
    IReadOnlyList<Standing> Standings,
    bool RevealedEarly,
    GameResult? Result)
{
    public bool IsLastQuestion => Result is not null;
}

/// <summary>How a game ended: the final table and, when the rules allow one, the winner.</summary>
/// <param name="HasEnoughPlayers">At least two people played: show the final table and a winner (if any).</param>
/// <param name="WinnerId">The single player on the top score, or null when fewer than two played or the top is
/// shared.</param>
public sealed record GameResult(
    TriviaGameState EndState,
    IReadOnlyList<Standing> Standings,
    bool HasEnoughPlayers,
    Snowflake? WinnerId,
    int QuestionsAsked)
{
    /// <summary>Everyone on the top score: one player when there is a winner, several on a tie.</summary>
    public IReadOnlyList<Snowflake> Leaders =>
        Standings.Count == 0 ? [] : [.. Standings.Where(s => s.Rank == 1).Select(s => s.UserId)];
}
