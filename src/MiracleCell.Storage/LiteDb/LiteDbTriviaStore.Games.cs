using LiteDB;
using MiracleCell.Core.Text;
using static MiracleCell.Storage.LiteDb.ScoreDocuments;

namespace MiracleCell.Storage.LiteDb;

public sealed partial class LiteDbTriviaStore
{
    public Task<CreateGameResult> CreateGameAsync(NewGame game, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(game);
        if (game.Questions.Count == 0) throw new ArgumentException("A game needs at least one question.", nameof(game));
        var settings = SerializeSettings(game.Settings);
        return WriteAsync(database =>
        {
            if (RunningGameIn(database, game.GuildId, game.ChannelId) is { } existing)
            {
                return new CreateGameResult(CreateGameStatus.ChannelBusy, existing["_id"].AsInt64);
            }
            var questions = new BsonArray(game.Questions.Select(q => (BsonValue)new BsonDocument
            {
                ["index"] = q.Index,
                ["questionId"] = q.Question.Id,
                ["order"] = q.OptionOrderCode,
                ["correct"] = (int)q.Correct,
                ["messageId"] = BsonValue.Null,
                ["openedAt"] = BsonValue.Null,
                ["revealedAt"] = BsonValue.Null,
            }));
            var document = new BsonDocument
            {
                ["guild"] = Id(game.GuildId),
                ["channel"] = Id(game.ChannelId),
                ["startedBy"] = Id(game.StartedBy),
                ["settings"] = settings,
                ["questionCount"] = game.Questions.Count,
                ["state"] = Running,
                ["startedAt"] = ToUnixMs(game.StartedAt),
                ["endedAt"] = BsonValue.Null,
                ["winner"] = BsonValue.Null,
                [FirstAnswer] = BsonValue.Null,
                ["locale"] = game.Locale.Code(),
                ["questions"] = questions,
            };
            var gameId = Games(database).Insert(document).AsInt64;
            return new CreateGameResult(CreateGameStatus.Created, gameId);
        }, cancellationToken);
    }

    public Task<RunningGame?> FindRunningGameAsync(Snowflake guildId, Snowflake channelId,
        CancellationToken cancellationToken = default) =>
        ReadAsync(database => RunningGameIn(database, guildId, channelId) is { } game
            ? new RunningGame(game["_id"].AsInt64, guildId, channelId, Snowflake(game["startedBy"]),
                FromUnixMs(game["startedAt"]), game["questionCount"].AsInt32)
            : null, cancellationToken);

    public Task<bool> RecordQuestionPostedAsync(Snowflake guildId, long gameId, int questionIndex, Snowflake messageId,
        DateTimeOffset openedAt, CancellationToken cancellationToken = default) =>
        WriteAsync(database => UpdateQuestion(database, guildId, gameId, questionIndex, question =>
        {
            question["messageId"] = Id(messageId);
            question["openedAt"] = ToUnixMs(openedAt);
        }), cancellationToken);

    public Task<bool> RecordQuestionRevealedAsync(Snowflake guildId, long gameId, int questionIndex,
        DateTimeOffset revealedAt, CancellationToken cancellationToken = default) =>
        WriteAsync(database =>
            UpdateQuestion(database, guildId, gameId, questionIndex,
                question => question["revealedAt"] = ToUnixMs(revealedAt)),
            cancellationToken);

    private static bool UpdateQuestion(LiteDatabase database, Snowflake guildId, long gameId, int questionIndex,
        Action<BsonDocument> change)
    {
        var games = Games(database);
        var game = GameIn(database, guildId, gameId);
        if (game is null || QuestionOf(game, questionIndex) is not { } question) return false;
        change(question);
        return games.Update(game);
    }

    /// <summary>The game document when it exists in this guild.</summary>
    internal static BsonDocument? GameIn(LiteDatabase database, Snowflake guildId, long gameId)
    {
        var game = Games(database).FindById(gameId);
        return game is not null && game["guild"].AsInt64 == Id(guildId) ? game : null;
    }

    internal static BsonDocument? QuestionOf(BsonDocument game, int questionIndex)
    {
        var questions = game["questions"].AsArray;
        return questionIndex >= 0 && questionIndex < questions.Count
            && questions[questionIndex].AsDocument["index"].AsInt32 == questionIndex
            ? questions[questionIndex].AsDocument
            : questions.Select(q => q.AsDocument).FirstOrDefault(q => q["index"].AsInt32 == questionIndex);
    }

    private static BsonDocument? RunningGameIn(LiteDatabase database, Snowflake guildId, Snowflake channelId) =>
        Games(database).Find(Eq("channel", Id(channelId)))
            .FirstOrDefault(g => g["guild"].AsInt64 == Id(guildId) && g["state"].AsString == Running);
}
