using System.Globalization;
using System.Text;
using System.Text.Json;

namespace MiracleCell.Storage.Transfer;

/// <summary>
/// The portable scores file: JSON lines, a header naming the format and its version first, then every row (games
/// before the questions and answers that refer to them), then an end line with the counts.
/// </summary>
public static class ScoresFile
{
    public const string Format = "miraclecell-scores";
    public const int Version = 1;

    public static async Task WriteAsync(
        StoreSnapshot snapshot, TextWriter writer, string source, DateTimeOffset exportedAt,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(writer);
        await WriteLineAsync(writer, new TransferHeader(Format, Version, exportedAt, source)).ConfigureAwait(false);
        foreach (var row in snapshot.Rows())
        {
            cancellationToken.ThrowIfCancellationRequested();
            await WriteLineAsync(writer, row).ConfigureAwait(false);
        }
        await WriteLineAsync(writer, new TransferEnd(snapshot.Counts)).ConfigureAwait(false);
        await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    private static Task WriteLineAsync(TextWriter writer, TransferLine line) =>
        writer.WriteLineAsync(JsonSerializer.Serialize(line, TransferJsonContext.Default.TransferLine));

    /// <summary>
    /// Reads a whole file, checking every line. Throws <see cref="ScoresFileException"/> naming the line.
    /// </summary>
    /// <param name="name">How the file is named in errors (its path).</param>
    public static async Task<StoreSnapshot> ReadAsync(
        TextReader reader, string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var snapshot = new StoreSnapshot();
        var games = new HashSet<long>();
        var answered = new HashSet<(long Game, int Question, Snowflake User)>();
        TransferEnd? end = null;
        var number = 0;
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } text)
        {
            number++;
            if (string.IsNullOrWhiteSpace(text)) continue;
            var line = Parse(text, name, number);
            if (number == 1)
            {
                CheckHeader(line, name);
                continue;
            }
            if (end is not null) throw Problem(name, number, "more lines follow the end line");
            switch (line)
            {
                case TransferHeader:
                    throw Problem(name, number, "a second header; only the first line is one");
                case TransferEnd last:
                    end = last;
                    break;
                default:
                    Check(line, games, answered, name, number);
                    snapshot.Add(line);
                    break;
            }
        }
        if (number == 0) throw new ScoresFileException($"{name} is empty: export the scores again.");
        if (end is null)
        {
            throw new ScoresFileException(
                $"{name}: the file stops at line {number} without its end line, so it was cut off: export it again.");
        }
        if (end.Counts != snapshot.Counts)
        {
            throw new ScoresFileException(
                $"{name}: the end line promises {end.Counts} but the file holds {snapshot.Counts}: export it again.");
        }
        return snapshot;
    }

    private static TransferLine Parse(string text, string name, int number)
    {
        try
        {
            return JsonSerializer.Deserialize(text, TransferJsonContext.Default.TransferLine)
                ?? throw Problem(name, number, "null is not a row");
        }
        catch (JsonException ex)
        {
            throw Problem(name, number, $"not a valid row ({ex.Message})", ex);
        }
        catch (NotSupportedException ex)
        {
            throw Problem(name, number, $"not a valid row: {ex.Message}", ex);
        }
    }

    private static void CheckHeader(TransferLine line, string name)
    {
        if (line is not TransferHeader header || header.Format != Format)
        {
            throw Problem(name, 1,
                $"the first line must be the {Format} header: this is not a MiracleCell scores file");
        }
        if (header.Version > Version)
        {
            throw Problem(name, 1, $"format version {header.Version} was written by a newer MiracleCell "
                + $"(this one reads up to {Version}): import it with that version");
        }
        if (header.Version < 1) throw Problem(name, 1, $"format version {header.Version} does not exist");
    }

    private static void Check(
        TransferLine line, HashSet<long> games, HashSet<(long, int, Snowflake)> answered, string name, int number)
    {
        switch (line)
        {
            case GameRow game:
                if (game.State is not ("running" or "finished" or "stopped" or "interrupted"))
                    throw Problem(name, number, $"game {game.Id} has the unknown state \"{game.State}\"");
                if (!games.Add(game.Id)) throw Problem(name, number, $"game {game.Id} is listed twice");
                break;
            case QuestionRow question when !games.Contains(question.Game):
                throw Problem(name, number, $"a question of game {question.Game}, which no earlier line lists");
            case AnswerRow answer when !games.Contains(answer.Game):
                throw Problem(name, number, $"an answer in game {answer.Game}, which no earlier line lists");
            // The stores keep one answer per player per question (LiteDB in its writer, not an index).
            case AnswerRow answer when !answered.Add((answer.Game, answer.Question, answer.User)):
                throw Problem(name, number, $"a second answer by {answer.User} to question {answer.Question} "
                    + $"of game {answer.Game}");
            case ClubProgressRow { Parts: < 0 } or MemberProgressRow { Parts: < 0 }:
                throw Problem(name, number, "parts watched cannot be negative");
            case ClubRow { CurrentFilm: "" } or ClubProgressRow { Film: "" } or MemberProgressRow { Film: "" }:
                throw Problem(name, number, "the film id is empty");
        }
    }

    private static ScoresFileException Problem(string name, int number, string what, Exception? inner = null)
    {
        var message = string.Create(CultureInfo.InvariantCulture, $"{name} line {number}: {OneLine(what)}.");
        return inner is null ? new ScoresFileException(message) : new ScoresFileException(message, inner);
    }

    private static string OneLine(string text) =>
        new StringBuilder(text).Replace('\r', ' ').Replace('\n', ' ').ToString().TrimEnd('.');
}
