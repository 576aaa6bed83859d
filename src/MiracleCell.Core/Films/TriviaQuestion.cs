using MiracleCell.Core.Text;

namespace MiracleCell.Core.Films;

public enum TriviaCategory
{
    Plot,
    Characters,
    Cast,
    Production,
}

public enum Difficulty
{
    Easy,
    Medium,
    Hard,
}

/// <summary>A multiple-choice question: one right answer and three wrong ones of the same kind.</summary>
/// <param name="Reveals">The id of the recap part a player must have seen; null for spoiler-free questions.</param>
public sealed record TriviaQuestion(
    string Id,
    TriviaCategory Category,
    Difficulty Difficulty,
    SpoilerLevel Spoiler,
    LocalizedText Question,
    LocalizedText Answer,
    IReadOnlyList<LocalizedText> WrongAnswers,
    LocalizedText Explanation,
    IReadOnlyList<string> Sources,
    string? Reveals = null);
