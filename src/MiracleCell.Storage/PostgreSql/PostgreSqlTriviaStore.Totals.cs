using Microsoft.Extensions.Logging;
using MiracleCell.Core.Trivia;
using Npgsql;

namespace MiracleCell.Storage.PostgreSql;

public sealed partial class PostgreSqlTriviaStore
{
    public Task<GameClosure?> FinishGameAsync(Snowflake guildId, long gameId, GameEndState endState,
        DateTimeOffset endedAt, CancellationToken cancellationToken = default)
    {
        if (!Enum.IsDefined(endState))
            throw new ArgumentOutOfRangeException(nameof(endState), endState, "End state must be Finished, "
                + "Stopped or Interrupted.");
        return WriteAsync(session => CloseGameAsync(session, guildId, gameId, endState, endedAt), cancellationToken);
    }

    public async Task<IReadOnlyList<GameClosure>> RecoverInterruptedGamesAsync(Func<Snowflake, bool>? isOwnGuild = null,
        CancellationToken cancellationToken = default)
    {
        var running = await ReadAsync(async connection =>
        {
            await using var command = new NpgsqlCommand("SELECT id, guild_id FROM games WHERE state = "
                + "'running' ORDER BY id;", connection);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            var games = new List<(long Id, Snowflake Guild)>();
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                games.Add((reader.GetInt64(0), Snowflake(reader.GetInt64(1))));
            return games;
        }, cancellationToken).ConfigureAwait(false);

        return await InterruptedGames.CloseAsync(this, running, isOwnGuild, _time, _logger, cancellationToken)
            .ConfigureAwait(false);
    }

    // Runs inside the writer's transaction: the state change and the totals update commit together, and the row
    // lock the update takes makes a second closer (in this or another process) find the game already closed.
    private static async Task<GameClosure?> CloseGameAsync(PostgreSqlWriteSession session, Snowflake guildId,
        long gameId, GameEndState endState, DateTimeOffset endedAt)
    {
        bool closedNow;
        await using (var close = session.Command("""
            UPDATE games SET state = @state, ended_at = @at
            WHERE id = @game AND guild_id = @guild AND state = 'running';
            """))
        {
            close.Parameters.Add(P("state", StateName(endState)));
            close.Parameters.Add(Time("at", endedAt));
            close.Parameters.Add(P("game", gameId));
            close.Parameters.Add(P("guild", Id(guildId)));
            closedNow = await close.ExecuteNonQueryAsync().ConfigureAwait(false) == 1;
        }

        Snowflake channelId;
        GameEndState actualEnd;
        await using (var find = session.Command("SELECT channel_id, state FROM games WHERE id = @game "
            + "AND guild_id = @guild;"))
        {
            find.Parameters.Add(P("game", gameId));
            find.Parameters.Add(P("guild", Id(guildId)));
            await using var reader = await find.ExecuteReaderAsync().ConfigureAwait(false);
            if (!await reader.ReadAsync().ConfigureAwait(false)) return null;
            channelId = Snowflake(reader.GetInt64(0));
            actualEnd = ParseEndState(reader.GetString(1));
        }

        var answers = await ReadGameAnswersAsync(session, gameId).ConfigureAwait(false);
        var scores = answers.GroupBy(a => a.UserId)
            .Select(g => new PlayerGameScore(g.Key, g.Sum(a => a.Points), g.Count(), g.Count(a => a.IsCorrect)))
            .OrderByDescending(s => s.Points).ThenBy(s => s.UserId)
            .ToArray();
        var winner = TriviaScoring.WinnerOf(scores.Select(s => (s.UserId, s.Points)));
        if (closedNow)
        {
            await using (var setWinner = session.Command("UPDATE games SET winner_id = @winner WHERE id = @game;"))
            {
                setWinner.Parameters.Add(new NpgsqlParameter<long?>("winner", winner is { } w ? Id(w) : null));
                setWinner.Parameters.Add(P("game", gameId));
                await setWinner.ExecuteNonQueryAsync().ConfigureAwait(false);
            }
            // In user order, so two closers touching the same players lock their totals in the same order.
            foreach (var player in answers.GroupBy(a => a.UserId).OrderBy(g => g.Key))
            {
                await AddToTotalsAsync(session, guildId, player.Key, [.. player.OrderBy(a => a.QuestionIndex)],
                    player.Key == winner)
                    .ConfigureAwait(false);
            }
        }
        return new GameClosure(gameId, guildId, channelId, actualEnd, closedNow, scores, winner);
    }

