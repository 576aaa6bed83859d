using Microsoft.Data.Sqlite;
using MiracleCell.Core.Text;

namespace MiracleCell.Storage.Sqlite;

public sealed partial class SqliteTriviaStore
{
    private const string RunningGameInChannelSql = """
        SELECT id, started_by, started_at, question_count FROM games
        WHERE guild_id = $guild AND channel_id = $channel AND state = 'running';
        """;

    public Task<CreateGameResult> CreateGameAsync(NewGame game, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(game);
        if (game.Questions.Count == 0) throw new ArgumentException("A game needs at least one question.", nameof(game));
        var settings = SerializeSettings(game.Settings);
        return WriteAsync(session =>
        {
            var running = session.Command(RunningGameInChannelSql);
            running.Parameters.AddWithValue("$guild", Id(game.GuildId));
            running.Parameters.AddWithValue("$channel", Id(game.ChannelId));
            if (running.ExecuteScalar() is long existing) return new CreateGameResult(CreateGameStatus.ChannelBusy, existing);

            var insert = session.Command("""
                INSERT INTO games (guild_id, channel_id, started_by, settings, question_count, state, started_at, locale)
                VALUES ($guild, $channel, $by, $settings, $count, 'running', $at, $locale) RETURNING id;
                """);
            insert.Parameters.AddWithValue("$locale", game.Locale.Code());
            insert.Parameters.AddWithValue("$guild", Id(game.GuildId));
            insert.Parameters.AddWithValue("$channel", Id(game.ChannelId));
            insert.Parameters.AddWithValue("$by", Id(game.StartedBy));
            insert.Parameters.AddWithValue("$settings", settings);
            insert.Parameters.AddWithValue("$count", game.Questions.Count);
            insert.Parameters.AddWithValue("$at", ToUnixMs(game.StartedAt));
            var gameId = (long)insert.ExecuteScalar()!;

            foreach (var question in game.Questions)
            {
                var add = session.Command("""
                    INSERT INTO game_questions (game_id, question_index, question_id, option_order, correct_choice)
                    VALUES ($game, $index, $question, $order, $correct);
                    """);
                add.Parameters.AddWithValue("$game", gameId);
                add.Parameters.AddWithValue("$index", question.Index);
                add.Parameters.AddWithValue("$question", question.Question.Id);
                add.Parameters.AddWithValue("$order", question.OptionOrderCode);
                add.Parameters.AddWithValue("$correct", (int)question.Correct);
                add.ExecuteNonQuery();
            }
            return new CreateGameResult(CreateGameStatus.Created, gameId);
        }, cancellationToken);
    }

    public Task<RunningGame?> FindRunningGameAsync(ulong guildId, ulong channelId, CancellationToken cancellationToken = default) =>
        ReadAsync(connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = RunningGameInChannelSql;
            command.Parameters.AddWithValue("$guild", Id(guildId));
            command.Parameters.AddWithValue("$channel", Id(channelId));
            using var reader = command.ExecuteReader();
            return reader.Read()
                ? new RunningGame(reader.GetInt64(0), guildId, channelId, Snowflake(reader.GetInt64(1)), FromUnixMs(reader.GetInt64(2)), reader.GetInt32(3))
                : null;
        }, cancellationToken);

    public Task<bool> RecordQuestionPostedAsync(ulong guildId, long gameId, int questionIndex, ulong messageId, DateTimeOffset openedAt, CancellationToken cancellationToken = default) =>
        WriteAsync(session =>
        {
            var command = session.Command("""
                UPDATE game_questions SET message_id = $message, opened_at = $at
                WHERE game_id = $game AND question_index = $index
                  AND EXISTS (SELECT 1 FROM games WHERE id = $game AND guild_id = $guild);
                """);
            command.Parameters.AddWithValue("$message", Id(messageId));
            command.Parameters.AddWithValue("$at", ToUnixMs(openedAt));
            AddQuestionKey(command, guildId, gameId, questionIndex);
            return command.ExecuteNonQuery() == 1;
        }, cancellationToken);

    public Task<bool> RecordQuestionRevealedAsync(ulong guildId, long gameId, int questionIndex, DateTimeOffset revealedAt, CancellationToken cancellationToken = default) =>
        WriteAsync(session =>
        {
            var command = session.Command("""
                UPDATE game_questions SET revealed_at = $at
                WHERE game_id = $game AND question_index = $index
                  AND EXISTS (SELECT 1 FROM games WHERE id = $game AND guild_id = $guild);
                """);
            command.Parameters.AddWithValue("$at", ToUnixMs(revealedAt));
            AddQuestionKey(command, guildId, gameId, questionIndex);
            return command.ExecuteNonQuery() == 1;
        }, cancellationToken);

    private static void AddQuestionKey(SqliteCommand command, ulong guildId, long gameId, int questionIndex)
    {
        command.Parameters.AddWithValue("$guild", Id(guildId));
        command.Parameters.AddWithValue("$game", gameId);
        command.Parameters.AddWithValue("$index", questionIndex);
    }
}
