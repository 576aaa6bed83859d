using System.Globalization;
using Npgsql;

namespace MiracleCell.EndToEnd.Tests.Bot;

/// <summary>A read-only look into the score database the bot processes share on PostgreSQL.</summary>
public sealed class TriviaPostgreSqlDatabase(string connectionString)
{
    public async Task<char> CorrectLetterAsync(long gameId, int questionIndex) =>
        (char)('A' + await ScalarAsync<int>(
            "SELECT correct_choice FROM game_questions WHERE game_id = @game AND question_index = @index",
            ("game", gameId), ("index", questionIndex)));

    /// <summary>Waits until the bot has opened the question (a click before that is told "not open yet"). Polls,
    /// bounded.</summary>
    public async Task WaitUntilOpenedAsync(long gameId, int questionIndex, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (await ScalarAsync<long>(
            "SELECT count(*) FROM game_questions WHERE game_id = @game AND question_index = @index AND "
                + "opened_at IS NOT NULL",
            ("game", gameId), ("index", questionIndex)) == 0)
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Question {questionIndex} of game {gameId} was posted but not "
                    + $"opened within {timeout}.");
            await Task.Delay(TimeSpan.FromMilliseconds(20));
        }
    }

    public Task<string> GameStateAsync(long gameId) =>
        ScalarAsync<string>("SELECT state FROM games WHERE id = @game", ("game", gameId));

    public async Task<IReadOnlyList<StoredAnswer>> AnswersAsync(long gameId)
    {
        await using var connection = await OpenAsync();
        await using var query = new NpgsqlCommand(
            """
            SELECT interaction_id, user_id, question_index, choice, is_correct, points FROM answers
            WHERE game_id = @game ORDER BY answered_at, interaction_id
            """, connection);
        query.Parameters.Add(new NpgsqlParameter<long>("game", gameId));
        await using var reader = await query.ExecuteReaderAsync();
        var answers = new List<StoredAnswer>();
        while (await reader.ReadAsync())
        {
            answers.Add(new StoredAnswer(Id(reader.GetInt64(0)), Id(reader.GetInt64(1)), reader.GetInt32(2),
                (char)('A' + reader.GetInt32(3)), reader.GetBoolean(4), reader.GetInt32(5)));
        }
        return answers;
    }

    /// <summary>Each player's all-time totals in a guild, keyed by user id.</summary>
    public async Task<IReadOnlyDictionary<string, StoredTotals>> TotalsAsync(string guildId)
    {
        await using var connection = await OpenAsync();
        await using var query = new NpgsqlCommand(
            "SELECT user_id, points, games, wins, answers, correct FROM player_totals WHERE guild_id = @guild",
            connection);
        query.Parameters.Add(new NpgsqlParameter<long>("guild", Snowflake(guildId)));
        await using var reader = await query.ExecuteReaderAsync();
        var totals = new Dictionary<string, StoredTotals>();
        while (await reader.ReadAsync())
        {
            totals[Id(reader.GetInt64(0))] = new StoredTotals(
                reader.GetInt64(1), reader.GetInt32(2), reader.GetInt32(3), reader.GetInt32(4), reader.GetInt32(5));
        }
        return totals;
    }

    private async Task<T> ScalarAsync<T>(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        return (T)(await command.ExecuteScalarAsync()
            ?? throw new InvalidOperationException($"No row for: {sql}"));
    }

    private async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        return connection;
    }

    // The store keeps snowflakes as signed 64-bit integers with the same bits.
    private static string Id(long stored) => unchecked((ulong)stored).ToString(CultureInfo.InvariantCulture);

    private static long Snowflake(string id) => unchecked((long)ulong.Parse(id, CultureInfo.InvariantCulture));
}
