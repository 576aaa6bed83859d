using System.Globalization;
using LiteDB;

namespace MiracleCell.EndToEnd.Tests.Bot;

/// <summary>
/// A read-only look into a bot's score file, while the bot runs or after it died. The running bot owns the file,
/// so each look copies the data file and its log to a temp folder and reads the copy (committed transactions in the
/// log are part of what LiteDB reads back); nothing of the bot's is opened for writing.
/// </summary>
public sealed class TriviaDatabase(string dataFolder)
{
    public const string FileName = "miraclecell.litedb";

    public string Path { get; } = System.IO.Path.Combine(dataFolder, FileName);

    /// <summary>The letter of the right answer to one question of a game, as the bot stored it when it started the
    /// game.</summary>
    public async Task<char> CorrectLetterAsync(long gameId, int questionIndex) =>
        (char)('A' + await ReadAsync(db => Question(db, gameId, questionIndex)["correct"].AsInt32));

    /// <summary>
    /// Waits until the bot has opened the question (it does once its post has returned, a moment after the message
    /// appears in the channel; a click in between is told "not open yet") and recorded it. Polls the file, bounded.
    /// </summary>
    public async Task WaitUntilOpenedAsync(long gameId, int questionIndex, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await ReadAsync(db =>
            Games(db).FindById(gameId) is not null && !Question(db, gameId, questionIndex)["openedAt"].IsNull))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Question {questionIndex} of game {gameId} was posted but not "
                    + $"opened within {timeout}.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(20));
        }
    }

    public Task<string> GameStateAsync(long gameId) => ReadAsync(db => Games(db).FindById(gameId)["state"].AsString);

    public Task<IReadOnlyList<StoredAnswer>> AnswersAsync(long gameId) => ReadAsync<IReadOnlyList<StoredAnswer>>(db =>
        [.. db.GetCollection("answers").Find(Query.EQ("game", gameId)).OrderBy(a => a["at"].AsInt64)
            .ThenBy(a => a["_id"].AsInt64)
            .Select(a =>
                new StoredAnswer(Id(a["_id"]), Id(a["user"]), a["question"].AsInt32, (char)('A' + a["choice"].AsInt32),
                a["correct"].AsBoolean, a["points"].AsInt32))]);

    /// <summary>Each player's all-time totals in a guild, keyed by user id.</summary>
    public Task<IReadOnlyDictionary<string, StoredTotals>> TotalsAsync(string guildId) =>
        ReadAsync<IReadOnlyDictionary<string, StoredTotals>>(db =>
        db.GetCollection("totals").Find(Query.EQ("guild", Snowflake(guildId))).ToDictionary(
            t => Id(t["user"]),
            t =>
                new StoredTotals(t["points"].AsInt64, t["games"].AsInt32, t["wins"].AsInt32, t["answers"].AsInt32,
                    t["correct"].AsInt32)));

    private static ILiteCollection<BsonDocument> Games(LiteDatabase db) => db.GetCollection("games");

    private static BsonDocument Question(LiteDatabase db, long gameId, int index) =>
        Games(db).FindById(gameId)["questions"].AsArray.Select(q => q.AsDocument)
            .Single(q => q["index"].AsInt32 == index);

    /// <summary>Reads a copy of the file; a copy taken while the bot was writing is taken again (a few tries,
    /// bounded).</summary>
    private async Task<T> ReadAsync<T>(Func<LiteDatabase, T> read)
    {
        for (var attempt = 1; ; attempt++)
        {
            var copy = System.IO.Path.Combine(System.IO.Path.GetTempPath(),
                "miraclecell-e2e-read-" + Guid.NewGuid().ToString("N"));
            try
            {
                Directory.CreateDirectory(copy);
                var file = System.IO.Path.Combine(copy, FileName);
                File.Copy(Path, file);
                var log = LogPath(Path);
                if (File.Exists(log)) File.Copy(log, LogPath(file));
                using var database = new LiteDatabase(
                    new ConnectionString { Filename = file, Connection = ConnectionType.Direct });
                return read(database);
            }
            catch (Exception ex) when (attempt < 5
                && ex is LiteException or IOException or NullReferenceException or InvalidOperationException)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(50));
            }
            finally
            {
                Directory.Delete(copy, recursive: true);
            }
        }
    }

    private static string LogPath(string file) => System.IO.Path.Combine(System.IO.Path.GetDirectoryName(file)!,
        System.IO.Path.GetFileNameWithoutExtension(file) + "-log" + System.IO.Path.GetExtension(file));

    // The store keeps snowflakes as signed 64-bit integers with the same bits.
    private static string Id(BsonValue stored) =>
        unchecked((ulong)stored.AsInt64).ToString(CultureInfo.InvariantCulture);

    private static long Snowflake(string id) => unchecked((long)ulong.Parse(id, CultureInfo.InvariantCulture));
}

public sealed record StoredAnswer(string InteractionId, string UserId, int QuestionIndex, char Letter, bool IsCorrect,
    long Points);

public sealed record StoredTotals(long Points, long Games, long Wins, long Answers, long Correct);
