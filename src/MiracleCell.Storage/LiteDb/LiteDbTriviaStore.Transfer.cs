using LiteDB;
using MiracleCell.Storage.Transfer;
using static MiracleCell.Storage.LiteDb.ScoreDocuments;

namespace MiracleCell.Storage.LiteDb;

public sealed partial class LiteDbTriviaStore : IScoresTransfer
{
    public string ProviderName => nameof(StorageProvider.LiteDb);

    // Read on the writer thread, in its transaction: one consistent state even if the store is in use.
    public Task<StoreSnapshot> ReadAllAsync(CancellationToken cancellationToken) =>
        WriteAsync(ReadAll, cancellationToken);

    public async Task<TransferCounts> CountAsync(CancellationToken cancellationToken) =>
        (await ReadAllAsync(cancellationToken).ConfigureAwait(false)).Counts;

    public Task ReplaceAllAsync(StoreSnapshot snapshot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return WriteAsync(database =>
        {
            _runningGames.Clear();
            foreach (var name in (string[])[ScoreDocuments.Games, ScoreDocuments.Answers, ScoreDocuments.Totals,
                ScoreDocuments.Monthly, ScoreDocuments.Clubs, MemberProgress])
            {
                database.GetCollection(name).DeleteAll();
            }
            WriteAll(database, snapshot);
            return 0;
        }, cancellationToken);
    }

    private static StoreSnapshot ReadAll(LiteDatabase database)
    {
        var snapshot = new StoreSnapshot();
        foreach (var game in Games(database).FindAll().OrderBy(g => g["_id"].AsInt64))
        {
            var id = game["_id"].AsInt64;
            snapshot.Games.Add(new GameRow(id, Snowflake(game["guild"]), Snowflake(game["channel"]),
                Snowflake(game["startedBy"]), game["settings"].AsString, game["questionCount"].AsInt32,
                game["state"].AsString, FromUnixMs(game["startedAt"]), OptionalTime(game["endedAt"]),
                game["winner"].IsNull ? null : Snowflake(game["winner"]),
                game["locale"].IsNull ? null : game["locale"].AsString));
            snapshot.Questions.AddRange(game["questions"].AsArray.Select(q => q.AsDocument).Select(q => new QuestionRow(
                id, q["index"].AsInt32, q["questionId"].AsString, q["order"].AsString, q["correct"].AsInt32,
                q["messageId"].IsNull ? null : Snowflake(q["messageId"]), OptionalTime(q["openedAt"]),
                OptionalTime(q["revealedAt"]))));
        }
        snapshot.Answers.AddRange(Answers(database).FindAll().Select(a => new AnswerRow(Snowflake(a["_id"]),
            Snowflake(a["guild"]), a["game"].AsInt64, a["question"].AsInt32, Snowflake(a["user"]), a["choice"].AsInt32,
            a["correct"].AsBoolean, a["points"].AsInt32, FromUnixMs(a["at"]))));
        snapshot.Totals.AddRange(Totals(database).FindAll().Select(t => new TotalRow(Snowflake(t["guild"]),
            Snowflake(t["user"]), t["points"].AsInt64, t["games"].AsInt32, t["wins"].AsInt32, t["answers"].AsInt32,
            t["correct"].AsInt32, t["bestStreak"].AsInt32, t["streak"].AsInt32)));
        snapshot.Monthly.AddRange(Monthly(database).FindAll().Select(m => new MonthlyRow(Snowflake(m["guild"]),
            m["guildMonth"].AsString[(m["guildMonth"].AsString.LastIndexOf(':') + 1)..], Snowflake(m["user"]),
            m["points"].AsInt64)));
        foreach (var club in LiteDbClubStore.Clubs(database).FindAll())
        {
            var guild = Snowflake(club["_id"]);
            if (!club["currentFilm"].IsNull) snapshot.Clubs.Add(new ClubRow(guild, club["currentFilm"].AsString));
            snapshot.ClubProgress.AddRange(club["progress"].AsArray.Select(p =>
                new ClubProgressRow(guild, p["film"].AsString, p["parts"].AsInt32)));
        }
        snapshot.MemberProgress.AddRange(LiteDbClubStore.Members(database).FindAll().Select(m => new MemberProgressRow(
            Snowflake(m["guild"]), Snowflake(m["user"]), m["film"].AsString, m["parts"].AsInt32)));
        return snapshot;
    }

