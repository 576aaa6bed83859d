using Microsoft.Extensions.Logging;
using MiracleCell.Core.Trivia;

namespace MiracleCell.Storage.Sqlite;

public sealed partial class SqliteTriviaStore
{
    public Task<GameClosure?> FinishGameAsync(ulong guildId, long gameId, GameEndState endState, DateTimeOffset endedAt, CancellationToken cancellationToken = default)
    {
        if (!Enum.IsDefined(endState)) throw new ArgumentOutOfRangeException(nameof(endState), endState, "End state must be Finished, Stopped or Interrupted.");
        return WriteAsync(session => CloseGame(session, guildId, gameId, endState, endedAt), cancellationToken);
    }

    public async Task<IReadOnlyList<GameClosure>> RecoverInterruptedGamesAsync(Func<ulong, bool>? isOwnGuild = null, CancellationToken cancellationToken = default)
    {
        var running = await ReadAsync(connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT id, guild_id FROM games WHERE state = 'running' ORDER BY id;";
            using var reader = command.ExecuteReader();
            var games = new List<(long Id, ulong Guild)>();
            while (reader.Read()) games.Add((reader.GetInt64(0), Snowflake(reader.GetInt64(1))));
            return games;
        }, cancellationToken).ConfigureAwait(false);

        var closed = new List<GameClosure>();
        foreach (var (id, guild) in running)
        {
            if (isOwnGuild is not null && !isOwnGuild(guild)) continue;
            var closure = await FinishGameAsync(guild, id, GameEndState.Interrupted, _time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            if (closure is { TotalsApplied: true })
            {
                _logger.LogInformation("Closed trivia game {GameId} in guild {GuildId} left running by a previous run; {Players} players kept their points",
                    id, guild, closure.Scores.Count);
                closed.Add(closure);
            }
        }
        return closed;
    }

    // Runs inside the writer's transaction: the state check and the totals update commit together,
    // so a game's totals are applied exactly once however many times it is closed.
    private static GameClosure? CloseGame(WriteSession session, ulong guildId, long gameId, GameEndState endState, DateTimeOffset endedAt)
    {
        var close = session.Command("""
            UPDATE games SET state = $state, ended_at = $at
            WHERE id = $game AND guild_id = $guild AND state = 'running';
            """);
        close.Parameters.AddWithValue("$state", StateName(endState));
        close.Parameters.AddWithValue("$at", ToUnixMs(endedAt));
        close.Parameters.AddWithValue("$game", gameId);
        close.Parameters.AddWithValue("$guild", Id(guildId));
        var closedNow = close.ExecuteNonQuery() == 1;

        var find = session.Command("SELECT channel_id, state FROM games WHERE id = $game AND guild_id = $guild;");
        find.Parameters.AddWithValue("$game", gameId);
        find.Parameters.AddWithValue("$guild", Id(guildId));
        ulong channelId;
        GameEndState actualEnd;
        using (var reader = find.ExecuteReader())
        {
            if (!reader.Read()) return null;
            channelId = Snowflake(reader.GetInt64(0));
            actualEnd = ParseEndState(reader.GetString(1));
        }

        var answers = ReadGameAnswers(session, gameId);
        var scores = answers.GroupBy(a => a.UserId)
            .Select(g => new PlayerGameScore(g.Key, g.Sum(a => a.Points), g.Count(), g.Count(a => a.IsCorrect)))
            .OrderByDescending(s => s.Points).ThenBy(s => s.UserId)
            .ToArray();
        var winner = TriviaScoring.WinnerOf(scores.Select(s => (s.UserId, s.Points)));
        if (closedNow)
        {
            var setWinner = session.Command("UPDATE games SET winner_id = $winner WHERE id = $game;");
            setWinner.Parameters.AddWithValue("$winner", winner is { } w ? Id(w) : DBNull.Value);
            setWinner.Parameters.AddWithValue("$game", gameId);
            setWinner.ExecuteNonQuery();
            foreach (var player in answers.GroupBy(a => a.UserId))
            {
                AddToTotals(session, guildId, player.Key, [.. player.OrderBy(a => a.QuestionIndex)], player.Key == winner);
            }
        }
        return new GameClosure(gameId, guildId, channelId, actualEnd, closedNow, scores, winner);
    }

