using System.Globalization;
using MiracleCell.Bot.Clubs;
using MiracleCell.Bot.Interactions;
using MiracleCell.Bot.Rendering;
using MiracleCell.Core.Films;
using MiracleCell.Core.Text;
using MiracleCell.Discord.Models;

namespace MiracleCell.Bot.Commands;

/// <summary>
/// <c>/recap [part] [spoilers] [film]</c>, about a film of the library (the server's current film by default).
/// Without a part: the premise and the list of parts. With a part: its beats.
/// Everything is rendered at the readers' watch progress: a part past it is "Part 15", its title and beats only in
/// spoiler tags. <c>spoilers:true</c> shows the beats untagged, but only to the caller (an ephemeral reply).
/// </summary>
internal sealed class RecapCommand(FilmChooser films, IWatchProgressSource progressSource)
    : SlashCommand<RecapOptions>, IAutocompleteCommand, IPagedCommand, IDeclaredCommand
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
        Part, Spoilers, FilmOption.Film);

    public override ApplicationCommand Definition => Command;

    public override AcknowledgementMode Acknowledgement => AcknowledgementMode.Immediate;

    public string PageKey => "recap";

    public override RecapOptions Bind(GivenOptions given) =>
        new(Part.Read(given), Spoilers.Read(given) ?? false, FilmOption.Film.Read(given));

    protected override bool RepliesEphemerally(RecapOptions options) =>
        options.ShowSpoilers && options.Part is not null;

    protected override async ValueTask<CommandResult> HandleAsync(
        CommandContext context, RecapOptions options, CancellationToken cancellationToken)
    {
        var typed = options.Part;
        var showSpoilers = options.ShowSpoilers;
        var onlyCaller = RepliesEphemerally(options);
        var catalog = await films.ChooseAsync(context.Interaction, options.Film, cancellationToken);
        var progress = await progressSource.GetAsync(context.Interaction, catalog.Pack, onlyCaller, cancellationToken);
        progress = progress.For(catalog.Pack);
        if (string.IsNullOrWhiteSpace(typed))
            return await PagedReply.First(
                this, FilmChooser.State(catalog, $"{Overview}.{progress.ToToken()}"), context.Locale);
        var part = catalog.ResolvePart(typed, progress) ?? throw new UserErrorException(new UserError(
            UserErrorKind.BadOption,
            Strings.UnknownPart(typed, catalog.Pack.Recap.OrderBy(p => p.Order).Select(p => p.Id))));
        return await PagedReply.First(
            this, FilmChooser.State(catalog, State(part, showSpoilers, progress)), context.Locale);
    }

    public async ValueTask<IReadOnlyList<ApplicationCommandOptionChoice>> AutocompleteAsync(
        AutocompleteContext context, CancellationToken cancellationToken)
    {
        if (context.Focuses(FilmOption.Film)) return films.Choices(context.Typed, context.Locale);
        var catalog = await films.BesideAsync(context.Interaction, FilmOption.Beside(context), cancellationToken);
        // Choices are seen by the one typing: their own progress governs them.
        var progress = await progressSource.GetAsync(context.Interaction, catalog.Pack, true, cancellationToken);
        var text = new FilmText(catalog.Pack, context.Locale, progress);
        return [.. catalog.SuggestParts(context.Typed, progress, InteractionRouter.MaxAutocompleteChoices)
            .Select(part => ApplicationCommandOptionChoice.Of(
                ReplyRenderer.Fit(ChoiceName(part, text), MessageLimits.ChoiceName), part.Id))];
    }

    public IReadOnlyList<MessagePayload> RenderPages(string state, Locale locale)
    {
        var (catalog, filmState) = films.FromState(state);
        var (key, showSpoilers, progress) = ParseState(filmState);
        var text = new FilmText(catalog.Pack, locale, progress);
        if (key == Overview) return ReplyRenderer.Render(OverviewDocument(catalog, text), text.SourceTitle, locale);

        var part = catalog.Pack.Recap.FirstOrDefault(p => p.Id == key)
            ?? throw new UserErrorException(new UserError(UserErrorKind.Unusable, Strings.UnknownButton));
        var count = catalog.Pack.Recap.Count;
        // spoilers:true shows the caller alone everything about the part, its title included.
        var visible = showSpoilers || text.Progress.Covers(part);
        var heading = visible
            ? Strings.PartHeading(part.Order, count, Markdown.Escape(part.Title[locale]))[locale]
            : Strings.PartNumberOf(part.Order, count)[locale];
        var hidden = showSpoilers ? 0 : part.Beats.Count(b => !text.BeatVisible(part, b));
        var description = new List<ReplyItem>();
        if (!visible) description.Add(new ReplyItem(text.PartTitle(part), Bullet: false));
        if (hidden > 0) description.Add(new ReplyItem($"*{PastProgress(hidden, text, count)}*", Bullet: false));
        var document = new ReplyDocument(
            heading,
            description,
            [new ReplySection(Strings.WhatHappens[locale],
                [.. part.Beats.Select(b => text.Beat(part, b, showSpoilers))])],
            Color,
            Ephemeral: showSpoilers,
            Content: showSpoilers ? $"🔓 {Strings.SpoilersShownPrivately[locale]}" : null);
        return ReplyRenderer.Render(document, text.SourceTitle, locale);
    }

    private static ReplyDocument OverviewDocument(FilmCatalog catalog, FilmText text)
    {
        var locale = text.Locale;
        var parts = catalog.Pack.Recap.OrderBy(p => p.Order).Select(p => new ReplyItem(
            $"**{N(p.Order)}.** {text.PartTitle(p)} · `{p.Id}` · {Strings.SpoilerLevelName(p.Spoiler)[locale]}",
            Bullet: false));
        var pastParts = catalog.Pack.Recap.Count(p => !text.Progress.Covers(p));
        var description = new List<ReplyItem> { text.Item(catalog.Pack.Film.Premise, bullet: false) };
        if (pastParts > 0)
        {
            var line = PastProgress(pastParts, text, catalog.Pack.Recap.Count);
            description.Add(new ReplyItem($"*{line}*", Bullet: false));
        }
        return new ReplyDocument(
            Strings.RecapOf(Markdown.Escape(catalog.Pack.Film.Titles.Display[locale]))[locale],
            description,
            [new ReplySection(Strings.Parts[locale], [.. parts])],
            Color,
            Footnote: Strings.RecapHint[locale]);
    }

    private static string PastProgress(int count, FilmText text, int partCount) =>
        Strings.PastProgress(count, text.Progress, partCount)[text.Locale];

    private static string ChoiceName(RecapPart part, FilmText text) =>
        text.Progress.Covers(part)
            ? $"{N(part.Order)}. {part.Title[text.Locale]} ({Strings.SpoilerLevelName(part.Spoiler)[text.Locale]})"
            : $"{Strings.PartNumber(part.Order)[text.Locale]} ({Strings.SpoilerLevelName(part.Spoiler)[text.Locale]})";

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);

    // The custom_id carries "film/key.spoilers.progress": "some-film/part-15.0.7" (part 15, tagged, seven parts
    // watched) or "some-film/overview.0.f". Film and part ids are kebab-case, without dots or slashes.
    private static string State(RecapPart part, bool showSpoilers, WatchProgress progress) =>
        $"{part.Id}.{(showSpoilers ? 1 : 0)}.{progress.ToToken()}";

    private static (string Key, bool ShowSpoilers, WatchProgress Progress) ParseState(string state)
    {
        var pieces = state.Split('.');
        return pieces switch
        {
            [var key, var token] => (key, false, WatchProgress.FromToken(token) ?? WatchProgress.Nothing),
            [var key, var spoilers, var token] =>
                (key, spoilers == "1", WatchProgress.FromToken(token) ?? WatchProgress.Nothing),
            _ => (state, false, WatchProgress.Nothing),
        };
    }
}

/// <summary>The options of <c>/recap</c>: which part (null for the overview) and whether to show spoilers
/// untagged.</summary>
internal sealed record RecapOptions(string? Part, bool ShowSpoilers, string? Film = null);
