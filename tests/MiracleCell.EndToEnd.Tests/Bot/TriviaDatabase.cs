using System.Globalization;
using Microsoft.Data.Sqlite;

namespace MiracleCell.EndToEnd.Tests.Bot;

/// <summary>
/// A read-only look into a bot's score database, opened while the bot runs (WAL lets a reader in beside the writer)
/// or after it died. Every query opens and closes its own connection, so nothing holds the file afterwards.
/// </summary>
public sealed class TriviaDatabase(string dataFolder)
{
    public const string FileName = "miraclecell.db";

    static TriviaDatabase() => SQLitePCL.Batteries_V2.Init();

    public string Path { get; } = System.IO.Path.Combine(dataFolder, FileName);

    /// <summary>The letter of the right answer to one question of a game, as the bot stored it when it started the game.</summary>
    public async Task<char> CorrectLetterAsync(long gameId, int questionIndex)
    {
        var choice = await ScalarAsync<long>(
            "SELECT correct_choice FROM game_questions WHERE game_id = $game AND question_index = $index;",
            ("$game", gameId), ("$index", questionIndex));
        return (char)('A' + choice);
    }

    /// <summary>
    /// Waits until the bot has opened the question (it does once its post has returned, a moment after the message
    /// appears in the channel; a click in between is told "not open yet") and recorded it. Polls the file, bounded.
    /// </summary>
    public async Task WaitUntilOpenedAsync(long gameId, int questionIndex, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (await ScalarAsync<long>(
            "SELECT opened_at IS NOT NULL FROM game_questions WHERE game_id = $game AND question_index = $index;",
            ("$game", gameId), ("$index", questionIndex)) == 0)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Question {questionIndex} of game {gameId} was posted but not opened within {timeout}.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(20));
        }
    }

    public Task<string> GameStateAsync(long gameId) =>
        ScalarAsync<string>("SELECT state FROM games WHERE id = $game;", ("$game", gameId));

    public async Task<IReadOnlyList<StoredAnswer>> AnswersAsync(long gameId)
    {
        var answers = new List<StoredAnswer>();
        await QueryAsync(
            "SELECT interaction_id, user_id, question_index, choice, is_correct, points FROM answers WHERE game_id = $game ORDER BY id;",
            reader => answers.Add(new StoredAnswer(
                Id(reader.GetInt64(0)), Id(reader.GetInt64(1)), reader.GetInt32(2), (char)('A' + reader.GetInt32(3)), reader.GetInt64(4) == 1, reader.GetInt64(5))),
            ("$game", gameId));
        return answers;
    }

    /// <summary>Each player's all-time totals in a guild, keyed by user id.</summary>
    public async Task<IReadOnlyDictionary<string, StoredTotals>> TotalsAsync(string guildId)
    {
        var totals = new Dictionary<string, StoredTotals>();
        await QueryAsync(
            "SELECT user_id, points, games, wins, answers, correct FROM player_totals WHERE guild_id = $guild;",
            reader => totals[Id(reader.GetInt64(0))] = new StoredTotals(reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4), reader.GetInt64(5)),
            ("$guild", Snowflake(guildId)));
        return totals;
    }

    private async Task<T> ScalarAsync<T>(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = await OpenAsync();
        await using var command = Command(connection, sql, parameters);
        var value = await command.ExecuteScalarAsync();
        return value is T typed ? typed : throw new InvalidOperationException($"'{sql}' returned {value ?? "nothing"} in {Path}.");
    }

    private async Task QueryAsync(string sql, Action<SqliteDataReader> read, params (string Name, object Value)[] parameters)
    {
        await using var connection = await OpenAsync();
        await using var command = Command(connection, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            read(reader);
        }
    }

    private async Task<SqliteConnection> OpenAsync()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync();
        return connection;
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql, (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return command;
    }

    // The store keeps snowflakes as signed 64-bit integers with the same bits.
    private static string Id(long stored) => unchecked((ulong)stored).ToString(CultureInfo.InvariantCulture);

    private static long Snowflake(string id) => unchecked((long)ulong.Parse(id, CultureInfo.InvariantCulture));
}

public sealed record StoredAnswer(string InteractionId, string UserId, int QuestionIndex, char Letter, bool IsCorrect, long Points);

public sealed record StoredTotals(long Points, long Games, long Wins, long Answers, long Correct);
