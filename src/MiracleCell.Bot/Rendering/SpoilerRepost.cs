using MiracleCell.Core.Text;
using MiracleCell.Discord.Models;

namespace MiracleCell.Bot.Rendering;

/// <summary>
/// Re-posts text someone typed behind a spoiler tag: escaped so it cannot close the tag or inject markdown,
/// with mentions that never ping. Short text goes in one tag in the content; longer text moves into embed
/// descriptions (4096 each), one tag per piece, cut only between words.
/// </summary>
internal static class SpoilerRepost
{
    public static MessagePayload Build(string safeHeader, string userText, Locale locale)
    {
        var safe = Markdown.Escape(userText.Trim());
        var inContent = $"{safeHeader}\n{Markdown.Spoiler(safe)}";
        if (DiscordText.Length(inContent) <= MessageLimits.Content)
            return new MessagePayload { Content = inContent, AllowedMentions = AllowedMentions.None };

        var embeds = new List<Embed>();
        var total = 0;
        var trimmed = false;
        foreach (var piece in DiscordText.Split(safe, MessageLimits.EmbedDescription - 4))
        {
            var description = Markdown.Spoiler(piece.TrimEnd('\\'));
            var length = DiscordText.Length(description);
            if (embeds.Count == MessageLimits.EmbedsPerMessage || total + length > MessageLimits.EmbedTotal)
            {
                var room = MessageLimits.EmbedTotal - total - 4;
                if (room > 100 && embeds.Count < MessageLimits.EmbedsPerMessage)
                    embeds.Add(new Embed { Description = Markdown.Spoiler(ReplyRenderer.Fit(piece, room)) });
                trimmed = true;
                break;
            }
            embeds.Add(new Embed { Description = description });
            total += length;
        }
        var content = trimmed ? $"{safeHeader}\n{Strings.Trimmed[locale]}" : safeHeader;
        return new MessagePayload { Content = ReplyRenderer.Fit(content, MessageLimits.Content), Embeds = embeds,
            AllowedMentions = AllowedMentions.None };
    }

    public static string Mention(User? user) => user is null ? "?" : $"<@{user.Id}>";
}