    private static void WriteAll(LiteDatabase database, StoreSnapshot snapshot)
    {
        var questions = snapshot.Questions.ToLookup(q => q.Game);
        Games(database).InsertBulk(snapshot.Games.Select(g => new BsonDocument
        {
            ["_id"] = g.Id,
            ["guild"] = Id(g.Guild),
            ["channel"] = Id(g.Channel),
            ["startedBy"] = Id(g.StartedBy),
            ["settings"] = g.Settings,
            ["questionCount"] = g.QuestionCount,
            ["state"] = g.State,
            ["startedAt"] = ToUnixMs(g.StartedAt),
            ["endedAt"] = OptionalMs(g.EndedAt),
            ["winner"] = g.Winner is { } winner ? Id(winner) : BsonValue.Null,
            ["locale"] = g.Locale is { } locale ? locale : BsonValue.Null,
            ["questions"] = new BsonArray(questions[g.Id].OrderBy(q => q.Index).Select(q => (BsonValue)new BsonDocument
            {
                ["index"] = q.Index,
                ["questionId"] = q.QuestionId,
                ["order"] = q.OptionOrder,
                ["correct"] = q.Correct,
                ["messageId"] = q.MessageId is { } message ? Id(message) : BsonValue.Null,
                ["openedAt"] = OptionalMs(q.OpenedAt),
                ["revealedAt"] = OptionalMs(q.RevealedAt),
            })),
        }));
        Answers(database).InsertBulk(snapshot.Answers.Select(a => new BsonDocument
        {
            ["_id"] = Id(a.Interaction),
            ["guild"] = Id(a.Guild),
            ["game"] = a.Game,
            ["question"] = a.Question,
            ["user"] = Id(a.User),
            ["choice"] = a.Choice,
            ["correct"] = a.Correct,
            ["points"] = a.Points,
            ["at"] = ToUnixMs(a.At),
        }));
        Totals(database).InsertBulk(snapshot.Totals.Select(t => new BsonDocument
        {
            ["_id"] = MemberKey(t.Guild, t.User),
            ["guild"] = Id(t.Guild),
            ["user"] = Id(t.User),
            ["points"] = t.Points,
            ["games"] = t.Games,
            ["wins"] = t.Wins,
            ["answers"] = t.Answers,
            ["correct"] = t.Correct,
            ["bestStreak"] = t.BestStreak,
            ["streak"] = t.Streak,
        }));
        Monthly(database).InsertBulk(snapshot.Monthly.Select(m => new BsonDocument
        {
            ["_id"] = GuildMonth(m.Guild, m.Month) + ":"
                + Id(m.User).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["guildMonth"] = GuildMonth(m.Guild, m.Month),
            ["guild"] = Id(m.Guild),
            ["user"] = Id(m.User),
            ["points"] = m.Points,
        }));
        var films = snapshot.Clubs.ToDictionary(c => c.Guild, c => c.CurrentFilm);
        var progress = snapshot.ClubProgress.ToLookup(p => p.Guild);
        LiteDbClubStore.Clubs(database).InsertBulk(films.Keys.Union(progress.Select(p => p.Key)).Select(guild =>
            new BsonDocument
            {
                ["_id"] = Id(guild),
                ["currentFilm"] = films.TryGetValue(guild, out var film) ? film : BsonValue.Null,
                ["progress"] = new BsonArray(progress[guild].Select(p =>
                    (BsonValue)new BsonDocument { ["film"] = p.Film, ["parts"] = p.Parts })),
            }));
        LiteDbClubStore.Members(database).InsertBulk(snapshot.MemberProgress.Select(m => new BsonDocument
        {
            ["_id"] = MemberFilmKey(m.Guild, m.User, m.Film),
            ["guild"] = Id(m.Guild),
            ["user"] = Id(m.User),
            ["film"] = m.Film,
            ["parts"] = m.Parts,
        }));
    }

    private static DateTimeOffset? OptionalTime(BsonValue value) => value.IsNull ? null : FromUnixMs(value);

    private static BsonValue OptionalMs(DateTimeOffset? at) => at is { } value ? ToUnixMs(value) : BsonValue.Null;
}