    private sealed record StoredAnswer(ulong UserId, int QuestionIndex, bool IsCorrect, int Points, DateTimeOffset AnsweredAt);

    private static List<StoredAnswer> ReadGameAnswers(WriteSession session, long gameId)
    {
        var command = session.Command("SELECT user_id, question_index, is_correct, points, answered_at FROM answers WHERE game_id = $game;");
        command.Parameters.AddWithValue("$game", gameId);
        using var reader = command.ExecuteReader();
        var answers = new List<StoredAnswer>();
        while (reader.Read())
        {
            answers.Add(new StoredAnswer(Snowflake(reader.GetInt64(0)), reader.GetInt32(1), reader.GetBoolean(2), reader.GetInt32(3), FromUnixMs(reader.GetInt64(4))));
        }
        return answers;
    }

    // Streaks count consecutive right answers among the answers a player gave, carried across games.
    private static void AddToTotals(WriteSession session, ulong guildId, ulong userId, IReadOnlyList<StoredAnswer> answers, bool won)
    {
        var read = session.Command("SELECT best_streak, current_streak FROM player_totals WHERE guild_id = $guild AND user_id = $user;");
        read.Parameters.AddWithValue("$guild", Id(guildId));
        read.Parameters.AddWithValue("$user", Id(userId));
        int best = 0, streak = 0;
        using (var reader = read.ExecuteReader())
        {
            if (reader.Read()) (best, streak) = (reader.GetInt32(0), reader.GetInt32(1));
        }
        foreach (var answer in answers)
        {
            streak = answer.IsCorrect ? streak + 1 : 0;
            best = Math.Max(best, streak);
        }

        var upsert = session.Command("""
            INSERT INTO player_totals (guild_id, user_id, points, games, wins, answers, correct, best_streak, current_streak)
            VALUES ($guild, $user, $points, 1, $wins, $answers, $correct, $best, $streak)
            ON CONFLICT (guild_id, user_id) DO UPDATE SET
                points = points + excluded.points, games = games + 1, wins = wins + excluded.wins,
                answers = answers + excluded.answers, correct = correct + excluded.correct,
                best_streak = excluded.best_streak, current_streak = excluded.current_streak;
            """);
        var p = upsert.Parameters;
        p.AddWithValue("$guild", Id(guildId));
        p.AddWithValue("$user", Id(userId));
        p.AddWithValue("$points", answers.Sum(a => (long)a.Points));
        p.AddWithValue("$wins", won ? 1 : 0);
        p.AddWithValue("$answers", answers.Count);
        p.AddWithValue("$correct", answers.Count(a => a.IsCorrect));
        p.AddWithValue("$best", best);
        p.AddWithValue("$streak", streak);
        upsert.ExecuteNonQuery();

        foreach (var month in answers.Where(a => a.Points != 0).GroupBy(a => MonthKey(a.AnsweredAt)))
        {
            var monthly = session.Command("""
                INSERT INTO monthly_points (guild_id, month, user_id, points) VALUES ($guild, $month, $user, $points)
                ON CONFLICT (guild_id, month, user_id) DO UPDATE SET points = points + excluded.points;
                """);
            monthly.Parameters.AddWithValue("$guild", Id(guildId));
            monthly.Parameters.AddWithValue("$month", month.Key);
            monthly.Parameters.AddWithValue("$user", Id(userId));
            monthly.Parameters.AddWithValue("$points", month.Sum(a => (long)a.Points));
            monthly.ExecuteNonQuery();
        }
    }

    private static string StateName(GameEndState state) => state switch
    {
        GameEndState.Finished => "finished",
        GameEndState.Stopped => "stopped",
        _ => "interrupted",
    };

    private static GameEndState ParseEndState(string state) => state switch
    {
        "finished" => GameEndState.Finished,
        "stopped" => GameEndState.Stopped,
        "interrupted" => GameEndState.Interrupted,
        _ => throw new InvalidOperationException($"Game state \"{state}\" is not an end state."),
    };
}
