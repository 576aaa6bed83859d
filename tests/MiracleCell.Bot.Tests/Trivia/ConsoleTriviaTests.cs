using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MiracleCell.Bot.Console;
using MiracleCell.Bot.Hosting;
using MiracleCell.Bot.Interactions;
using MiracleCell.Bot.Trivia;
using MiracleCell.Core.Text;

namespace MiracleCell.Bot.Tests.Trivia;

public sealed class ConsoleTriviaTests
{
    [Fact]
    public async Task On_the_console_a_player_starts_a_night_answers_by_typing_a_letter_and_stops_it()
    {
        var folder = Path.Combine(Path.GetTempPath(), "miraclecell-trivia-tests", Guid.NewGuid().ToString("N"));
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:DataFolder"] = folder }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddMiracleCellBot(configuration,
            TestPacks.MiracleInCellNo7() with { Trivia = TriviaQuestions.Mixed() },
            BotTransport.Console);
        await using (var provider = services.BuildServiceProvider())
        {
            var coordinator = provider.GetRequiredService<TriviaCoordinator>();
            var session = new ConsoleSession(provider.GetRequiredService<InteractionRouter>(), Locale.English,
                provider.GetRequiredService<ConsoleTriviaMessenger>(), coordinator);
            var lines = new Queue<string>(["/trivia start questions:2 seconds:60", "b", "b", "/trivia stop", "exit"]);
            var output = new StringWriter();
            // Each line waits until the background work of the one before (posting the question) is done.
            await session.RunAsync(
                () => { coordinator.WhenIdleAsync().GetAwaiter().GetResult(); return lines.Dequeue(); }, output,
                CancellationToken.None);
            await coordinator.WhenIdleAsync();

            var text = output.ToString();
            Assert.Contains("Question 1 of 2", text);
            Assert.Contains("Locked in: **B**", text);
            Assert.Contains("already locked in: **B**", text);
            Assert.Contains("stopped the trivia night after 1 of 2 questions", text);
            await coordinator.StopAsync(CancellationToken.None);
        }
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public void The_console_reads_a_subcommand_and_its_options()
    {
        using var bot = new TestBot();
        var interaction = bot.Interaction("/trivia start questions:5 spoilers:avoid");

        var sub = Assert.Single(interaction.Data!.Options!);
        Assert.Equal("start", sub.Name);
        Assert.Equal(["questions", "spoilers"], sub.Options!.Select(o => o.Name));
        Assert.Equal(5, sub.Options![0].Value!.Value.GetInt64());
        Assert.Throws<ConsoleInputException>(() => bot.Interaction("/trivia"));
        Assert.Throws<ConsoleInputException>(() => bot.Interaction("/trivia start rounds:5"));
    }
}
