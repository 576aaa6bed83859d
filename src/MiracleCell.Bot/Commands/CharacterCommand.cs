using MiracleCell.Bot.Clubs;
using MiracleCell.Bot.Interactions;
using MiracleCell.Bot.Rendering;
using MiracleCell.Core.Films;
using MiracleCell.Core.Text;
using MiracleCell.Discord.Models;

namespace MiracleCell.Bot.Commands;

/// <summary>
/// <c>/character name [film]</c>, about a film of the library (the server's current film by default): summary, role,
/// who plays them, facts and relationships, rendered at the readers' watch
/// progress (what a part past it reveals stays in its own spoiler tag). Any spelling the sources use resolves; a
/// name that gives something away ("villain") only once the part revealing it is watched.
/// </summary>
internal sealed class CharacterCommand(FilmChooser films, IWatchProgressSource progressSource)
    : SlashCommand<CharacterOptions>, IAutocompleteCommand, IPagedCommand, IDeclaredCommand
{
    public const int Color = 0xE85D75;
    private const int Suggestions = 3;

    public static RequiredTextOption Name { get; } = Define.RequiredText(
        "name", "nama",
        "The character's name, in any spelling", "Nama tokoh, dengan ejaan apa pun",
        autocomplete: true, maxLength: 100);

    public static ApplicationCommand Command { get; } = Define.Slash(
        "character", "tokoh",
        "Facts about a character: who plays them, relationships; spoilers hidden in tags",
        "Fakta tentang seorang tokoh: pemeran, hubungan; spoiler disembunyikan",
        Name, FilmOption.Film);

    public override ApplicationCommand Definition => Command;

    public override AcknowledgementMode Acknowledgement => AcknowledgementMode.Immediate;

    public string PageKey => "character";

    public override CharacterOptions Bind(GivenOptions given) => new(Name.Read(given), FilmOption.Film.Read(given));

    protected override async ValueTask<CommandResult> HandleAsync(
        CommandContext context, CharacterOptions options, CancellationToken cancellationToken)
    {
        var typed = options.Name;
        var catalog = await films.ChooseAsync(context.Interaction, options.Film, cancellationToken);
        var progress = (await progressSource.GetAsync(context.Interaction, catalog.Pack, false, cancellationToken))
            .For(catalog.Pack);
        var character = catalog.ResolveCharacter(typed, progress);
        if (character is null)
        {
            // The error is seen by the caller alone: their own progress decides which names may be suggested.
            var own = await progressSource.GetAsync(context.Interaction, catalog.Pack, true, cancellationToken);
            var suggestions = catalog.SuggestCharacters(typed, own, Suggestions)
                .Select(m => $"**{Markdown.Escape(m.Item.Name)}**").Distinct().ToList();
            throw new UserErrorException(UserErrorKind.NotFound, Strings.UnknownCharacter(typed, suggestions));
        }
        return await PagedReply.First(
            this, FilmChooser.State(catalog, $"{character.Id}.{progress.ToToken()}"), context.Locale);
    }

    public async ValueTask<IReadOnlyList<ApplicationCommandOptionChoice>> AutocompleteAsync(
        AutocompleteContext context, CancellationToken cancellationToken)
    {
        if (context.Focuses(FilmOption.Film)) return films.Choices(context.Typed, context.Locale);
        var catalog = await films.BesideAsync(context.Interaction, FilmOption.Beside(context), cancellationToken);
        var progress = await progressSource.GetAsync(context.Interaction, catalog.Pack, true, cancellationToken);
        return [.. catalog.SuggestCharacters(context.Typed, progress, InteractionRouter.MaxAutocompleteChoices)
            .DistinctBy(m => m.Item.Id)
            .Select(m => ApplicationCommandOptionChoice.Of(
                ReplyRenderer.Fit($"{m.Item.Name} ({m.Item.Role[context.Locale]})", MessageLimits.ChoiceName),
                m.Item.Id))];
    }

    public IReadOnlyList<MessagePayload> RenderPages(string state, Locale locale)
    {
        var (catalog, characterState) = films.FromState(state);
        var dot = characterState.LastIndexOf('.');
        var progress = dot < 0
            ? WatchProgress.Nothing
            : WatchProgress.FromToken(characterState[(dot + 1)..]) ?? WatchProgress.Nothing;
        var character = catalog.Pack.FindCharacter(dot < 0 ? characterState : characterState[..dot])
            ?? throw new UserErrorException(new UserError(UserErrorKind.Unusable, Strings.UnknownButton));
        var text = new FilmText(catalog.Pack, locale, progress);

        var actors = catalog.Pack.ActorsOf(character.Id).Select(a => new ReplyItem(
            a.Role.Note is { } note
                ? $"{Markdown.Escape(a.Actor.Name)} ({Markdown.Escape(note[locale])})"
                : Markdown.Escape(a.Actor.Name),
            Sources: a.Role.Sources)).ToList();
        if (actors.Count == 0) actors.Add(new ReplyItem($"*{Strings.NoActorInSources[locale]}*"));

        var sections = new List<ReplySection>
        {
            new(Strings.Role[locale], [new ReplyItem(Markdown.Escape(character.Role[locale]), Bullet: false)],
                Inline: true),
        };
        if (character.Aliases.Count > 0)
            sections.Add(new(Strings.AlsoKnownAs[locale],
                [new ReplyItem(Markdown.Escape(string.Join(", ", character.Aliases)), Bullet: false)], Inline: true));
        sections.Add(new(Strings.PlayedBy[locale], actors));
        sections.Add(new(Strings.Facts[locale], [.. character.Facts.Select(f => text.Item(f))]));
        sections.Add(new(Strings.Relationships[locale], [.. character.Relationships.Select(r => new ReplyItem(
            $"{Markdown.Escape(r.Relation[locale])}: **{Markdown.Escape(text.CharacterName(r.CharacterId))}**",
            Spoiler: !text.Visible(r),
            Sources: r.Sources))]));

        var hidden = character.Facts.Count(f => !text.Visible(f))
            + character.Relationships.Count(r => !text.Visible(r));
        var description = new List<ReplyItem>
        {
            new(Markdown.Escape(character.Summary[locale]), Sources: character.Sources, Bullet: false),
        };
        if (hidden > 0)
            description.Add(new ReplyItem(
                $"*{Strings.PastProgress(hidden, progress, catalog.Pack.Recap.Count)[locale]}*", Bullet: false));
        var document = new ReplyDocument(Markdown.Escape(character.Name), description, sections, Color);
        return ReplyRenderer.Render(document, text.SourceTitle, locale);
    }
}

/// <summary>The options of <c>/character</c>.</summary>
internal sealed record CharacterOptions(string Name, string? Film = null);
