using MiracleCell.Core.Films;
using MiracleCell.Core.Text;
using MiracleCell.Core.Trivia;

namespace MiracleCell.Core.Tests.Trivia;

internal static class TriviaFixtures
{
    public static readonly DateTimeOffset Start = new(2013, 1, 23, 20, 0, 0, TimeSpan.Zero);

    public static TriviaQuestion Question(string id, Difficulty difficulty = Difficulty.Easy,
        SpoilerLevel spoiler = SpoilerLevel.None) =>
        new(id, TriviaCategory.Plot, difficulty, spoiler,
            LocalizedText.Same($"Question {id}?"),
            LocalizedText.Same($"{id}-right"),
            [LocalizedText.Same($"{id}-wrong1"), LocalizedText.Same($"{id}-wrong2"),
                LocalizedText.Same($"{id}-wrong3")],
            LocalizedText.Same("Because."),
            ["source"]);

    /// <summary>Questions whose right answer is always on button A, so tests know what is right.</summary>
    public static IReadOnlyList<GameQuestion> FixedQuestions(int count) =>
        [.. Enumerable.Range(0, count).Select(i => new GameQuestion(i, Question($"q{i}"), [0, 1, 2, 3]))];

    public static TriviaGame Game(ManualClock clock, int questions = 3, int seconds = 20) =>
        new(FixedQuestions(questions), new TriviaSettings(questions, seconds), clock.Time);
}

/// <summary>The test clock with a shorthand for "now".</summary>
internal sealed class ManualClock
{
    public MiracleCell.Testing.ManualTimeProvider Time { get; } = new(TriviaFixtures.Start);
    public DateTimeOffset Now => Time.GetUtcNow();
    public void Advance(double seconds) => Time.Advance(TimeSpan.FromSeconds(seconds));
}
