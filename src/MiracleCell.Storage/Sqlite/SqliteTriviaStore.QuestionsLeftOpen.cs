using MiracleCell.Core.Text;

namespace MiracleCell.Storage.Sqlite;

public sealed partial class SqliteTriviaStore
{
    public async Task<QuestionsLeftOpen?> GetQuestionsLeftOpenAsync(ulong guildId, long gameId, CancellationToken cancellationToken = default) =>
        await ReadAsync(connection =>
        {
            using var game = connection.CreateCommand();
            game.CommandText = "SELECT locale, question_count FROM games WHERE id = $game AND guild_id = $guild;";
            game.Parameters.AddWithValue("$game", gameId);
            game.Parameters.AddWithValue("$guild", Id(guildId));
            Locale? locale;
            int questionCount;
            using (var row = game.ExecuteReader())
            {
                if (!row.Read()) return null;
                locale = row.IsDBNull(0) ? null : Locales.FromCode(row.GetString(0));
                questionCount = row.GetInt32(1);
            }

            using var questions = connection.CreateCommand();
            questions.CommandText = """
                SELECT q.question_index, q.question_id, q.option_order, q.message_id,
                       (SELECT COUNT(*) FROM answers a WHERE a.game_id = q.game_id AND a.question_index = q.question_index)
                FROM game_questions q
                WHERE q.game_id = $game AND q.message_id IS NOT NULL AND q.revealed_at IS NULL
                ORDER BY q.question_index;
                """;
            questions.Parameters.AddWithValue("$game", gameId);
            using var reader = questions.ExecuteReader();
            var open = new List<QuestionLeftOpen>();
            while (reader.Read())
            {
                open.Add(new QuestionLeftOpen(reader.GetInt32(0), reader.GetString(1), reader.GetString(2), Snowflake(reader.GetInt64(3)), reader.GetInt32(4)));
            }
            return new QuestionsLeftOpen(locale, questionCount, open);
        }, cancellationToken).ConfigureAwait(false);
}
