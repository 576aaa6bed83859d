using Microsoft.Data.Sqlite;
using MiracleCell.Core.Text;
using MiracleCell.Storage.LiteDb;
using MiracleCell.Testing;
using static MiracleCell.Storage.Tests.StoreTestKit;

namespace MiracleCell.Storage.Tests.Import;

/// <summary>
/// A data folder holding the earlier SQLite store's database: the fixture is written with the SQL of that store's
/// schema (version 2), as a bot of that version left it, then a LiteDB store is started on the folder.
/// </summary>
public sealed class SqliteScoreImportTests : IDisposable
{
    private const long FinishedGame = 4, RunningGame = 9;
    private readonly TempFolder _folder = new();
    private readonly ManualTimeProvider _clock = new(new DateTimeOffset(2024, 3, 10, 12, 0, 0, TimeSpan.Zero));

    static SqliteScoreImportTests() => SQLitePCL.Batteries_V2.Init();

    public void Dispose() => _folder.Dispose();

    private string SqlitePath => Path.Combine(_folder.Path, "miraclecell.db");

    private StorageOptions Options => new() { DataFolder = _folder.Path };

    private void WriteSqliteFixture(string extraSql = "")
    {
        Directory.CreateDirectory(_folder.Path);
        using var connection = new SqliteConnection($"Data Source={SqlitePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            PRAGMA journal_mode = WAL;
            CREATE TABLE games (id INTEGER PRIMARY KEY AUTOINCREMENT, guild_id INTEGER NOT NULL,
                channel_id INTEGER NOT NULL, started_by INTEGER NOT NULL, settings TEXT NOT NULL,
                question_count INTEGER NOT NULL,
                state TEXT NOT NULL CHECK (state IN ('running', 'finished', 'stopped', 'interrupted')),
                started_at INTEGER NOT NULL, ended_at INTEGER, winner_id INTEGER, locale TEXT);
            CREATE UNIQUE INDEX ux_games_running_channel ON games (guild_id, channel_id) WHERE state = 'running';
            CREATE TABLE game_questions (game_id INTEGER NOT NULL REFERENCES games (id) ON DELETE CASCADE,
                question_index INTEGER NOT NULL, question_id TEXT NOT NULL, option_order TEXT NOT NULL,
                correct_choice INTEGER NOT NULL, message_id INTEGER, opened_at INTEGER, revealed_at INTEGER,
                PRIMARY KEY (game_id, question_index)) WITHOUT ROWID;
            CREATE TABLE answers (id INTEGER PRIMARY KEY, interaction_id INTEGER NOT NULL UNIQUE,
                guild_id INTEGER NOT NULL, game_id INTEGER NOT NULL REFERENCES games (id) ON DELETE CASCADE,
                question_index INTEGER NOT NULL,
                user_id INTEGER NOT NULL, choice INTEGER NOT NULL, is_correct INTEGER NOT NULL, points INTEGER NOT NULL,
                answered_at INTEGER NOT NULL, UNIQUE (game_id, question_index, user_id));
            CREATE TABLE player_totals (guild_id INTEGER NOT NULL, user_id INTEGER NOT NULL,
                points INTEGER NOT NULL DEFAULT 0, games INTEGER NOT NULL DEFAULT 0, wins INTEGER NOT NULL DEFAULT 0,
                answers INTEGER NOT NULL DEFAULT 0, correct INTEGER NOT NULL DEFAULT 0,
                best_streak INTEGER NOT NULL DEFAULT 0, current_streak INTEGER NOT NULL DEFAULT 0,
                PRIMARY KEY (guild_id, user_id)) WITHOUT ROWID;
            CREATE TABLE monthly_points (guild_id INTEGER NOT NULL, month TEXT NOT NULL, user_id INTEGER NOT NULL,
                points INTEGER NOT NULL, PRIMARY KEY (guild_id, month, user_id)) WITHOUT ROWID;
            PRAGMA user_version = 2;

            INSERT INTO games VALUES ({FinishedGame}, {GuildA}, 1, 42, '{"questionCount":2}', 2, 'finished',
                1709900000000, 1709900100000, 1, 'en');
            INSERT INTO game_questions VALUES ({FinishedGame}, 0, 'q0', '1023', 1, 500, 1709900000000, 1709900020000);
            INSERT INTO game_questions VALUES ({FinishedGame}, 1, 'q1', '0123', 0, 501, 1709900030000, 1709900050000);
            INSERT INTO answers VALUES (1, 9001, {GuildA}, {FinishedGame}, 0, 1, 1, 1, 150, 1709900010000);
            INSERT INTO answers VALUES (2, 9002, {GuildA}, {FinishedGame}, 1, 1, 0, 1, 140, 1709900040000);
            INSERT INTO answers VALUES (3, 9003, {GuildA}, {FinishedGame}, 0, 2, 2, 0, 0, 1709900011000);
            INSERT INTO player_totals VALUES ({GuildA}, 1, 290, 1, 1, 2, 2, 2, 2);
            INSERT INTO player_totals VALUES ({GuildA}, 2, 0, 1, 0, 1, 0, 0, 0);
            INSERT INTO monthly_points VALUES ({GuildA}, '2024-03', 1, 290);

            INSERT INTO games VALUES ({RunningGame}, {GuildA}, 7, 42, '{"questionCount":3}', 3, 'running',
                1710000000000, NULL, NULL, 'id');
            INSERT INTO game_questions VALUES ({RunningGame}, 0, 'q5', '3210', 3, 600, 1710000000000, NULL);
            INSERT INTO game_questions VALUES ({RunningGame}, 1, 'q6', '0123', 0, NULL, NULL, NULL);
            INSERT INTO game_questions VALUES ({RunningGame}, 2, 'q7', '0123', 0, NULL, NULL, NULL);
            INSERT INTO answers VALUES (4, 9004, {GuildA}, {RunningGame}, 0, 2, 3, 1, 120, 1710000005000);
            {extraSql}
            """;
        command.ExecuteNonQuery();
    }

    [Fact]
    public async Task Scores_games_and_answers_are_imported_once_and_the_SQLite_file_is_renamed_not_deleted()
    {
        WriteSqliteFixture();
        var sqliteBytes = File.ReadAllBytes(SqlitePath);

        await using (var store = new LiteDbTriviaStore(Options, _clock))
        {
            await store.InitializeAsync();

            var ann = (await store.GetStatsAsync(GuildA, new Snowflake(1)))!;
            Assert.Equal((290L, 1, 1, 2, 2, 2, 2, 1),
                (ann.Points, ann.Games, ann.Wins, ann.Answers, ann.CorrectAnswers, ann.BestStreak, ann.CurrentStreak,
                    ann.Rank));
            Assert.Equal([(new Snowflake(1), 290L)],
                (await store.GetLeaderboardAsync(GuildA, LeaderboardPeriod.ThisMonth, new Snowflake(1)))
                    .Top.Select(e => (e.UserId, e.Points)));
            Assert.Equal(RunningGame, (await store.FindRunningGameAsync(GuildA, new Snowflake(7)))!.GameId);
            var left = (await store.GetQuestionsLeftOpenAsync(GuildA, RunningGame))!;
            Assert.Equal((Locale.Indonesian, 3), (left.Locale, left.QuestionCount));
            Assert.Equal(new QuestionLeftOpen(0, "q5", "3210", new Snowflake(600), 1), Assert.Single(left.Questions));
            Assert.Equal(AnswerWriteResult.Redelivered, await store.RecordAnswerAsync(
                new AnswerRecord(new Snowflake(9004), GuildA, RunningGame, 0, new Snowflake(2),
                    Core.Trivia.AnswerChoice.D, true, 120, Start)));
            Assert.Equal(AnswerWriteResult.AlreadyAnswered,
                await store.RecordAnswerAsync(Answer(RunningGame, 0, new(2), 100, interaction: new(9100))));
            var closure = Assert.Single(await store.RecoverInterruptedGamesAsync());
            Assert.Equal(new PlayerGameScore(new Snowflake(2), 120, 1, 1), Assert.Single(closure.Scores));
            Assert.True((await store.CreateGameAsync(Game(channel: new(8)))).GameId > RunningGame);
        }

        Assert.False(File.Exists(SqlitePath));
        var kept = Assert.Single(Directory.GetFiles(_folder.Path, "miraclecell.db.imported-*"));
        Assert.EndsWith("miraclecell.db.imported-20240310120000", kept, StringComparison.Ordinal);
        Assert.Equal(sqliteBytes.Length > 0, new FileInfo(kept).Length > 0);
        Assert.True(File.Exists(Options.DatabasePath));
        Assert.Empty(Directory.GetFiles(_folder.Path, "*importing*"));

        // A second start finds only the LiteDB file and imports nothing again.
        await using var again = new LiteDbTriviaStore(Options, _clock);
        Assert.Equal(290, (await again.GetStatsAsync(GuildA, new Snowflake(1)))!.Points);
        Assert.Single(Directory.GetFiles(_folder.Path, "miraclecell.db.imported-*"));
    }

    [Fact]
    public async Task A_SQLite_database_that_cannot_be_read_is_refused_and_kept_and_no_score_file_is_left()
    {
        WriteSqliteFixture("DROP TABLE monthly_points;");
        var before = File.ReadAllBytes(SqlitePath);

        await using var store = new LiteDbTriviaStore(Options, _clock);
        var error = await Assert.ThrowsAsync<StoreUnavailableException>(() => store.InitializeAsync());

        Assert.Contains($"The SQLite score database {SqlitePath} could not be imported", error.Message,
            StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
        Assert.True(File.Exists(SqlitePath));
        Assert.False(File.Exists(Options.DatabasePath));
        Assert.Empty(Directory.GetFiles(_folder.Path, "*.litedb"));
        Assert.Equal(before.Length, File.ReadAllBytes(SqlitePath).Length);
    }
}
