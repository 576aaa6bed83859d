using System.Data;
using MiracleCell.Storage.Transfer;
using Npgsql;
using NpgsqlTypes;

namespace MiracleCell.Storage.PostgreSql;

public sealed partial class PostgreSqlTriviaStore : IScoresTransfer
{
    private const int RowsPerBatch = 500;

    private static readonly string[] Tables =
    [
        "games", "game_questions", "answers", "player_totals", "monthly_points", "clubs", "club_progress",
        "member_progress",
    ];

    public string ProviderName => nameof(StorageProvider.PostgreSql);

    public Task<StoreSnapshot> ReadAllAsync(CancellationToken cancellationToken) =>
        ReadAsync(async connection =>
        {
            // One snapshot for every table, so rows written meanwhile by a running bot cannot half appear.
            await using var transaction = await connection
                .BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken).ConfigureAwait(false);
            var snapshot = new StoreSnapshot();
            await ReadRowsAsync(connection, """
                SELECT id, guild_id, channel_id, started_by, settings, question_count, state, started_at, ended_at,
                       winner_id, locale
                FROM games ORDER BY id;
                """, r => snapshot.Games.Add(new GameRow(r.GetInt64(0), Snowflake(r.GetInt64(1)),
                Snowflake(r.GetInt64(2)), Snowflake(r.GetInt64(3)), r.GetString(4), r.GetInt32(5), r.GetString(6),
                Time(r, 7)!.Value, Time(r, 8), r.IsDBNull(9) ? null : Snowflake(r.GetInt64(9)),
                r.IsDBNull(10) ? null : r.GetString(10))),
                cancellationToken).ConfigureAwait(false);
            await ReadRowsAsync(connection, """
                SELECT game_id, question_index, question_id, option_order, correct_choice, message_id, opened_at,
                       revealed_at
                FROM game_questions ORDER BY game_id, question_index;
                """, r => snapshot.Questions.Add(new QuestionRow(r.GetInt64(0), r.GetInt32(1),
                r.GetString(2), r.GetString(3), r.GetInt32(4), r.IsDBNull(5) ? null : Snowflake(r.GetInt64(5)),
                Time(r, 6), Time(r, 7))),
                cancellationToken).ConfigureAwait(false);
            await ReadRowsAsync(connection, """
                SELECT interaction_id, guild_id, game_id, question_index, user_id, choice, is_correct, points,
                       answered_at
                FROM answers ORDER BY game_id, interaction_id;
                """, r => snapshot.Answers.Add(new AnswerRow(Snowflake(r.GetInt64(0)), Snowflake(r.GetInt64(1)),
                r.GetInt64(2), r.GetInt32(3), Snowflake(r.GetInt64(4)), r.GetInt32(5), r.GetBoolean(6), r.GetInt32(7),
                Time(r, 8)!.Value)), cancellationToken).ConfigureAwait(false);
            await ReadRowsAsync(connection, """
                SELECT guild_id, user_id, points, games, wins, answers, correct, best_streak, current_streak
                FROM player_totals ORDER BY guild_id, user_id;
                """, r => snapshot.Totals.Add(new TotalRow(Snowflake(r.GetInt64(0)), Snowflake(r.GetInt64(1)),
                r.GetInt64(2), r.GetInt32(3), r.GetInt32(4), r.GetInt32(5), r.GetInt32(6), r.GetInt32(7),
                r.GetInt32(8))),
                cancellationToken).ConfigureAwait(false);
            await ReadRowsAsync(connection,
                "SELECT guild_id, month, user_id, points FROM monthly_points ORDER BY guild_id, month, user_id;",
                r => snapshot.Monthly.Add(new MonthlyRow(Snowflake(r.GetInt64(0)), r.GetString(1),
                    Snowflake(r.GetInt64(2)), r.GetInt64(3))), cancellationToken).ConfigureAwait(false);
            await ReadRowsAsync(connection,
                "SELECT guild_id, current_film FROM clubs WHERE current_film IS NOT NULL ORDER BY guild_id;",
                r => snapshot.Clubs.Add(new ClubRow(Snowflake(r.GetInt64(0)), r.GetString(1))),
                cancellationToken).ConfigureAwait(false);
            await ReadRowsAsync(connection,
                "SELECT guild_id, film_id, parts_watched FROM club_progress ORDER BY guild_id, film_id;",
                r => snapshot.ClubProgress.Add(new ClubProgressRow(Snowflake(r.GetInt64(0)), r.GetString(1),
                    r.GetInt32(2))), cancellationToken).ConfigureAwait(false);
            await ReadRowsAsync(connection, """
                SELECT guild_id, user_id, film_id, parts_watched FROM member_progress
                ORDER BY guild_id, user_id, film_id;
                """, r => snapshot.MemberProgress.Add(new MemberProgressRow(Snowflake(r.GetInt64(0)),
                Snowflake(r.GetInt64(1)), r.GetString(2), r.GetInt32(3))), cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return snapshot;
        }, cancellationToken);

