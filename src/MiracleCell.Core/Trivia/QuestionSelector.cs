using MiracleCell.Core.Films;

namespace MiracleCell.Core.Trivia;

/// <summary>The questions picked for a game, or why there are not enough.</summary>
public sealed record QuestionSelection(IReadOnlyList<GameQuestion> Questions, int Available, string? Error)
{
    public bool IsSuccess => Error is null;
}

/// <summary>
/// Picks a game's questions from a pack: filtered by difficulty and spoiler policy, no repeats,
/// and the four options of each shuffled. Pass a seeded <see cref="Random"/> for repeatable games.
/// </summary>
public sealed class QuestionSelector(Random? random = null)
{
    private readonly Random _random = random ?? Random.Shared;
    private readonly Lock _gate = new();

    public QuestionSelection Select(IReadOnlyList<TriviaQuestion> pool, TriviaSettings settings)
    {
        ArgumentNullException.ThrowIfNull(pool);
        ArgumentNullException.ThrowIfNull(settings);
        var eligible = pool
            .Where(q => settings.Difficulty is not { } d || q.Difficulty == d)
            .Where(q => settings.Spoilers == SpoilerPolicy.Allow || q.Spoiler == SpoilerLevel.None)
            .Where(q => q.WrongAnswers.Count == AnswerChoices.Count - 1)
            .DistinctBy(q => q.Id)
            .ToArray();
        if (eligible.Length < settings.QuestionCount)
        {
            return new QuestionSelection([], eligible.Length, NotEnoughMessage(settings, eligible.Length));
        }

        lock (_gate)
        {
            _random.Shuffle(eligible);
            var picked = eligible.Take(settings.QuestionCount)
                .Select((q, i) => new GameQuestion(i, q, ShuffledOptionOrder()))
                .ToArray();
            return new QuestionSelection(picked, eligible.Length, null);
        }
    }

    private int[] ShuffledOptionOrder()
    {
        int[] order = [0, 1, 2, 3];
        _random.Shuffle(order);
        return order;
    }

    private static string NotEnoughMessage(TriviaSettings settings, int available)
    {
        var filter = (settings.Difficulty is { } d ? d.ToString().ToLowerInvariant() + " " : "")
            + (settings.Spoilers == SpoilerPolicy.Avoid ? "spoiler-free " : "");
        return available == 0
            ? $"There are no {filter}questions. Try another difficulty or allow spoilers."
            : $"Only {available} {filter}question{(available == 1 ? "" : "s")} available, but "
                + $"{settings.QuestionCount} were asked for. "
              + $"Ask for {available} or fewer, or widen the difficulty or spoiler setting.";
    }
}
