using Npgsql;

namespace MiracleCell.Storage.PostgreSql;

public sealed partial class PostgreSqlTriviaStore
{
    // One round trip: the answer goes in only while its game runs in the given guild and has that question; a
    // uniqueness conflict (same interaction, or same player and question, from any process) leaves the table as it
    // was, and the outcome says which.
    private const string InsertAnswerSql = """
        WITH inserted AS (
            INSERT INTO answers (interaction_id, guild_id, game_id, question_index, user_id, choice, is_correct,
                points, answered_at)
            SELECT @interaction, @guild, @game, @index, @user, @choice, @correct, @points, @at
            WHERE EXISTS (SELECT 1 FROM games g JOIN game_questions q ON q.game_id = g.id
                          WHERE g.id = @game AND g.guild_id = @guild AND g.state = 'running'
                              AND q.question_index = @index)
            ON CONFLICT DO NOTHING
            RETURNING 1
        )
        SELECT CASE WHEN EXISTS (SELECT 1 FROM inserted) THEN 0 ELSE 1 END;
        """;

    // Asked as a statement of its own, so it sees an answer another process committed while the insert waited on it.
    private const string ExplainRefusedAnswerSql = """
        SELECT
            EXISTS (SELECT 1 FROM answers WHERE interaction_id = @interaction AND guild_id = @guild AND game_id = @game
                                            AND question_index = @index AND user_id = @user),
            EXISTS (SELECT 1 FROM answers WHERE game_id = @game AND guild_id = @guild AND question_index = @index
                                            AND user_id = @user);
        """;

    public Task<AnswerWriteResult> RecordAnswerAsync(AnswerRecord answer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(answer);
        return WriteAsync(async session =>
        {
            await using (var insert = session.Command(InsertAnswerSql))
            {
                insert.Parameters.Add(P("interaction", Id(answer.InteractionId)));
                AddAnswerKey(insert, answer);
                insert.Parameters.Add(P("choice", (int)answer.Choice));
                insert.Parameters.Add(P("correct", answer.IsCorrect));
                insert.Parameters.Add(P("points", answer.Points));
                insert.Parameters.Add(Time("at", answer.AnsweredAt));
                if ((int)(await insert.ExecuteScalarAsync().ConfigureAwait(false))! == 0)
                    return AnswerWriteResult.Recorded;
            }

            await using var explain = session.Command(ExplainRefusedAnswerSql);
            explain.Parameters.Add(P("interaction", Id(answer.InteractionId)));
            AddAnswerKey(explain, answer);
            await using var reader = await explain.ExecuteReaderAsync().ConfigureAwait(false);
            await reader.ReadAsync().ConfigureAwait(false);
            if (reader.GetBoolean(0)) return AnswerWriteResult.Redelivered;
            if (reader.GetBoolean(1)) return AnswerWriteResult.AlreadyAnswered;
            return AnswerWriteResult.GameNotRunning;
        }, cancellationToken);
    }

    private static void AddAnswerKey(NpgsqlCommand command, AnswerRecord answer)
    {
        command.Parameters.Add(P("guild", Id(answer.GuildId)));
        command.Parameters.Add(P("game", answer.GameId));
        command.Parameters.Add(P("index", answer.QuestionIndex));
        command.Parameters.Add(P("user", Id(answer.UserId)));
    }
}