    public Task<TransferCounts> CountAsync(CancellationToken cancellationToken) =>
        ReadAsync(async connection =>
        {
            await using var command = new NpgsqlCommand("SELECT "
                + string.Join(", ", Tables.Select(t => t == "clubs"
                    ? "(SELECT COUNT(*) FROM clubs WHERE current_film IS NOT NULL)"
                    : $"(SELECT COUNT(*) FROM {t})")) + ";", connection);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            return new TransferCounts(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3),
                reader.GetInt64(4), reader.GetInt64(5), reader.GetInt64(6), reader.GetInt64(7));
        }, cancellationToken);

    public Task ReplaceAllAsync(StoreSnapshot snapshot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return WriteAsync(async session =>
        {
            await using (var clear = session.Command($"TRUNCATE {string.Join(", ", Tables)} RESTART IDENTITY;"))
            {
                await clear.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            await InsertAsync(session, """
                INSERT INTO games (id, guild_id, channel_id, started_by, settings, question_count, state, started_at,
                                   ended_at, winner_id, locale)
                OVERRIDING SYSTEM VALUE VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11);
                """, snapshot.Games, g => [Value(g.Id), Value(Id(g.Guild)), Value(Id(g.Channel)),
                Value(Id(g.StartedBy)), Value(g.Settings), Value(g.QuestionCount), Value(g.State), Value(g.StartedAt),
                Value(g.EndedAt), Value(g.Winner), Value(g.Locale)], cancellationToken).ConfigureAwait(false);
            await InsertAsync(session, """
                INSERT INTO game_questions (game_id, question_index, question_id, option_order, correct_choice,
                                            message_id, opened_at, revealed_at)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8);
                """, snapshot.Questions, q => [Value(q.Game), Value(q.Index), Value(q.QuestionId), Value(q.OptionOrder),
                Value(q.Correct), Value(q.MessageId), Value(q.OpenedAt), Value(q.RevealedAt)], cancellationToken)
                .ConfigureAwait(false);
            await InsertAsync(session, """
                INSERT INTO answers (interaction_id, guild_id, game_id, question_index, user_id, choice, is_correct,
                                     points, answered_at)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9);
                """, snapshot.Answers, a => [Value(Id(a.Interaction)), Value(Id(a.Guild)), Value(a.Game),
                Value(a.Question), Value(Id(a.User)), Value(a.Choice), Value(a.Correct), Value(a.Points), Value(a.At)],
                cancellationToken).ConfigureAwait(false);
            await InsertAsync(session, """
                INSERT INTO player_totals (guild_id, user_id, points, games, wins, answers, correct, best_streak,
                                           current_streak)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9);
                """, snapshot.Totals, t => [Value(Id(t.Guild)), Value(Id(t.User)), Value(t.Points), Value(t.Games),
                Value(t.Wins), Value(t.Answers), Value(t.Correct), Value(t.BestStreak), Value(t.Streak)],
                cancellationToken).ConfigureAwait(false);
            await InsertAsync(session,
                "INSERT INTO monthly_points (guild_id, month, user_id, points) VALUES ($1, $2, $3, $4);",
                snapshot.Monthly, m => [Value(Id(m.Guild)), Value(m.Month), Value(Id(m.User)), Value(m.Points)],
                cancellationToken).ConfigureAwait(false);
            await InsertAsync(session, "INSERT INTO clubs (guild_id, current_film) VALUES ($1, $2);",
                snapshot.Clubs, c => [Value(Id(c.Guild)), Value(c.CurrentFilm)], cancellationToken)
                .ConfigureAwait(false);
            await InsertAsync(session,
                "INSERT INTO club_progress (guild_id, film_id, parts_watched) VALUES ($1, $2, $3);",
                snapshot.ClubProgress, p => [Value(Id(p.Guild)), Value(p.Film), Value(p.Parts)], cancellationToken)
                .ConfigureAwait(false);
            await InsertAsync(session, """
                INSERT INTO member_progress (guild_id, user_id, film_id, parts_watched) VALUES ($1, $2, $3, $4);
                """, snapshot.MemberProgress,
                m => [Value(Id(m.Guild)), Value(Id(m.User)), Value(m.Film), Value(m.Parts)], cancellationToken)
                    .ConfigureAwait(false);
            // New games continue after the highest imported id.
            await using (var sequence = session.Command(
                "SELECT setval(pg_get_serial_sequence('games', 'id'), COALESCE(MAX(id), 0) + 1, false) FROM games;"))
            {
                await sequence.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            }
            return 0;
        }, cancellationToken);
    }

    private static async Task ReadRowsAsync(
        NpgsqlConnection connection, string sql, Action<NpgsqlDataReader> add, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) add(reader);
    }

    private static async Task InsertAsync<T>(PostgreSqlWriteSession session, string sql, IReadOnlyList<T> rows,
        Func<T, NpgsqlParameter[]> parameters, CancellationToken cancellationToken)
    {
        for (var start = 0; start < rows.Count; start += RowsPerBatch)
        {
            await using var batch = session.Batch();
            foreach (var row in rows.Skip(start).Take(RowsPerBatch))
            {
                var command = new NpgsqlBatchCommand(sql);
                command.Parameters.AddRange(parameters(row));
                batch.BatchCommands.Add(command);
            }
            await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static DateTimeOffset? Time(NpgsqlDataReader reader, int column) =>
        reader.IsDBNull(column) ? null : reader.GetFieldValue<DateTimeOffset>(column);

    private static NpgsqlParameter<T> Value<T>(T value) => new() { TypedValue = value };

    private static NpgsqlParameter<DateTime> Value(DateTimeOffset value) => new() { TypedValue = value.UtcDateTime };

    private static NpgsqlParameter Value(DateTimeOffset? value) => value is { } at
        ? Value(at)
        : new NpgsqlParameter { Value = DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz };

    private static NpgsqlParameter Value(Snowflake? value) => value is { } id
        ? Value(Id(id))
        : new NpgsqlParameter { Value = DBNull.Value, NpgsqlDbType = NpgsqlDbType.Bigint };

    private static NpgsqlParameter Value(string? value) => value is not null
        ? new NpgsqlParameter<string> { TypedValue = value }
        : new NpgsqlParameter { Value = DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text };
}