    private sealed record StoredAnswer(Snowflake UserId, int QuestionIndex, bool IsCorrect, int Points,
        DateTimeOffset AnsweredAt);

    private static async Task<List<StoredAnswer>> ReadGameAnswersAsync(PostgreSqlWriteSession session, long gameId)
    {
        await using var command = session.Command("SELECT user_id, question_index, is_correct, points, answered_at "
            + "FROM answers WHERE game_id = @game;");
        command.Parameters.Add(P("game", gameId));
        await using var reader = await command.ExecuteReaderAsync().ConfigureAwait(false);
        var answers = new List<StoredAnswer>();
        while (await reader.ReadAsync().ConfigureAwait(false))
        {
            answers.Add(
                new StoredAnswer(Snowflake(reader.GetInt64(0)), reader.GetInt32(1), reader.GetBoolean(2),
                    reader.GetInt32(3),
                reader.GetFieldValue<DateTimeOffset>(4)));
        }
        return answers;
    }

    // Streaks count consecutive right answers among the answers a player gave, carried across games.
    private static async Task AddToTotalsAsync(PostgreSqlWriteSession session, Snowflake guildId, Snowflake userId,
        IReadOnlyList<StoredAnswer> answers, bool won)
    {
        int best = 0, streak = 0;
        await using (var read = session.Command("""
            SELECT best_streak, current_streak FROM player_totals WHERE guild_id = @guild AND user_id = @user
                FOR UPDATE;
            """))
        {
            read.Parameters.Add(P("guild", Id(guildId)));
            read.Parameters.Add(P("user", Id(userId)));
            await using var reader = await read.ExecuteReaderAsync().ConfigureAwait(false);
            if (await reader.ReadAsync().ConfigureAwait(false))
                (best, streak) = (reader.GetInt32(0), reader.GetInt32(1));
        }
        foreach (var answer in answers)
        {
            streak = answer.IsCorrect ? streak + 1 : 0;
            best = Math.Max(best, streak);
        }

        await using var writes = session.Batch();
        var upsert = new NpgsqlBatchCommand("""
            INSERT INTO player_totals AS t (guild_id, user_id, points, games, wins, answers, correct, best_streak,
                current_streak)
            VALUES ($1, $2, $3, 1, $4, $5, $6, $7, $8)
            ON CONFLICT (guild_id, user_id) DO UPDATE SET
                points = t.points + excluded.points, games = t.games + 1, wins = t.wins + excluded.wins,
                answers = t.answers + excluded.answers, correct = t.correct + excluded.correct,
                best_streak = excluded.best_streak, current_streak = excluded.current_streak;
            """);
        upsert.Parameters.Add(new NpgsqlParameter<long> { TypedValue = Id(guildId) });
        upsert.Parameters.Add(new NpgsqlParameter<long> { TypedValue = Id(userId) });
        upsert.Parameters.Add(new NpgsqlParameter<long> { TypedValue = answers.Sum(a => (long)a.Points) });
        upsert.Parameters.Add(new NpgsqlParameter<int> { TypedValue = won ? 1 : 0 });
        upsert.Parameters.Add(new NpgsqlParameter<int> { TypedValue = answers.Count });
        upsert.Parameters.Add(new NpgsqlParameter<int> { TypedValue = answers.Count(a => a.IsCorrect) });
        upsert.Parameters.Add(new NpgsqlParameter<int> { TypedValue = best });
        upsert.Parameters.Add(new NpgsqlParameter<int> { TypedValue = streak });
        writes.BatchCommands.Add(upsert);

        foreach (var month in answers.Where(a => a.Points != 0).GroupBy(a => MonthKey(a.AnsweredAt)))
        {
            var monthly = new NpgsqlBatchCommand("""
                INSERT INTO monthly_points AS m (guild_id, month, user_id, points) VALUES ($1, $2, $3, $4)
                ON CONFLICT (guild_id, month, user_id) DO UPDATE SET points = m.points + excluded.points;
                """);
            monthly.Parameters.Add(new NpgsqlParameter<long> { TypedValue = Id(guildId) });
            monthly.Parameters.Add(new NpgsqlParameter<string> { TypedValue = month.Key });
            monthly.Parameters.Add(new NpgsqlParameter<long> { TypedValue = Id(userId) });
            monthly.Parameters.Add(new NpgsqlParameter<long> { TypedValue = month.Sum(a => (long)a.Points) });
            writes.BatchCommands.Add(monthly);
        }
        await writes.ExecuteNonQueryAsync().ConfigureAwait(false);
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
