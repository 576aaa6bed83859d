using System.Globalization;
using MiracleCell.Discord.Models;

namespace MiracleCell.Bot.Trivia;

/// <summary>Reads the invoking member's, and the bot's own, computed permissions from an interaction.</summary>
public static class TriviaPermissions
{
    public const ulong Administrator = 1UL << 3;
    public const ulong ManageGuild = 1UL << 5;

    /// <summary>The value for <c>default_member_permissions</c> that shows a command to Manage Server holders only.</summary>
    public const string ManageGuildDefault = "32";

    public const ulong ViewChannel = 1UL << 10;
    public const ulong SendMessages = 1UL << 11;
    public const ulong EmbedLinks = 1UL << 14;

    /// <summary>What the bot needs in a channel to post and edit a night's messages there.</summary>
    public const ulong NeededToRunNight = ViewChannel | SendMessages | EmbedLinks;

    /// <summary>
    /// The permissions of <see cref="NeededToRunNight"/> the bot lacks in the interaction's channel
    /// (<c>app_permissions</c>); 0 when it has them all or when the interaction does not say.
    /// </summary>
    public static ulong MissingToRunNight(Interaction interaction)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        if (interaction.AppPermissions is not { } text || !ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var bits)) return 0;
        return (bits & Administrator) != 0 ? 0 : NeededToRunNight & ~bits;
    }

    /// <summary>The names Discord's settings use for <paramref name="permissions"/>, in that order.</summary>
    public static IReadOnlyList<string> Names(ulong permissions) =>
        [.. new[] { (ViewChannel, "View Channel"), (SendMessages, "Send Messages"), (EmbedLinks, "Embed Links") }
            .Where(p => (permissions & p.Item1) != 0).Select(p => p.Item2)];

    /// <summary>True when the member has Manage Server (or Administrator, which implies it).</summary>
    public static bool CanManageServer(Interaction interaction) =>
        interaction.Member?.Permissions is { } text
        && ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var bits)
        && (bits & (ManageGuild | Administrator)) != 0;
}
