using MiracleCell.Discord.Models;

namespace MiracleCell.Bot.Trivia;

/// <summary>Reads the invoking member's, and the bot's own, computed permissions from an interaction.</summary>
internal static class TriviaPermissions
{
    /// <summary>The value for <c>default_member_permissions</c> that shows a command to Manage Server holders
    /// only.</summary>
    public static string ManageGuildDefault { get; } = PermissionSet.Format(Permissions.ManageGuild);

    /// <summary>What the bot needs in a channel to post and edit a night's messages there.</summary>
    public const Permissions NeededToRunNight =
        Permissions.ViewChannel | Permissions.SendMessages | Permissions.EmbedLinks;

    /// <summary>
    /// The permissions of <see cref="NeededToRunNight"/> the bot lacks in the interaction's channel
    /// (<c>app_permissions</c>); none when it has them all or when the interaction does not say.
    /// </summary>
    public static Permissions MissingToRunNight(Interaction interaction)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        if (PermissionSet.Parse(interaction.AppPermissions) is not { } bot || bot.HasFlag(Permissions.Administrator))
            return Permissions.None;
        return NeededToRunNight & ~bot;
    }

    /// <summary>The names Discord's settings use for <paramref name="permissions"/>, in that order.</summary>
    public static IReadOnlyList<string> Names(Permissions permissions) =>
        [.. new[] { (Permissions.ViewChannel, "View Channel"), (Permissions.SendMessages, "Send Messages"),
            (Permissions.EmbedLinks, "Embed Links") }
            .Where(p => permissions.HasFlag(p.Item1)).Select(p => p.Item2)];

    /// <summary>True when the member has Manage Server (or Administrator, which implies it).</summary>
    public static bool CanManageServer(Interaction interaction) =>
        PermissionSet.Parse(interaction.Member?.Permissions) is { } member
            && (member & (Permissions.ManageGuild | Permissions.Administrator)) != 0;
}
