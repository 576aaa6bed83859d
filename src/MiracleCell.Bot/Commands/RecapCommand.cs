using System.Globalization;
using MiracleCell.Bot.Interactions;
using MiracleCell.Bot.Rendering;
using MiracleCell.Core.Films;
using MiracleCell.Core.Text;
using MiracleCell.Discord.Models;

namespace MiracleCell.Bot.Commands;

/// <summary>
/// <c>/recap [part] [spoilers]</c>. Without a part: the premise and the list of parts. With a part: its beats,
/// each past the premise in its own spoiler tag. <c>spoilers:true</c> shows the beats untagged, but only to
/// the caller (an ephemeral reply), so nobody else in the channel is spoiled.
/// </summary>
public sealed class RecapCommand(FilmCatalog catalog) : SlashCommand<RecapOptions>, IAutocompleteCommand, IPagedCommand
{
    public const int Color = 0x5B8DEF;
    private const string Overview = "overview";

    public static TextOption Part { get; } = Define.Text(
        "part", "bagian",
        "Which part of the film (leave empty for the list of parts)",
        "Bagian film yang mana (kosongkan untuk daftar bagian)",
        autocomplete: true);

    public static FlagOption Spoilers { get; } = Define.Flag(
        "spoilers", "spoiler",
        "true: show spoilers untagged in a reply only you can see",
        "true: tampilkan spoiler tanpa tag dalam balasan yang hanya Anda lihat");

    public static ApplicationCommand Command { get; } = Define.Slash(
        "recap", "ringkasan",
        "The story by part; spoilers hidden in tags (spoilers:true shows them only to you)",
        "Cerita per bagian; spoiler disembunyikan (spoiler:true menampilkannya hanya untuk Anda)",
        Part, Spoilers);

    public override ApplicationCommand Definition => Command;

    public override AcknowledgementMode Acknowledgement => AcknowledgementMode.Immediate;

    public string PageKey => "recap";

    public override RecapOptions Bind(GivenOptions given) => new(Part.Read(given), Spoilers.Read(given) ?? false);

    protected override bool RepliesEphemerally(RecapOptions options) => options.ShowSpoilers && options.Part is not null;

    protected override ValueTask<CommandResult> HandleAsync(
        CommandContext context, RecapOptions options, CancellationToken cancellationToken)
    {
        var typed = options.Part;
        var showSpoilers = options.ShowSpoilers;
        if (string.IsNullOrWhiteSpace(typed)) return PagedReply.First(this, Overview, context.Locale);
        var part = FindPart(typed) ?? throw new UserErrorException(new UserError(
            UserErrorKind.BadOption, Strings.UnknownPart(typed, catalog.Pack.Recap.OrderBy(p => p.Order).Select(p => p.Id))));
        return PagedReply.First(this, State(part, showSpoilers), context.Locale);
    }

    public IReadOnlyList<ApplicationCommandOptionChoice> Autocomplete(AutocompleteContext context) =>
        [.. catalog.RecapParts.Suggest(context.Typed, InteractionRouter.MaxAutocompleteChoices)
            .Select(m => ApplicationCommandOptionChoice.Of(ReplyRenderer.Fit(ChoiceName(m.Item, context.Locale), MessageLimits.ChoiceName), m.Item.Id))];

    public IReadOnlyList<MessagePayload> RenderPages(string state, Locale locale)
    {
        var text = new FilmText(catalog.Pack, locale);
        if (state == Overview) return ReplyRenderer.Render(OverviewDocument(text), text.SourceTitle, locale);

        var (partId, showSpoilers) = ParseState(state);
        var part = catalog.Pack.Recap.FirstOrDefault(p => p.Id == partId)
            ?? throw new UserErrorException(new UserError(UserErrorKind.Unusable, Strings.UnknownButton));
        var document = new ReplyDocument(
            Strings.PartHeading(part.Order, catalog.Pack.Recap.Count, Markdown.Escape(part.Title[locale]))[locale],
            [],
            [new ReplySection(Strings.WhatHappens[locale], [.. part.Beats.Select(b => text.Item(b, showSpoilers))])],
            Color,
            Ephemeral: showSpoilers,
            Content: showSpoilers ? $"🔓 {Strings.SpoilersShownPrivately[locale]}" : null);
        return ReplyRenderer.Render(document, text.SourceTitle, locale);
    }

    private ReplyDocument OverviewDocument(FilmText text)
    {
        var locale = text.Locale;
        var parts = catalog.Pack.Recap.OrderBy(p => p.Order).Select(p => new ReplyItem(
            $"**{p.Order.ToString(CultureInfo.InvariantCulture)}. {Markdown.Escape(p.Title[locale])}** · `{p.Id}` · {Strings.SpoilerLevelName(p.Spoiler)[locale]}",
            Bullet: false));
        return new ReplyDocument(
            Strings.RecapOf(Markdown.Escape(catalog.Pack.Film.Titles.Display[locale]))[locale],
            [text.Item(catalog.Pack.Film.Premise, bullet: false)],
            [new ReplySection(Strings.Parts[locale], [.. parts])],
            Color,
            Footnote: Strings.RecapHint[locale]);
    }

    private RecapPart? FindPart(string typed)
    {
        if (int.TryParse(typed, NumberStyles.None, CultureInfo.InvariantCulture, out var order))
            return catalog.Pack.Recap.FirstOrDefault(p => p.Order == order);
        return catalog.Pack.Recap.FirstOrDefault(p => p.Id == typed) ?? catalog.RecapParts.Resolve(typed)?.Item;
    }

    private static string ChoiceName(RecapPart part, Locale locale) =>
        $"{part.Order.ToString(CultureInfo.InvariantCulture)}. {part.Title[locale]} ({Strings.SpoilerLevelName(part.Spoiler)[locale]})";

    // The custom_id carries "partId.1" (spoilers shown) or "partId.0"; part ids are kebab-case, without dots.
    private static string State(RecapPart part, bool showSpoilers) => $"{part.Id}.{(showSpoilers ? 1 : 0)}";

    private static (string PartId, bool ShowSpoilers) ParseState(string state)
    {
        var dot = state.LastIndexOf('.');
        return dot < 0 ? (state, false) : (state[..dot], state[(dot + 1)..] == "1");
    }
}

/// <summary>The options of <c>/recap</c>: which part (null for the overview) and whether to show spoilers untagged.</summary>
public sealed record RecapOptions(string? Part, bool ShowSpoilers);
