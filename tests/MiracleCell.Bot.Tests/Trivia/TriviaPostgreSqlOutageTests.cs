using MiracleCell.Bot.Interactions;
using MiracleCell.Core.Trivia;
using MiracleCell.Testing;
using static MiracleCell.Bot.Tests.Trivia.TriviaHarness;

namespace MiracleCell.Bot.Tests.Trivia;

[CollectionDefinition(Name)]
public sealed class PostgreSqlServerCollection : ICollectionFixture<PostgreSqlServer>
{
    public const string Name = "PostgreSQL server";
}

/// <summary>A trivia night on the PostgreSQL store while its server goes away and comes back.</summary>
[Collection(PostgreSqlServerCollection.Name)]
public sealed class TriviaPostgreSqlOutageTests(PostgreSqlServer server)
{
    private static string Content(InteractionResult result) => result.Response.Data?.Content ?? "";

    [PostgreSqlFact]
    public async Task An_answer_clicked_in_a_database_outage_is_not_saved_and_counts_once_when_given_again_after_it()
    {
        var database = await server.CreateDatabaseAsync();
        await using var bot = new TriviaHarness(
            storage: new Dictionary<string, string> { ["Provider"] = "PostgreSql", ["ConnectionString"] = database });
        var game = await bot.StartAsync("questions:1 seconds:20");
        var right = bot.Right(game);
        var saved = await bot.Answer(game, right, Carol);

        await server.StopAsync();
        InteractionResult failed, lookup;
        try
        {
            failed = await bot.Answer(game, right, Bob);
            lookup = await bot.Run("/character name:yong goo", Bob);
        }
        finally
        {
            await server.StartAsync();
        }
        var again = await bot.Answer(game, right, Bob);
        await bot.AdvanceAsync(TimeSpan.FromSeconds(20));

        Assert.Contains($"Locked in: **{right.Letter()}**", Content(saved));
        Assert.Contains("could not save your answer", Content(failed));
        Assert.Equal(InteractionOutcome.Replied, lookup.Outcome);
        Assert.Contains($"Locked in: **{right.Letter()}**", Content(again));
        var bob = await bot.Store.GetStatsAsync(Guild, Bob);
        Assert.Equal((1, 1, 1), (bob!.Games, bob.Answers, bob.CorrectAnswers));
        Assert.Equal(1, (await bot.Store.GetStatsAsync(Guild, Carol))!.Answers);
    }
}
