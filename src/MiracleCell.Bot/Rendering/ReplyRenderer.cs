using System.Globalization;
using MiracleCell.Core.Text;
using MiracleCell.Discord.Models;

namespace MiracleCell.Bot.Rendering;

/// <summary>
/// Lays a <see cref="ReplyDocument"/> out within Discord's limits: items are packed whole into the description
/// and field values, fields into embeds (≤25), embeds into a message (≤10, ≤6000 code points); what does
/// not fit goes onto another page. An item too long for one field is split between words, each piece in its
/// own spoiler tag, so no tag is ever left open. Sources are cited as [n] keys listed in each page's footer.
/// </summary>
internal static class ReplyRenderer
{
    private const string Bullet = "• ";

    /// <param name="sourceTitle">Maps a source id to the title shown in the footer.</param>
    public static IReadOnlyList<MessagePayload> Render(ReplyDocument document, Func<string, string> sourceTitle,
        Locale locale)
    {
        var keys = NumberSources(document);
        var footerReserve = keys.Count == 0
            ? 0
            : DiscordText.Length(Footer(keys.Keys, keys, sourceTitle, locale) ?? "");
        var layout = new Layout(document, locale, MessageLimits.EmbedTotal - footerReserve);

        var descriptionLines = document.Description.SelectMany(item =>
            RenderItem(item, keys, MessageLimits.EmbedDescription))
            .ToList();
        var overflow = layout.SetDescription(descriptionLines);
        if (overflow.Count > 0) layout.AddSection(Strings.Continued[locale], overflow, inline: false);

        foreach (var section in document.Sections)
        {
            var lines = section.Items.SelectMany(item => RenderItem(item, keys, MessageLimits.FieldValue)).ToList();
            if (lines.Count > 0) layout.AddSection(section.SafeName, lines, section.Inline);
        }
        if (document.Footnote is { } footnote)
            layout.AddSection("ℹ️",
                RenderItem(new ReplyItem(footnote, Bullet: false), keys, MessageLimits.FieldValue).ToList(),
                inline: false);

        return layout.Pages.Select(page =>
            page.ToMessage(document, keysUsed => Footer(keysUsed, keys, sourceTitle, locale)))
            .ToList();
    }

    /// <summary>Cuts plain text to <paramref name="limit"/> code points at a word boundary, marking the cut with
    /// "…".</summary>
    public static string Fit(string text, int limit)
    {
        if (DiscordText.Length(text) <= limit) return text;
        var head = DiscordText.Split(text, limit - 1)[0];
        // A trailing lone backslash would escape the ellipsis; drop it with the rest of the cut.
        return head.TrimEnd('\\') + "…";
    }

