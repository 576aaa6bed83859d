namespace MiracleCell.Core.Trivia;

/// <summary>The four buttons under a question, in the order they are shown.</summary>
public enum AnswerChoice
{
    A = 0,
    B = 1,
    C = 2,
    D = 3,
}

public static class AnswerChoices
{
    public const int Count = 4;

    public static IReadOnlyList<AnswerChoice> All { get; } = [AnswerChoice.A, AnswerChoice.B, AnswerChoice.C,
        AnswerChoice.D];

    public static bool IsValid(AnswerChoice choice) => choice is >= AnswerChoice.A and <= AnswerChoice.D;

    /// <summary>Reads a button letter ("A".."D", any case), e.g. the last part of a button's custom_id.</summary>
    public static bool TryParse(string? text, out AnswerChoice choice)
    {
        choice = default;
        if (text is not { Length: 1 }) return false;
        var index = char.ToUpperInvariant(text[0]) - 'A';
        if (index is < 0 or >= Count) return false;
        choice = (AnswerChoice)index;
        return true;
    }

    public static char Letter(this AnswerChoice choice) => (char)('A' + (int)choice);
}
