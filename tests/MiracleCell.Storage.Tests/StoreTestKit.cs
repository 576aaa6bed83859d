using MiracleCell.Core.Films;
using MiracleCell.Core.Text;
using MiracleCell.Core.Trivia;

namespace MiracleCell.Storage.Tests;

/// <summary>A fresh folder under the system temp folder, removed afterwards.</summary>
internal sealed class TempFolder : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "miraclecell-tests",
        Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); } catch (DirectoryNotFoundException) { }
    }
}

internal static class StoreTestKit
{
    public static readonly Snowflake GuildA = new(100), GuildB = new(200);
    public static readonly DateTimeOffset Start = new(2013, 1, 23, 20, 0, 0, TimeSpan.Zero);

    public static IReadOnlyList<GameQuestion> Questions(int count) =>
        [.. Enumerable.Range(0, count)
            .Select(i =>
                new GameQuestion(i, new TriviaQuestion($"q{i}", TriviaCategory.Plot, Difficulty.Easy, SpoilerLevel.None,
            LocalizedText.Same("?"), LocalizedText.Same("right"),
            [LocalizedText.Same("w1"), LocalizedText.Same("w2"), LocalizedText.Same("w3")], LocalizedText.Same("."),
            ["s"]),
            [1, 0, 2, 3]))];

    /// <param name="guild">GuildA when left out.</param>
    /// <param name="channel">Channel 1 when left out.</param>
    public static NewGame Game(Snowflake? guild = null, Snowflake? channel = null, int questions = 5,
        DateTimeOffset? at = null) =>
        new(guild ?? GuildA, channel ?? new(1), new(42), new TriviaSettings(questions), at ?? Start,
            Questions(questions));

    public static async Task<long> StartGameAsync(ITriviaStore store, Snowflake? guild = null,
        Snowflake? channel = null, int questions = 5, DateTimeOffset? at = null)
    {
        var created = await store.CreateGameAsync(Game(guild, channel, questions, at));
        Assert.True(created.IsCreated);
        return created.GameId;
    }

    public static AnswerRecord Answer(long game, int question, Snowflake user, int points,
        Snowflake? interaction = null, Snowflake? guild = null, DateTimeOffset? at = null) =>
        new(interaction ?? DefaultInteraction(game, question, user), guild ?? GuildA, game, question, user,
            points > 0 ? AnswerChoice.B : AnswerChoice.A, points > 0, points, at ?? Start);

    /// <summary>A distinct interaction id per (game, question, user) for users below 10,000.</summary>
    public static Snowflake DefaultInteraction(long game, int question, Snowflake user) =>
        new((ulong)(game * 1_000_000 + question * 10_000) + user.Value);
}
