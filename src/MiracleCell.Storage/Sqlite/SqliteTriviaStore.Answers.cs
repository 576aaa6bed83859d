namespace MiracleCell.Storage.Sqlite;

public sealed partial class SqliteTriviaStore
{
    // The answer goes in only while its game runs in the given guild and has that question; any uniqueness
    // conflict (same interaction, or same player and question) leaves the table as it was.
    private const string InsertAnswerSql = """
        INSERT INTO answers (interaction_id, guild_id, game_id, question_index, user_id, choice, is_correct, points, answered_at)
        SELECT $interaction, $guild, $game, $index, $user, $choice, $correct, $points, $at
        WHERE EXISTS (SELECT 1 FROM games g JOIN game_questions q ON q.game_id = g.id
                      WHERE g.id = $game AND g.guild_id = $guild AND g.state = 'running' AND q.question_index = $index)
        ON CONFLICT DO NOTHING;
        """;

    private const string ExplainRefusedAnswerSql = """
        SELECT
            EXISTS (SELECT 1 FROM answers WHERE interaction_id = $interaction AND guild_id = $guild AND game_id = $game
                                            AND question_index = $index AND user_id = $user),
            EXISTS (SELECT 1 FROM answers WHERE game_id = $game AND guild_id = $guild AND question_index = $index AND user_id = $user);
        """;

    public Task<AnswerWriteResult> RecordAnswerAsync(AnswerRecord answer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(answer);
        return WriteAsync(session =>
        {
            var insert = session.Command(InsertAnswerSql);
            var p = insert.Parameters;
            p.AddWithValue("$interaction", Id(answer.InteractionId));
            p.AddWithValue("$guild", Id(answer.GuildId));
            p.AddWithValue("$game", answer.GameId);
            p.AddWithValue("$index", answer.QuestionIndex);
            p.AddWithValue("$user", Id(answer.UserId));
            p.AddWithValue("$choice", (int)answer.Choice);
            p.AddWithValue("$correct", answer.IsCorrect ? 1 : 0);
            p.AddWithValue("$points", answer.Points);
            p.AddWithValue("$at", ToUnixMs(answer.AnsweredAt));
            if (insert.ExecuteNonQuery() == 1) return AnswerWriteResult.Recorded;

            var explain = session.Command(ExplainRefusedAnswerSql);
            explain.Parameters.AddWithValue("$interaction", Id(answer.InteractionId));
            explain.Parameters.AddWithValue("$guild", Id(answer.GuildId));
            explain.Parameters.AddWithValue("$game", answer.GameId);
            explain.Parameters.AddWithValue("$index", answer.QuestionIndex);
            explain.Parameters.AddWithValue("$user", Id(answer.UserId));
            using var reader = explain.ExecuteReader();
            reader.Read();
            if (reader.GetBoolean(0)) return AnswerWriteResult.Redelivered;
            if (reader.GetBoolean(1)) return AnswerWriteResult.AlreadyAnswered;
            return AnswerWriteResult.GameNotRunning;
        }, cancellationToken);
    }
}
