using MiracleCell.Core.Films;

namespace MiracleCell.Core.Trivia;

/// <summary>Whether a trivia night may ask about the film's events.</summary>
public enum SpoilerPolicy
{
    /// <summary>Any question, whatever it gives away.</summary>
    Allow,
    /// <summary>Only questions that are safe for someone who has not seen the film
    /// (<see cref="SpoilerLevel.None"/>).</summary>
    Avoid,
}

/// <summary>The choices made in <c>/trivia start</c>.</summary>
/// <param name="Difficulty">Only questions of this difficulty, or null for a mix of all.</param>
public sealed record TriviaSettings(
    int QuestionCount = TriviaSettings.DefaultQuestionCount,
    int AnswerSeconds = TriviaSettings.DefaultAnswerSeconds,
    Difficulty? Difficulty = null,
    SpoilerPolicy Spoilers = SpoilerPolicy.Allow)
{
    public const int MinQuestionCount = 1;
    public const int MaxQuestionCount = 30;
    public const int DefaultQuestionCount = 10;
    public const int MinAnswerSeconds = 10;
    public const int MaxAnswerSeconds = 60;
    public const int DefaultAnswerSeconds = 20;

    public TimeSpan AnswerTime => TimeSpan.FromSeconds(AnswerSeconds);

    /// <summary>Every problem with these settings, worded for the person who typed them; empty when they are
    /// fine.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (QuestionCount is < MinQuestionCount or > MaxQuestionCount)
        {
            problems.Add($"questions must be between {MinQuestionCount} and {MaxQuestionCount} (got {QuestionCount}).");
        }
        if (AnswerSeconds is < MinAnswerSeconds or > MaxAnswerSeconds)
        {
            problems.Add($"seconds must be between {MinAnswerSeconds} and {MaxAnswerSeconds} (got {AnswerSeconds}).");
        }
        if (Difficulty is { } d && !Enum.IsDefined(d))
        {
            problems.Add($"difficulty must be easy, medium or hard (got {(int)d}).");
        }
        if (!Enum.IsDefined(Spoilers))
        {
            problems.Add($"spoilers must be allow or avoid (got {(int)Spoilers}).");
        }
        return problems;
    }
}
