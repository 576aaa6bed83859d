using MiracleCell.Core.Text;
using Npgsql;

namespace MiracleCell.Storage.PostgreSql;

public sealed partial class PostgreSqlTriviaStore
{
    private const string RunningGameInChannelSql = """
        SELECT id, started_by, started_at, question_count FROM games
        WHERE guild_id = @guild AND channel_id = @channel AND state = 'running';
        """;

    public Task<CreateGameResult> CreateGameAsync(NewGame game, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(game);
        if (game.Questions.Count == 0) throw new ArgumentException("A game needs at least one question.", nameof(game));
        var settings = SerializeSettings(game.Settings);
        return WriteAsync(async session =>
        {
            // Another process may start a game in the same channel at the same moment: the partial unique index
            // lets exactly one insert through.
            long gameId;
            await using (var insert = session.Command("""
                INSERT INTO games (guild_id, channel_id, started_by, settings, question_count, state, started_at,
                    locale)
                VALUES (@guild, @channel, @by, @settings, @count, 'running', @at, @locale)
                ON CONFLICT (guild_id, channel_id) WHERE state = 'running' DO NOTHING
                RETURNING id;
                """))
            {
                insert.Parameters.Add(P("guild", Id(game.GuildId)));
                insert.Parameters.Add(P("channel", Id(game.ChannelId)));
                insert.Parameters.Add(P("by", Id(game.StartedBy)));
                insert.Parameters.Add(P("settings", settings));
                insert.Parameters.Add(P("count", game.Questions.Count));
                insert.Parameters.Add(Time("at", game.StartedAt));
                insert.Parameters.Add(P("locale", game.Locale.Code()));
                if (await insert.ExecuteScalarAsync().ConfigureAwait(false) is not long created)
                {
                    await using var running = session.Command(RunningGameInChannelSql);
                    running.Parameters.Add(P("guild", Id(game.GuildId)));
                    running.Parameters.Add(P("channel", Id(game.ChannelId)));
                    var existing = (long)(await running.ExecuteScalarAsync().ConfigureAwait(false))!;
                    return new CreateGameResult(CreateGameStatus.ChannelBusy, existing);
                }
                gameId = created;
            }

            await using var questions = session.Batch();
            foreach (var question in game.Questions)
            {
                var add = new NpgsqlBatchCommand("""
                    INSERT INTO game_questions (game_id, question_index, question_id, option_order, correct_choice)
                    VALUES ($1, $2, $3, $4, $5);
                    """);
                add.Parameters.Add(new NpgsqlParameter<long> { TypedValue = gameId });
                add.Parameters.Add(new NpgsqlParameter<int> { TypedValue = question.Index });
                add.Parameters.Add(new NpgsqlParameter<string> { TypedValue = question.Question.Id });
                add.Parameters.Add(new NpgsqlParameter<string> { TypedValue = question.OptionOrderCode });
                add.Parameters.Add(new NpgsqlParameter<int> { TypedValue = (int)question.Correct });
                questions.BatchCommands.Add(add);
            }
            await questions.ExecuteNonQueryAsync().ConfigureAwait(false);
            return new CreateGameResult(CreateGameStatus.Created, gameId);
        }, cancellationToken);
    }

    public Task<RunningGame?> FindRunningGameAsync(Snowflake guildId, Snowflake channelId,
        CancellationToken cancellationToken = default) =>
        ReadAsync(async connection =>
        {
            await using var command = new NpgsqlCommand(RunningGameInChannelSql, connection);
            command.Parameters.Add(P("guild", Id(guildId)));
            command.Parameters.Add(P("channel", Id(channelId)));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
                ? new RunningGame(reader.GetInt64(0), guildId, channelId, Snowflake(reader.GetInt64(1)),
                    reader.GetFieldValue<DateTimeOffset>(2), reader.GetInt32(3))
                : null;
        }, cancellationToken);

    public Task<bool> RecordQuestionPostedAsync(Snowflake guildId, long gameId, int questionIndex, Snowflake messageId,
        DateTimeOffset openedAt, CancellationToken cancellationToken = default) =>
        WriteAsync(async session =>
        {
            await using var command = session.Command("""
                UPDATE game_questions SET message_id = @message, opened_at = @at
                WHERE game_id = @game AND question_index = @index
                  AND EXISTS (SELECT 1 FROM games WHERE id = @game AND guild_id = @guild);
                """);
            command.Parameters.Add(P("message", Id(messageId)));
            command.Parameters.Add(Time("at", openedAt));
            AddQuestionKey(command, guildId, gameId, questionIndex);
            return await command.ExecuteNonQueryAsync().ConfigureAwait(false) == 1;
        }, cancellationToken);

    public Task<bool> RecordQuestionRevealedAsync(Snowflake guildId, long gameId, int questionIndex,
        DateTimeOffset revealedAt, CancellationToken cancellationToken = default) =>
        WriteAsync(async session =>
        {
            await using var command = session.Command("""
                UPDATE game_questions SET revealed_at = @at
                WHERE game_id = @game AND question_index = @index
                  AND EXISTS (SELECT 1 FROM games WHERE id = @game AND guild_id = @guild);
                """);
            command.Parameters.Add(Time("at", revealedAt));
            AddQuestionKey(command, guildId, gameId, questionIndex);
            return await command.ExecuteNonQueryAsync().ConfigureAwait(false) == 1;
        }, cancellationToken);

    private static void AddQuestionKey(NpgsqlCommand command, Snowflake guildId, long gameId, int questionIndex)
    {
        command.Parameters.Add(P("guild", Id(guildId)));
        command.Parameters.Add(P("game", gameId));
        command.Parameters.Add(P("index", questionIndex));
    }
}
