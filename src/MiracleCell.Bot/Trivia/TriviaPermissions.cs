using System.Globalization;
using MiracleCell.Discord.Models;

namespace MiracleCell.Bot.Trivia;

/// <summary>Reads the invoking member's computed permissions from an interaction.</summary>
public static class TriviaPermissions
{
    public const ulong Administrator = 1UL << 3;
    public const ulong ManageGuild = 1UL << 5;

    /// <summary>The value for <c>default_member_permissions</c> that shows a command to Manage Server holders only.</summary>
    public const string ManageGuildDefault = "32";

    /// <summary>True when the member has Manage Server (or Administrator, which implies it).</summary>
    public static bool CanManageServer(Interaction interaction) =>
        interaction.Member?.Permissions is { } text
        && ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var bits)
        && (bits & (ManageGuild | Administrator)) != 0;
}
