namespace MiracleCell.Bot.Rendering;

/// <summary>
/// A reply before it is laid out into Discord's limits: a title, a description and sections of items.
/// <see cref="ReplyRenderer"/> packs it into embeds and fields, and into pages when it outgrows one message.
/// </summary>
/// <param name="SafeTitle">Markdown-safe (escape pack and user text in it); never a spoiler: titles are always
/// visible.</param>
/// <param name="Description">Items shown in the first embed's description.</param>
/// <param name="Footnote">Safe markdown appended after the sections (hints); not a spoiler.</param>
internal sealed record ReplyDocument(
    string SafeTitle,
    IReadOnlyList<ReplyItem> Description,
    IReadOnlyList<ReplySection> Sections,
    int Color,
    bool Ephemeral = false,
    string? Content = null,
    string? Footnote = null);

/// <param name="SafeName">Markdown-safe field name; never a spoiler.</param>
internal sealed record ReplySection(string SafeName, IReadOnlyList<ReplyItem> Items, bool Inline = false);

/// <summary>
/// One beat, fact or line: rendered as <c>• ||text|| [1,2] note</c>. Each spoiler item gets its own tag,
/// so a reader reveals one fact at a time.
/// </summary>
/// <param name="SafeText">Markdown-safe text (escape anything from users or packs before it gets here).</param>
/// <param name="Sources">Source ids, cited as numbered keys listed in the footer.</param>
/// <param name="SafeNote">Safe markdown after the citation, outside the spoiler tag (e.g. "sources disagree").</param>
internal sealed record ReplyItem(
    string SafeText,
    bool Spoiler = false,
    IReadOnlyList<string>? Sources = null,
    string? SafeNote = null,
    bool Bullet = true);
