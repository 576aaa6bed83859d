using System.Globalization;
using LiteDB;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using MiracleCell.Storage.LiteDb;
using static MiracleCell.Storage.LiteDb.ScoreDocuments;

namespace MiracleCell.Storage.Import;

/// <summary>
/// Moves a score database written by the earlier SQLite store (schema versions 1–2) into a new LiteDB file, once:
/// the documents are written to a side file, the counts of every table are compared with the documents written,
/// and only then is the side file renamed into place and the SQLite file renamed to <c>*.imported-yyyyMMddHHmmss</c>
/// (kept, never deleted). The only code that still reads SQLite.
/// </summary>
internal static class SqliteScoreImporter
{
    private const int NewestKnownSqliteSchema = 2;

    static SqliteScoreImporter() => SQLitePCL.Batteries_V2.Init();

    public static void Import(string sqlitePath, string databasePath, TimeProvider time, ILogger logger)
    {
        var sidePath = Path.Combine(Path.GetDirectoryName(databasePath)!,
            Path.GetFileNameWithoutExtension(databasePath) + ".importing" + Path.GetExtension(databasePath));
        DeleteSideFile(sidePath);
        ImportCounts counts;
        try
        {
            using var source = new SqliteConnection(new SqliteConnectionStringBuilder
            {
                DataSource = sqlitePath,
                Mode = SqliteOpenMode.ReadWrite,
                Pooling = false,
            }.ToString());
            source.Open();
            var version = Convert.ToInt32(Scalar(source, "PRAGMA user_version;"), CultureInfo.InvariantCulture);
            if (version is < 1 or > NewestKnownSqliteSchema)
            {
                throw new StoreUnavailableException(
                    $"The SQLite score database {sqlitePath} is at schema version {version}, which this " +
                    "build cannot import: " +
                    "run the MiracleCell version that wrote it, or move the file away to start with empty scores.");
            }
            using (var target = LiteDbFileOpener.OpenForWriting(sidePath))
            {
                target.BeginTrans();
                counts = Copy(source, target, version);
                target.Commit();
                Verify(source, target, sqlitePath);
                target.Checkpoint();
            }
        }
        catch (Exception ex) when (ex is SqliteException or LiteException)
        {
            DeleteSideFile(sidePath);
            throw new StoreUnavailableException(
                $"The SQLite score database {sqlitePath} could not be imported " +
                $"({ex.Message.ReplaceLineEndings(" ")}): " +
                "restore it from a backup, or move it away to start with empty scores.", ex);
        }
        catch
        {
            DeleteSideFile(sidePath);
            throw;
        }
        File.Move(sidePath, databasePath);
        var stamp = time.GetUtcNow().ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            if (File.Exists(sqlitePath + suffix))
                File.Move(sqlitePath + suffix, $"{sqlitePath}.imported-{stamp}{suffix}");
        }
        logger.LogInformation(
            "Imported the SQLite score database {SqlitePath} into {Path}: {Games} games, {Answers} answers, {Members} "
                + "members; the SQLite file is kept as {SqlitePath}.imported-{Stamp}",
            sqlitePath, databasePath, counts.Games, counts.Answers, counts.Members, sqlitePath, stamp);
    }

    private sealed record ImportCounts(int Games, int Questions, int Answers, int Members, int MonthlyRows);

    private static ImportCounts Copy(SqliteConnection source, LiteDatabase target, int version)
    {
        var questions = new Dictionary<long, BsonArray>();
        var questionCount = 0;
        Read(source, "SELECT game_id, question_index, question_id, option_order, correct_choice, message_id, "
            + "opened_at, revealed_at FROM game_questions ORDER BY game_id, question_index;", r =>
        {
            if (!questions.TryGetValue(r.GetInt64(0), out var list)) questions[r.GetInt64(0)] = list = [];
            list.Add(new BsonDocument
            {
                ["index"] = r.GetInt32(1),
                ["questionId"] = r.GetString(2),
                ["order"] = r.GetString(3),
                ["correct"] = r.GetInt32(4),
                ["messageId"] = Nullable(r, 5),
                ["openedAt"] = Nullable(r, 6),
                ["revealedAt"] = Nullable(r, 7),
            });
            questionCount++;
        });

        var games = LiteDbTriviaStore.Games(target);
        var gameCount = 0;
        var locale = version >= 2 ? "locale" : "NULL";
        Read(source, "SELECT id, guild_id, channel_id, started_by, settings, question_count, state, started_at, "
            + $"ended_at, winner_id, {locale} FROM games ORDER BY id;", r =>
        {
            games.Insert(new BsonDocument
            {
                ["_id"] = r.GetInt64(0),
                ["guild"] = r.GetInt64(1),
                ["channel"] = r.GetInt64(2),
                ["startedBy"] = r.GetInt64(3),
                ["settings"] = r.GetString(4),
                ["questionCount"] = r.GetInt32(5),
                ["state"] = r.GetString(6),
                ["startedAt"] = r.GetInt64(7),
                ["endedAt"] = Nullable(r, 8),
                ["winner"] = Nullable(r, 9),
                ["locale"] = r.IsDBNull(10) ? BsonValue.Null : r.GetString(10),
                ["questions"] = questions.GetValueOrDefault(r.GetInt64(0)) ?? [],
            });
            gameCount++;
        });

        var answers = LiteDbTriviaStore.Answers(target);
        var answerCount = 0;
        Read(source, "SELECT interaction_id, guild_id, game_id, question_index, user_id, choice, is_correct, points, "
            + "answered_at FROM answers ORDER BY id;", r =>
        {
            answers.Insert(new BsonDocument
            {
                ["_id"] = r.GetInt64(0),
                ["guild"] = r.GetInt64(1),
                ["game"] = r.GetInt64(2),
                ["question"] = r.GetInt32(3),
                ["user"] = r.GetInt64(4),
                ["choice"] = r.GetInt32(5),
                ["correct"] = r.GetInt64(6) != 0,
                ["points"] = r.GetInt32(7),
                ["at"] = r.GetInt64(8),
            });
            answerCount++;
        });

        var totals = LiteDbTriviaStore.Totals(target);
        var memberCount = 0;
        Read(source, "SELECT guild_id, user_id, points, games, wins, answers, correct, best_streak, current_streak "
            + "FROM player_totals;", r =>
        {
            totals.Insert(new BsonDocument
            {
                ["_id"] = MemberKey(Snowflake(r.GetInt64(0)), Snowflake(r.GetInt64(1))),
                ["guild"] = r.GetInt64(0),
                ["user"] = r.GetInt64(1),
                ["points"] = r.GetInt64(2),
                ["games"] = r.GetInt32(3),
                ["wins"] = r.GetInt32(4),
                ["answers"] = r.GetInt32(5),
                ["correct"] = r.GetInt32(6),
                ["bestStreak"] = r.GetInt32(7),
                ["streak"] = r.GetInt32(8),
            });
            memberCount++;
        });

        var monthly = LiteDbTriviaStore.Monthly(target);
        var monthlyCount = 0;
        Read(source, "SELECT guild_id, month, user_id, points FROM monthly_points;", r =>
        {
            var guildMonth = GuildMonth(Snowflake(r.GetInt64(0)), r.GetString(1));
            monthly.Insert(new BsonDocument
            {
                ["_id"] = guildMonth + ":" + r.GetInt64(2).ToString(CultureInfo.InvariantCulture),
                ["guildMonth"] = guildMonth,
                ["guild"] = r.GetInt64(0),
                ["user"] = r.GetInt64(2),
                ["points"] = r.GetInt64(3),
            });
            monthlyCount++;
        });
        return new ImportCounts(gameCount, questionCount, answerCount, memberCount, monthlyCount);
    }

    /// <summary>Counts every table in SQLite again and compares them with the documents now committed in
    /// LiteDB.</summary>
    private static void Verify(SqliteConnection source, LiteDatabase target, string sqlitePath)
    {
        var checks = new (string Table, long Expected, long Actual)[]
        {
            ("games", Count(source, "games"), LiteDbTriviaStore.Games(target).LongCount()),
            ("game_questions", Count(source, "game_questions"),
                LiteDbTriviaStore.Games(target).FindAll().Sum(g => (long)g["questions"].AsArray.Count)),
            ("answers", Count(source, "answers"), LiteDbTriviaStore.Answers(target).LongCount()),
            ("player_totals", Count(source, "player_totals"), LiteDbTriviaStore.Totals(target).LongCount()),
            ("monthly_points", Count(source, "monthly_points"), LiteDbTriviaStore.Monthly(target).LongCount()),
        };
        foreach (var (table, expected, actual) in checks)
        {
            if (expected != actual)
            {
                throw new StoreUnavailableException(
                    $"Importing the SQLite score database {sqlitePath} gave {actual} {table} rows " +
                    $"instead of {expected}; " +
                    "the SQLite file is left as it was: report this, or move the file away to start with " +
                    "empty scores.");
            }
        }
    }

    private static long Count(SqliteConnection connection, string table) =>
        Convert.ToInt64(Scalar(connection, $"SELECT COUNT(*) FROM {table};"), CultureInfo.InvariantCulture);

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private static void Read(SqliteConnection connection, string sql, Action<SqliteDataReader> row)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        while (reader.Read()) row(reader);
    }

    private static BsonValue Nullable(SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? BsonValue.Null : reader.GetInt64(ordinal);

    private static void DeleteSideFile(string sidePath)
    {
        // Only the half-written side file of an import is ever deleted, never the SQLite database or the score file.
        File.Delete(sidePath);
        File.Delete(LogFileSync.LogPathOf(sidePath));
    }
}
