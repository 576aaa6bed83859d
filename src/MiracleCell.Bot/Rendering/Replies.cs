using MiracleCell.Discord.Models;

namespace MiracleCell.Bot.Rendering;

/// <summary>Small reply shapes shared by the router and commands.</summary>
internal static class Replies
{
    /// <summary>An ephemeral message telling the user what went wrong and what to do.</summary>
    public static MessagePayload Error(string safeMessage) => new()
    {
        Content = $"⚠️ {safeMessage}",
        AllowedMentions = AllowedMentions.None,
        Flags = MessageFlags.Ephemeral,
    };
}
