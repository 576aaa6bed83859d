using MiracleCell.Bot.Hosting;
using MiracleCell.Core.Films;
using MiracleCell.Core.Text;
using MiracleCell.Core.Trivia;
using MiracleCell.Storage;
using MiracleCell.Storage.LiteDb;

namespace MiracleCell.Bot.Tests.Hosting;

/// <summary>
/// <c>scores export</c> and <c>scores import</c> as typed on the command line, against LiteDB data folders.
/// </summary>
public sealed class ScoresCliTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "miraclecell-tests", Guid.NewGuid().ToString("N"));
    private readonly StringWriter _output = new(), _error = new();

    private string Source => Path.Combine(_root, "source");
    private string Target => Path.Combine(_root, "target");
    private string ScoresFile => Path.Combine(_root, "scores.jsonl");

    public void Dispose()
    {
        try { Directory.Delete(_root, recursive: true); } catch (DirectoryNotFoundException) { }
    }

    private Task<int> RunAsync(params string[] args) =>
        BotCli.RunAsync(["scores", .. args, "--Logging:LogLevel:Default=None"], TextReader.Null, _output, _error);

    private static LiteDbTriviaStore Open(string folder) =>
        new(new StorageOptions { DataFolder = folder }, TimeProvider.System);

    private async Task FillSourceAsync()
    {
        await using var store = Open(Source);
        var now = TimeProvider.System.GetUtcNow();
        Snowflake guild = new(10), channel = new(20), starter = new(30), player = new(7);
        var game = await store.CreateGameAsync(new NewGame(guild, channel, starter, new TriviaSettings(1), now,
            [new GameQuestion(0, TestQuestion(), [0, 1, 2, 3])]));
        await store.RecordAnswerAsync(
            new AnswerRecord(new Snowflake(99), guild, game.GameId, 0, player, AnswerChoice.A, true, 40, now));
        await store.FinishGameAsync(guild, game.GameId, GameEndState.Finished, now);
        await new LiteDbClubStore(store).SetCurrentFilmAsync(guild, "miracle-in-cell-no-7", CancellationToken.None);
    }

    private static TriviaQuestion TestQuestion() => new("q0", TriviaCategory.Plot, Difficulty.Easy, SpoilerLevel.None,
        LocalizedText.Same("?"), LocalizedText.Same("right"),
        [LocalizedText.Same("w1"), LocalizedText.Same("w2"), LocalizedText.Same("w3")], LocalizedText.Same("."), ["s"]);

    [Fact]
    public async Task Export_then_import_moves_the_scores_and_club_settings_to_another_store()
    {
        await FillSourceAsync();

        Assert.Equal(0, await RunAsync("export", ScoresFile, $"--Storage:DataFolder={Source}"));
        Assert.Equal(0, await RunAsync("import", ScoresFile, $"--Storage:DataFolder={Target}"));

        Assert.Equal("", _error.ToString());
        var lines = _output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Exported 1 games, 1 questions, 1 answers, 1 member totals, 1 monthly points, 1 clubs,",
            lines[0], StringComparison.Ordinal);
        Assert.StartsWith("Imported 1 games, 1 questions, 1 answers,", lines[1], StringComparison.Ordinal);
        await using var target = Open(Target);
        Assert.Equal(40, (await target.GetStatsAsync(new Snowflake(10), new Snowflake(7)))!.Points);
        Assert.Equal("miracle-in-cell-no-7",
            (await new LiteDbClubStore(target).GetClubAsync(new Snowflake(10), CancellationToken.None)).CurrentFilmId);
    }

    [Fact]
    public async Task Import_into_a_store_holding_data_needs_replace()
    {
        await FillSourceAsync();
        Assert.Equal(0, await RunAsync("export", ScoresFile, $"--Storage:DataFolder={Source}"));

        Assert.Equal(ScoresCli.ExitFailed, await RunAsync("import", ScoresFile, $"--Storage:DataFolder={Source}"));
        var line = Assert.Single(_error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("already holds data", line, StringComparison.Ordinal);
        Assert.Contains("--replace", line, StringComparison.Ordinal);

        Assert.Equal(0, await RunAsync("import", ScoresFile, "--replace", $"--Storage:DataFolder={Source}"));
    }

    [Fact]
    public async Task A_malformed_file_is_reported_with_its_line_and_exit_code_1()
    {
        await FillSourceAsync();
        Assert.Equal(0, await RunAsync("export", ScoresFile, $"--Storage:DataFolder={Source}"));
        var lines = await File.ReadAllLinesAsync(ScoresFile);
        lines[2] = lines[2][..^5];
        await File.WriteAllLinesAsync(ScoresFile, lines);

        Assert.Equal(ScoresCli.ExitFailed, await RunAsync("import", ScoresFile, $"--Storage:DataFolder={Target}"));

        var line = Assert.Single(_error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"{ScoresFile} line 3: not a valid row", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_store_in_use_by_a_running_bot_stops_with_exit_code_78()
    {
        await using var running = Open(Source);
        await running.InitializeAsync();

        Assert.Equal(ExitCodes.Configuration, await RunAsync("export", ScoresFile, $"--Storage:DataFolder={Source}"));

        var line = Assert.Single(_error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("in use by another running MiracleCell", line, StringComparison.Ordinal);
        Assert.False(File.Exists(ScoresFile));
    }

    [Theory]
    [InlineData]
    [InlineData("export")]
    [InlineData("copy", "x.jsonl")]
    [InlineData("export", "x.jsonl", "--replace")]
    public async Task Wrong_arguments_print_the_usage_and_exit_code_2(params string[] args)
    {
        Assert.Equal(ScoresCli.ExitUsage,
            await BotCli.RunAsync(["scores", .. args], TextReader.Null, _output, _error));
        Assert.Contains("scores import <file> [--replace]", _error.ToString(), StringComparison.Ordinal);
    }
}