    private static Dictionary<string, int> NumberSources(ReplyDocument document)
    {
        var keys = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var item in document.Description.Concat(document.Sections.SelectMany(s => s.Items)))
        {
            foreach (var source in item.Sources ?? [])
                keys.TryAdd(source, keys.Count + 1);
        }
        return keys;
    }

    private static string? Footer(IEnumerable<string> sourceIds, Dictionary<string, int> keys,
        Func<string, string> sourceTitle, Locale locale)
    {
        var entries = sourceIds.OrderBy(id => keys[id])
            .Select(id => $"[{keys[id].ToString(CultureInfo.InvariantCulture)}] {sourceTitle(id)}").ToList();
        if (entries.Count == 0) return null;
        // The footer renders no markdown, so titles go in as they are.
        return Fit($"{Strings.Sources[locale]}: {string.Join(" · ", entries)}", MessageLimits.FooterText);
    }

    private static IEnumerable<Line> RenderItem(ReplyItem item, Dictionary<string, int> keys, int limit)
    {
        var sources = item.Sources ?? [];
        var prefix = item.Bullet ? Bullet : "";
        var cite = sources.Count == 0 ? "" : $" [{string.Join(",", sources.Select(s => keys[s]).Distinct().Order())}]";
        var note = item.SafeNote is null ? "" : $" {item.SafeNote}";
        var wrap = item.Spoiler ? 4 : 0;
        string Wrap(string text) => item.Spoiler ? Markdown.Spoiler(text) : text;

        var whole = prefix + Wrap(item.SafeText) + cite + note;
        if (DiscordText.Length(whole) <= limit)
        {
            yield return new Line(whole, sources);
            yield break;
        }
        var room = Math.Max(1,
            limit - DiscordText.Length(prefix) - wrap - DiscordText.Length(cite) - DiscordText.Length(note));
        var pieces = DiscordText.Split(item.SafeText, room);
        for (var i = 0; i < pieces.Count; i++)
        {
            var last = i == pieces.Count - 1;
            yield return new Line((i == 0 ? prefix : "") + Wrap(pieces[i]) + (last ? cite + note : ""),
                last ? sources : []);
        }
    }

    private sealed record Line(string Text, IReadOnlyList<string> Sources);

    private sealed class Layout(ReplyDocument document, Locale locale, int budget)
    {
        private readonly string _title = Fit(document.SafeTitle, MessageLimits.EmbedTitle);

        public List<Page> Pages { get; } = [];

        private Page Current => Pages.Count > 0 ? Pages[^1] : NewPage();

        /// <summary>Fills the first embed's description; returns the lines that did not fit.</summary>
        public List<Line> SetDescription(List<Line> lines)
        {
            var page = Current;
            var kept = new List<Line>();
            var length = 0;
            var index = 0;
            for (; index < lines.Count; index++)
            {
                var added = DiscordText.Length(lines[index].Text) + (kept.Count > 0 ? 1 : 0);
                if (length + added > MessageLimits.EmbedDescription || page.Total + length + added > budget) break;
                kept.Add(lines[index]);
                length += added;
            }
            if (kept.Count > 0)
                page.SetDescription(string.Join("\n", kept.Select(l => l.Text)), kept.SelectMany(l => l.Sources));
            return lines[index..];
        }

        public void AddSection(string safeName, List<Line> lines, bool inline)
        {
            var value = new List<Line>();
            var length = 0;
            var first = true;
            void Flush()
            {
                if (value.Count == 0) return;
                var name = first ? safeName : $"{safeName} {Strings.Continued[locale]}";
                AddField(Fit(name, MessageLimits.FieldName), string.Join("\n", value.Select(l => l.Text)), inline,
                    value.SelectMany(l => l.Sources));
                first = false;
                value.Clear();
                length = 0;
            }
            foreach (var line in lines)
            {
                var added = DiscordText.Length(line.Text) + (value.Count > 0 ? 1 : 0);
                if (length + added > MessageLimits.FieldValue) Flush();
                length += DiscordText.Length(line.Text) + (value.Count > 0 ? 1 : 0);
                value.Add(line);
            }
            Flush();
        }

        private void AddField(string name, string value, bool inline, IEnumerable<string> sources)
        {
            var cost = DiscordText.Length(name) + DiscordText.Length(value);
            var page = Current;
            if (page.Total + cost > budget
                || (page.FieldsInLastEmbed == MessageLimits.FieldsPerEmbed
                    && page.Embeds.Count == MessageLimits.EmbedsPerMessage))
                page = NewPage();
            page.AddField(new EmbedField { Name = name, Value = value, Inline = inline ? true : null }, cost, sources);
        }

        private Page NewPage()
        {
            var title = Pages.Count == 0
                ? _title
                : Fit($"{_title} {Strings.Continued[locale]}", MessageLimits.EmbedTitle);
            var page = new Page(title, document.Color);
            Pages.Add(page);
            return page;
        }
    }

    private sealed class Page
    {
        private readonly int _color;

        public Page(string title, int color)
        {
            _color = color;
            Embeds.Add(new Draft { Title = title });
            Total = DiscordText.Length(title);
        }

        public List<Draft> Embeds { get; } = [];
        public HashSet<string> SourcesUsed { get; } = new(StringComparer.Ordinal);
        public int Total { get; private set; }
        public int FieldsInLastEmbed => Embeds[^1].Fields.Count;

        public void SetDescription(string description, IEnumerable<string> sources)
        {
            Embeds[0].Description = description;
            Total += DiscordText.Length(description);
            SourcesUsed.UnionWith(sources);
        }

        public void AddField(EmbedField field, int cost, IEnumerable<string> sources)
        {
            if (Embeds[^1].Fields.Count == MessageLimits.FieldsPerEmbed) Embeds.Add(new Draft());
            Embeds[^1].Fields.Add(field);
            Total += cost;
            SourcesUsed.UnionWith(sources);
        }

        public MessagePayload ToMessage(ReplyDocument document, Func<IEnumerable<string>, string?> footer)
        {
            var footerText = footer(SourcesUsed);
            var embeds = Embeds.Select((draft, i) => new Embed
            {
                Title = draft.Title,
                Description = draft.Description,
                Color = _color,
                Fields = draft.Fields.Count > 0 ? draft.Fields : null,
                Footer = i == Embeds.Count - 1 && footerText is not null ? new EmbedFooter { Text = footerText } : null,
            }).ToList();
            return new MessagePayload
            {
                Content = document.Content is null ? null : Fit(document.Content, MessageLimits.Content),
                Embeds = embeds,
                AllowedMentions = AllowedMentions.None,
                Flags = document.Ephemeral ? MessageFlags.Ephemeral : null,
            };
        }
    }

    private sealed class Draft
    {
        public string? Title { get; init; }
        public string? Description { get; set; }
        public List<EmbedField> Fields { get; } = [];
    }
}
