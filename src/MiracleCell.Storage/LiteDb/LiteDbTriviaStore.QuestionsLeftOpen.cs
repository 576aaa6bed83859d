using LiteDB;
using MiracleCell.Core.Text;
using static MiracleCell.Storage.LiteDb.ScoreDocuments;

namespace MiracleCell.Storage.LiteDb;

public sealed partial class LiteDbTriviaStore
{
    public Task<QuestionsLeftOpen?> GetQuestionsLeftOpenAsync(Snowflake guildId, long gameId,
        CancellationToken cancellationToken = default) =>
        ReadAsync(database =>
        {
            var game = GameIn(database, guildId, gameId);
            if (game is null) return null;
            Locale? locale = game["locale"].IsNull ? null : Locales.FromCode(game["locale"].AsString);
            var open = game["questions"].AsArray.Select(q => q.AsDocument)
                .Where(q => !q["messageId"].IsNull && q["revealedAt"].IsNull)
                .OrderBy(q => q["index"].AsInt32)
                .ToList();
            var answered = open.Count == 0
                ? []
                : AnswersOfGame(database, game).GroupBy(a => a["question"].AsInt32)
                    .ToDictionary(g => g.Key, g => g.Count());
            return new QuestionsLeftOpen(locale, game["questionCount"].AsInt32,
                [.. open.Select(q => new QuestionLeftOpen(
                q["index"].AsInt32, q["questionId"].AsString, q["order"].AsString, Snowflake(q["messageId"]),
                answered.GetValueOrDefault(q["index"].AsInt32)))]);
        }, cancellationToken);
}
