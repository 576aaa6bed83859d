using System.Text.Json.Serialization;

namespace MiracleCell.Storage.Transfer;

/// <summary>
/// One line of a scores file: the stored rows of every table, as they are, in a form both stores read and write.
/// The <c>kind</c> property names the line's type and comes first.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(TransferHeader), "header")]
[JsonDerivedType(typeof(GameRow), "game")]
[JsonDerivedType(typeof(QuestionRow), "question")]
[JsonDerivedType(typeof(AnswerRow), "answer")]
[JsonDerivedType(typeof(TotalRow), "total")]
[JsonDerivedType(typeof(MonthlyRow), "monthly")]
[JsonDerivedType(typeof(ClubRow), "club")]
[JsonDerivedType(typeof(ClubProgressRow), "clubProgress")]
[JsonDerivedType(typeof(MemberProgressRow), "memberProgress")]
[JsonDerivedType(typeof(TransferEnd), "end")]
public abstract record TransferLine;

/// <summary>The first line: which format and version the file is in, and where it came from.</summary>
public sealed record TransferHeader(string Format, int Version, DateTimeOffset ExportedAt, string Source)
    : TransferLine;

/// <summary>The last line: how many rows of each kind the file holds, so a cut-off file is noticed.</summary>
public sealed record TransferEnd(TransferCounts Counts) : TransferLine;

/// <param name="Settings">The game's settings as stored (JSON).</param>
/// <param name="State">running, finished, stopped or interrupted.</param>
public sealed record GameRow(
    long Id, Snowflake Guild, Snowflake Channel, Snowflake StartedBy, string Settings, int QuestionCount, string State,
    DateTimeOffset StartedAt, DateTimeOffset? EndedAt, Snowflake? Winner, string? Locale) : TransferLine;

public sealed record QuestionRow(
    long Game, int Index, string QuestionId, string OptionOrder, int Correct, Snowflake? MessageId,
    DateTimeOffset? OpenedAt, DateTimeOffset? RevealedAt) : TransferLine;

public sealed record AnswerRow(
    Snowflake Interaction, Snowflake Guild, long Game, int Question, Snowflake User, int Choice, bool Correct,
    int Points, DateTimeOffset At) : TransferLine;

/// <summary>A member's totals in a guild as stored: resets have already removed what they cleared.</summary>
public sealed record TotalRow(
    Snowflake Guild, Snowflake User, long Points, int Games, int Wins, int Answers, int Correct, int BestStreak,
    int Streak) : TransferLine;

/// <param name="Month">UTC month, yyyy-MM.</param>
public sealed record MonthlyRow(Snowflake Guild, string Month, Snowflake User, long Points) : TransferLine;

public sealed record ClubRow(Snowflake Guild, string CurrentFilm) : TransferLine;

public sealed record ClubProgressRow(Snowflake Guild, string Film, int Parts) : TransferLine;

public sealed record MemberProgressRow(Snowflake Guild, Snowflake User, string Film, int Parts) : TransferLine;
