using MiracleCell.Core.Text;
using MiracleCell.Core.Trivia;

namespace MiracleCell.Bot.Trivia;

/// <summary>A <c>/trivia start</c> in a channel; <see cref="Locale"/> is the starter's, used for the night's channel
/// messages.</summary>
/// <param name="WithinProgress">Only questions within this watch progress; null for the whole film.</param>
/// <param name="FilmId">The film of the library to ask about; null for the library's default.</param>
internal sealed record TriviaStartRequest(
    Snowflake GuildId, Snowflake ChannelId, Snowflake StartedBy, TriviaSettings Settings, Locale Locale,
    Core.Films.WatchProgress? WithinProgress = null, string? FilmId = null);

internal enum TriviaStartStatus
{
    Started,
    /// <summary>A game is running in the channel; <see cref="TriviaStartResult.RunningStartedBy"/> started
    /// it.</summary>
    ChannelBusy,
    /// <summary>Fewer questions match the settings than were asked for; <see cref="TriviaStartResult.Available"/>
    /// match.</summary>
    NotEnoughQuestions,
}

internal sealed record TriviaStartResult(TriviaStartStatus Status, long GameId = 0,
    Snowflake RunningStartedBy = default, int Available = 0);

/// <summary>A click on an answer button, already parsed from its custom_id.</summary>
/// <param name="InteractionId">The interaction's id: the idempotency key of the stored answer.</param>
internal sealed record TriviaClick(Snowflake InteractionId, Snowflake GuildId, Snowflake ChannelId, Snowflake UserId,
    AnswerButtonId Button);

internal enum TriviaClickStatus
{
    /// <summary>Recorded and durable (or a redelivery of the click that was).</summary>
    LockedIn,
    AlreadyLockedIn,
    QuestionClosed,
    QuestionNotOpenYet,
    GameOver,
    /// <summary>No running game matches the button here: stale (from before a restart), forged, or from another server
    /// or channel.</summary>
    UnknownGame,
    /// <summary>The store failed; nothing was acknowledged.</summary>
    NotSaved,
}

/// <param name="Choice">The player's locked-in answer when known.</param>
internal sealed record TriviaClickResult(TriviaClickStatus Status, AnswerChoice? Choice = null);

internal enum TriviaStopStatus
{
    Stopped,
    NoGame,
    /// <summary>Only the starter or someone with Manage Server may stop; <see cref="TriviaStopResult.StartedBy"/> is
    /// the starter.</summary>
    NotAllowed,
}

internal sealed record TriviaStopResult(TriviaStopStatus Status, Snowflake StartedBy = default,
    GameResult? Result = null);
