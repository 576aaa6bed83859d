using MiracleCell.Core.Text;
using Npgsql;

namespace MiracleCell.Storage.PostgreSql;

public sealed partial class PostgreSqlTriviaStore
{
    public Task<QuestionsLeftOpen?> GetQuestionsLeftOpenAsync(Snowflake guildId, long gameId,
        CancellationToken cancellationToken = default) =>
        ReadAsync(async connection =>
        {
            Locale? locale;
            int questionCount;
            await using (var game = new NpgsqlCommand("SELECT locale, question_count FROM games WHERE id = @game "
                + "AND guild_id = @guild;", connection))
            {
                game.Parameters.Add(P("game", gameId));
                game.Parameters.Add(P("guild", Id(guildId)));
                await using var row = await game.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                if (!await row.ReadAsync(cancellationToken).ConfigureAwait(false)) return null;
                locale = row.IsDBNull(0) ? null : Locales.FromCode(row.GetString(0));
                questionCount = row.GetInt32(1);
            }

            await using var questions = new NpgsqlCommand("""
                SELECT q.question_index, q.question_id, q.option_order, q.message_id,
                       (SELECT COUNT(*) FROM answers a
                         WHERE a.game_id = q.game_id AND a.question_index = q.question_index)::integer
                FROM game_questions q
                WHERE q.game_id = @game AND q.message_id IS NOT NULL AND q.revealed_at IS NULL
                ORDER BY q.question_index;
                """, connection);
            questions.Parameters.Add(P("game", gameId));
            await using var reader = await questions.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            var open = new List<QuestionLeftOpen>();
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                open.Add(
                    new QuestionLeftOpen(reader.GetInt32(0), reader.GetString(1), reader.GetString(2),
                        Snowflake(reader.GetInt64(3)), reader.GetInt32(4)));
            }
            return (QuestionsLeftOpen?)new QuestionsLeftOpen(locale, questionCount, open);
        }, cancellationToken);
}
