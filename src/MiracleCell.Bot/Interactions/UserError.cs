using MiracleCell.Core.Text;

namespace MiracleCell.Bot.Interactions;

internal enum UserErrorKind
{
    /// <summary>The command is not one this bot knows (a stale registration or a typo on the console).</summary>
    UnknownCommand,
    /// <summary>An option is missing, of the wrong type or out of range.</summary>
    BadOption,
    /// <summary>A name (character, actor, part) matches nothing.</summary>
    NotFound,
    /// <summary>The user or the bot lacks a permission.</summary>
    MissingPermission,
    /// <summary>The input is well-formed but cannot be acted on (e.g. a message with no text).</summary>
    Unusable,
}

/// <summary>A failure the user can fix, with a message in every language that says what to do.</summary>
internal sealed record UserError(UserErrorKind Kind, LocalizedText Message);

/// <summary>
/// The one way a handler, an option declaration or a helper reports a mistake the user can fix. The router turns it
/// into an ephemeral reply in the user's locale; it is not logged as a failure.
/// </summary>
internal sealed class UserErrorException(UserError error) : Exception(error.Message.En)
{
    public UserErrorException(UserErrorKind kind, LocalizedText message) : this(new UserError(kind, message))
    {
    }

    public UserError Error { get; } = error;
}
