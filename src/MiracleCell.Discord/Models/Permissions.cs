using System.Globalization;

namespace MiracleCell.Discord.Models;

/// <summary>The permission bits the bot reads or asks for; Discord sends a set as a decimal string.</summary>
[Flags]
public enum Permissions : ulong
{
    None = 0,
    Administrator = 1UL << 3,
    ManageGuild = 1UL << 5,
    ViewChannel = 1UL << 10,
    SendMessages = 1UL << 11,
    ManageMessages = 1UL << 13,
    EmbedLinks = 1UL << 14,
    ReadMessageHistory = 1UL << 16,
}

public static class PermissionSet
{
    /// <summary>A set as Discord sends it (<c>"2048"</c>); null when absent or not a number.</summary>
    public static Permissions? Parse(string? text) =>
        ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var bits) ? (Permissions)bits : null;

    /// <summary>The decimal string Discord expects, e.g. for <c>default_member_permissions</c>.</summary>
    public static string Format(Permissions permissions) => ((ulong)permissions).ToString(CultureInfo.InvariantCulture);
}
