using System.Globalization;
using LiteDB;

namespace MiracleCell.Storage.LiteDb;

/// <summary>
/// The collections and field names of the score file, and the conversions the documents use. Documents are built
/// and read by hand (no mapper reflecting over our types). Snowflakes fit in 63 bits and are kept as Int64.
/// </summary>
internal static class ScoreDocuments
{
    /// <summary>
    /// The layout this build writes, kept as the file's user version. Newer files are refused; older ones are
    /// upgraded by <see cref="Upgrade"/>. 1: scores; 2: club settings; 3: answers without the slot index (the
    /// writer keeps one answer per player per question, see <see cref="RunningGameAnswers"/>); 4: answers without
    /// the game index, found from the game's <see cref="FirstAnswer"/> along <c>_id</c>.
    /// </summary>
    public const int SchemaVersion = 4;

    /// <summary>A game with its questions embedded; <c>_id</c> is the game id.</summary>
    public const string Games = "games";
    /// <summary>One answer; <c>_id</c> is the interaction id, the idempotency key.</summary>
    public const string Answers = "answers";
    /// <summary>A member's totals in a guild; <c>_id</c> is "guild:user".</summary>
    public const string Totals = "totals";
    /// <summary>A member's points in a guild in one UTC month; <c>_id</c> is "guild:yyyy-MM:user".</summary>
    public const string Monthly = "monthly";

    /// <summary>A server's club settings; <c>_id</c> is the guild id.</summary>
    public const string Clubs = "clubs";
    /// <summary>A member's progress in one film; <c>_id</c> is "guild:user:hex of the film id".</summary>
    public const string MemberProgress = "memberProgress";

    public const string Running = "running";

    /// <summary>The game field holding the lowest interaction id among its answers (null before the first; absent in
    /// games written before schema 4).</summary>
    public const string FirstAnswer = "firstAnswer";

    public static void EnsureIndexes(LiteDatabase database)
    {
        var games = database.GetCollection(Games, BsonAutoId.Int64);
        games.EnsureIndex("channel", "$.channel");
        games.EnsureIndex("state", "$.state");
        database.GetCollection(Totals).EnsureIndex("guild", "$.guild");
        database.GetCollection(Monthly).EnsureIndex("guildMonth", "$.guildMonth");
        EnsureClubIndexes(database);
    }

    /// <summary>Brings a file written at an older schema version to <see cref="SchemaVersion"/>.</summary>
    public static void Upgrade(LiteDatabase database)
    {
        var version = database.UserVersion;
        if (version < 2) EnsureClubIndexes(database);
        if (version < 3) database.GetCollection(Answers).DropIndex("slot");
        if (version < 4) database.GetCollection(Answers).DropIndex("game");
        database.UserVersion = SchemaVersion;
    }

    private static void EnsureClubIndexes(LiteDatabase database) =>
        database.GetCollection(MemberProgress).EnsureIndex("guild", "$.guild");

    /// <summary>
    /// <c>$.field = @0</c> as a parameterised expression. LiteDB's <c>Query.EQ</c> writes the value into the
    /// expression's text, so every new value would be parsed and compiled again and cached for good.
    /// </summary>
    public static BsonExpression Eq(string field, BsonValue value) => BsonExpression.Create($"$.{field} = @0", value);

    // Ids are kept bit for bit as BSON's signed 64-bit integers.
    public static long Id(Snowflake id) => id.ToInt64();
    public static Snowflake Snowflake(BsonValue value) => MiracleCell.Snowflake.FromInt64(value.AsInt64);
    public static long ToUnixMs(DateTimeOffset at) => at.ToUnixTimeMilliseconds();
    public static DateTimeOffset FromUnixMs(BsonValue value) => DateTimeOffset.FromUnixTimeMilliseconds(value.AsInt64);
    public static string MonthKey(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    public static string MemberKey(Snowflake guildId, Snowflake userId) =>
        string.Create(CultureInfo.InvariantCulture, $"{Id(guildId)}:{Id(userId)}");
    // The film id is written as hex: LiteDB compares strings ignoring case, and film ids are case-sensitive.
    public static string MemberFilmKey(Snowflake guildId, Snowflake userId, string filmId) => string.Create(
        CultureInfo.InvariantCulture,
        $"{Id(guildId)}:{Id(userId)}:{Convert.ToHexStringLower(System.Text.Encoding.UTF8.GetBytes(filmId))}");
    public static string GuildMonth(Snowflake guildId, string month) =>
        string.Create(CultureInfo.InvariantCulture, $"{Id(guildId)}:{month}");

    public static string StateName(GameEndState state) => state switch
    {
        GameEndState.Finished => "finished",
        GameEndState.Stopped => "stopped",
        _ => "interrupted",
    };

    public static GameEndState ParseEndState(string state) => state switch
    {
        "finished" => GameEndState.Finished,
        "stopped" => GameEndState.Stopped,
        "interrupted" => GameEndState.Interrupted,
        _ => throw new InvalidOperationException($"Game state \"{state}\" is not an end state."),
    };
}
