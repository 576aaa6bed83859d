using System.Text.RegularExpressions;
using MiracleCell.Storage.Transfer;
using MiracleCell.Testing;
using static MiracleCell.Storage.Tests.StoreTestKit;
using static MiracleCell.Storage.Tests.Transfer.TransferTestKit;

namespace MiracleCell.Storage.Tests.Transfer;

/// <summary>What a scores file looks like, and how a damaged or foreign one is reported: by its line.</summary>
public sealed class ScoresFileTests : IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private readonly ManualTimeProvider _clock = new(Start);
    private string[] _lines = [];

    private string FilePath => Path.Combine(_folder.Path, "scores.jsonl");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder.Path);
        await using var store = OpenLiteDb(Path.Combine(_folder.Path, "source"), _clock);
        await FillAsync(store, new MiracleCell.Storage.LiteDb.LiteDbClubStore(store), _clock);
        await ScoresTransfer.ExportAsync(store, FilePath, _clock, CancellationToken.None);
        _lines = await File.ReadAllLinesAsync(FilePath);
    }

    public Task DisposeAsync()
    {
        _folder.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public void The_file_starts_with_a_versioned_header_and_ends_with_the_counts()
    {
        Assert.StartsWith(
            """{"kind":"header","format":"miraclecell-scores","version":1,""", _lines[0], StringComparison.Ordinal);
        Assert.Contains("\"source\":\"LiteDb\"", _lines[0], StringComparison.Ordinal);
        Assert.StartsWith("""{"kind":"game","id":1,""", _lines[1], StringComparison.Ordinal);
        Assert.StartsWith("""{"kind":"end","counts":{"games":4,""", _lines[^1], StringComparison.Ordinal);
        Assert.Equal(1 + 4 + 11 + 8 + 4 + 4 + 1 + 3 + 2 + 1, _lines.Length);
        Assert.False(File.Exists(FilePath + ".partial"));
    }

    [Fact]
    public void Ids_are_written_as_json_numbers_not_as_discord_strings()
    {
        Assert.Contains("\"guild\":100,\"channel\":1,\"startedBy\":42,", _lines[1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"kind\":\"answer\",\"interaction\":1}", "not a valid row")]
    [InlineData("{\"kind\":\"meteor\"}", "not a valid row")]
    [InlineData("not json at all", "not a valid row")]
    [InlineData("{\"kind\":\"memberProgress\",\"guild\":1,\"user\":2,\"film\":\"x\",\"parts\":-1}",
        "cannot be negative")]
    [InlineData("{\"kind\":\"question\",\"game\":404,\"index\":0,\"questionId\":\"q\",\"optionOrder\":\"0123\","
        + "\"correct\":0,\"messageId\":null,\"openedAt\":null,\"revealedAt\":null}",
        "game 404, which no earlier line lists")]
    [InlineData("{\"kind\":\"club\",\"guild\":-1,\"currentFilm\":\"x\"}", "not a valid row")]
    [InlineData("{\"kind\":\"club\",\"guild\":\" 1\",\"currentFilm\":\"x\"}", "not a valid row")]
    [InlineData("{\"kind\":\"club\",\"guild\":1,\"currentFilm\":null}", "not a valid row")]
    [InlineData("{\"kind\":\"club\",\"guild\":1,\"currentFilm\":\"x\",\"extra\":true}", "not a valid row")]
    public async Task A_damaged_line_is_reported_with_its_number_and_nothing_is_imported(string line, string problem)
    {
        var lines = _lines.ToList();
        lines.Insert(7, line);
        await File.WriteAllLinesAsync(FilePath, lines);
        await using var target = OpenLiteDb(Path.Combine(_folder.Path, "target"), _clock);

        var error = await Assert.ThrowsAsync<ScoresFileException>(
            () => ScoresTransfer.ImportAsync(target, FilePath, replace: false, CancellationToken.None));

        Assert.StartsWith($"{FilePath} line 8: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
        Assert.Equal(TransferCounts.Zero, await target.CountAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_second_answer_by_a_player_to_the_same_question_is_reported_with_its_number()
    {
        var lines = _lines.ToList();
        var answer = lines.FindIndex(l => l.StartsWith("{\"kind\":\"answer\"", StringComparison.Ordinal));
        var again = Regex.Replace(lines[answer], "\"interaction\":\\d+", "\"interaction\":987654321");
        lines.Insert(answer + 1, again);
        await File.WriteAllLinesAsync(FilePath, lines);
        await using var target = OpenLiteDb(Path.Combine(_folder.Path, "target"), _clock);

        var error = await Assert.ThrowsAsync<ScoresFileException>(
            () => ScoresTransfer.ImportAsync(target, FilePath, replace: false, CancellationToken.None));

        Assert.StartsWith($"{FilePath} line {answer + 2}: a second answer by ", error.Message,
            StringComparison.Ordinal);
        Assert.Equal(TransferCounts.Zero, await target.CountAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_file_cut_off_before_its_end_line_is_refused()
    {
        await File.WriteAllLinesAsync(FilePath, _lines[..^3]);
        await using var target = OpenLiteDb(Path.Combine(_folder.Path, "target"), _clock);

        var error = await Assert.ThrowsAsync<ScoresFileException>(
            () => ScoresTransfer.ImportAsync(target, FilePath, replace: false, CancellationToken.None));

        Assert.Contains(
            $"stops at line {_lines.Length - 3} without its end line", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_missing_rows_the_end_line_counts_is_refused()
    {
        var total = Array.FindIndex(_lines, l => l.StartsWith("{\"kind\":\"total\"", StringComparison.Ordinal));
        await File.WriteAllLinesAsync(FilePath, _lines.Where((_, i) => i != total));
        await using var target = OpenLiteDb(Path.Combine(_folder.Path, "target"), _clock);

        var error = await Assert.ThrowsAsync<ScoresFileException>(
            () => ScoresTransfer.ImportAsync(target, FilePath, replace: false, CancellationToken.None));

        Assert.Contains("3 member totals", error.Message, StringComparison.Ordinal);
        Assert.Contains("the end line promises 4 games, 11 questions, 8 answers, 4 member totals", error.Message,
            StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"kind\":\"header\",\"format\":\"miraclecell-scores\",\"version\":2,"
        + "\"exportedAt\":\"2030-01-01T00:00:00Z\","
        + "\"source\":\"LiteDb\"}", "written by a newer MiracleCell")]
    [InlineData("{\"kind\":\"header\",\"format\":\"something-else\",\"version\":1,"
        + "\"exportedAt\":\"2030-01-01T00:00:00Z\","
        + "\"source\":\"LiteDb\"}", "not a MiracleCell scores file")]
    public async Task A_header_this_build_cannot_read_is_refused_on_line_1(string header, string problem)
    {
        _lines[0] = header;
        await File.WriteAllLinesAsync(FilePath, _lines);
        await using var target = OpenLiteDb(Path.Combine(_folder.Path, "target"), _clock);

        var error = await Assert.ThrowsAsync<ScoresFileException>(
            () => ScoresTransfer.ImportAsync(target, FilePath, replace: false, CancellationToken.None));

        Assert.StartsWith($"{FilePath} line 1: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_file_is_named()
    {
        await using var target = OpenLiteDb(Path.Combine(_folder.Path, "target"), _clock);

        var error = await Assert.ThrowsAsync<ScoresFileException>(
            () => ScoresTransfer.ImportAsync(target, FilePath + ".nope", replace: false, CancellationToken.None));

        Assert.Contains("does not exist", error.Message, StringComparison.Ordinal);
    }
}
