namespace MiracleCell.Core.Trivia;

/// <summary>One line of the standings. Players on the same points share a rank (1, 1, 3).</summary>
public sealed record Standing(int Rank, Snowflake UserId, int Points, int CorrectAnswers, int Answers);

/// <summary>The scoring and ranking rules of a trivia night, shared by the game and the score store.</summary>
public static class TriviaScoring
{
    public const int CorrectPoints = 100;
    public const int MaxSpeedBonus = 50;
    public const int MinPlayersForWinner = 2;

    /// <summary>
    /// 100 for a right answer plus up to 50 for speed, linear over the answer time:
    /// 100 + round(50 × remaining / duration). A wrong answer scores nothing.
    /// </summary>
    public static int PointsFor(bool correct, TimeSpan remaining, TimeSpan duration)
    {
        if (!correct) return 0;
        if (duration <= TimeSpan.Zero) return CorrectPoints;
        var fraction = Math.Clamp(remaining / duration, 0.0, 1.0);
        return CorrectPoints + (int)Math.Round(MaxSpeedBonus * fraction, MidpointRounding.AwayFromZero);
    }

    /// <summary>
    /// Competition ranking: players are given in display order (best first, ties already in their
    /// tie-break order) and equal points share the rank of the first of them.
    /// </summary>
    public static IReadOnlyList<Standing> AssignRanks(
        IReadOnlyList<(Snowflake UserId, int Points, int Correct, int Answers)> ordered)
    {
        var standings = new Standing[ordered.Count];
        for (var i = 0; i < ordered.Count; i++)
        {
            var (user, points, correct, answers) = ordered[i];
            var rank = i > 0 && standings[i - 1].Points == points ? standings[i - 1].Rank : i + 1;
            standings[i] = new Standing(rank, user, points, correct, answers);
        }
        return standings;
    }

    /// <summary>
    /// The winner of a game: only when at least two people played and one of them has more points than
    /// everyone else. A shared top score means there is no single winner (nobody is credited a win).
    /// </summary>
    public static Snowflake? WinnerOf(IEnumerable<(Snowflake UserId, int Points)> scores)
    {
        var list = scores.ToList();
        if (list.Count < MinPlayersForWinner) return null;
        var top = list.Max(s => s.Points);
        var leaders = list.Where(s => s.Points == top).ToList();
        return leaders.Count == 1 ? leaders[0].UserId : null;
    }
}
