using System.Globalization;
using MiracleCell.Core.Trivia;

namespace MiracleCell.Bot.Trivia;

/// <summary>An answer button: <c>trivia:{gameId}:{questionIndex}:{letter}</c>.</summary>
internal readonly record struct AnswerButtonId(long GameId, int QuestionIndex, AnswerChoice Choice)
{
    public const string Prefix = "trivia";

    public override string ToString() =>
        $"{Prefix}:{GameId.ToString(CultureInfo.InvariantCulture)}:"
            + $"{QuestionIndex.ToString(CultureInfo.InvariantCulture)}:{Choice.Letter()}";

    /// <summary>Reads the parts after the prefix; false for anything that is not exactly a game id, a question index
    /// and one of A–D.</summary>
    public static bool TryParse(IReadOnlyList<string> arguments, out AnswerButtonId id)
    {
        id = default;
        if (arguments is not [var game, var question, var letter]) return false;
        if (!long.TryParse(game, NumberStyles.None, CultureInfo.InvariantCulture, out var gameId) || gameId <= 0)
            return false;
        if (!int.TryParse(question, NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            || index >= TriviaSettings.MaxQuestionCount)
            return false;
        if (letter is not ("A" or "B" or "C" or "D") || !AnswerChoices.TryParse(letter, out var choice)) return false;
        id = new AnswerButtonId(gameId, index, choice);
        return true;
    }
}

/// <summary>
/// A reset confirmation button: <c>trivia-reset:{guild}:{target or 0 for everyone}:{requester}:{expires, unix
/// s}:{yes|no}</c>. It only describes the request; the handler checks the clicker, the expiry and the permission again.
/// </summary>
internal readonly record struct ResetButtonId(Snowflake GuildId, Snowflake? TargetUserId, Snowflake RequesterId,
    DateTimeOffset ExpiresAt, bool Confirm)
{
    public const string Prefix = "trivia-reset";

    public override string ToString() => string.Join(':',
        Prefix, GuildId.ToString(), (TargetUserId ?? default).ToString(), RequesterId.ToString(),
        ExpiresAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), Confirm ? "yes" : "no");

    public static bool TryParse(IReadOnlyList<string> arguments, out ResetButtonId id)
    {
        id = default;
        if (arguments is not [var guild, var target, var requester, var expires, var action]) return false;
        if (!Id(guild, out var guildId) || guildId == default) return false;
        if (!Id(target, out var targetId)) return false;
        if (!Id(requester, out var requesterId) || requesterId == default) return false;
        if (!long.TryParse(expires, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
            return false;
        if (action is not ("yes" or "no")) return false;
        id = new ResetButtonId(guildId, targetId == default ? null : targetId, requesterId,
            DateTimeOffset.FromUnixTimeSeconds(seconds), action == "yes");
        return true;
    }

    private static bool Id(string text, out Snowflake id) => Snowflake.TryParse(text, out id) && text.Length <= 20;
}
