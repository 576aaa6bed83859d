using MiracleCell.Bot.Interactions;
using MiracleCell.Bot.Rendering;
using MiracleCell.Core.Films;
using MiracleCell.Core.Text;
using MiracleCell.Discord.Models;

namespace MiracleCell.Bot.Commands;

/// <summary>
/// <c>/character name</c>: summary, role, who plays them, facts (each past the premise in its own spoiler tag)
/// and relationships. Any spelling the sources use resolves; an unknown name gets "did you mean".
/// </summary>
public sealed class CharacterCommand(FilmCatalog catalog)
    : SlashCommand<CharacterOptions>, IAutocompleteCommand, IPagedCommand
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
        Name);

    public override ApplicationCommand Definition => Command;

    public override AcknowledgementMode Acknowledgement => AcknowledgementMode.Immediate;

    public string PageKey => "character";

    public override CharacterOptions Bind(GivenOptions given) => new(Name.Read(given));

    protected override ValueTask<CommandResult> HandleAsync(
        CommandContext context, CharacterOptions options, CancellationToken cancellationToken)
    {
        var typed = options.Name;
        var character = catalog.Pack.FindCharacter(typed) ?? catalog.Characters.Resolve(typed)?.Item;
        if (character is null)
        {
            var suggestions = catalog.Characters.Suggest(typed, Suggestions).Select(m => $"**{Markdown.Escape(m.Display)}**").Distinct().ToList();
            return ValueTask.FromResult(CommandResult.Fail(new UserError(UserErrorKind.NotFound, Strings.UnknownCharacter(typed, suggestions))));
        }
        return PagedReply.First(this, character.Id, context.Locale);
    }

    public IReadOnlyList<ApplicationCommandOptionChoice> Autocomplete(AutocompleteContext context) =>
        [.. catalog.Characters.Suggest(context.Typed, InteractionRouter.MaxAutocompleteChoices)
            .DistinctBy(m => m.Item.Id)
            .Select(m => ApplicationCommandOptionChoice.Of(
                ReplyRenderer.Fit($"{m.Item.Name} ({m.Item.Role[context.Locale]})", MessageLimits.ChoiceName), m.Item.Id))];

    public IReadOnlyList<MessagePayload> RenderPages(string state, Locale locale)
    {
        var character = catalog.Pack.FindCharacter(state)
            ?? throw new UserErrorException(new UserError(UserErrorKind.Unusable, Strings.UnknownButton));
        var text = new FilmText(catalog.Pack, locale);

        var actors = catalog.Pack.ActorsOf(character.Id).Select(a => new ReplyItem(
            a.Role.Note is { } note ? $"{Markdown.Escape(a.Actor.Name)} ({Markdown.Escape(note[locale])})" : Markdown.Escape(a.Actor.Name),
            Sources: a.Role.Sources)).ToList();
        if (actors.Count == 0) actors.Add(new ReplyItem($"*{Strings.NoActorInSources[locale]}*"));

        var sections = new List<ReplySection>
        {
            new(Strings.Role[locale], [new ReplyItem(Markdown.Escape(character.Role[locale]), Bullet: false)], Inline: true),
        };
        if (character.Aliases.Count > 0)
            sections.Add(new(Strings.AlsoKnownAs[locale], [new ReplyItem(Markdown.Escape(string.Join(", ", character.Aliases)), Bullet: false)], Inline: true));
        sections.Add(new(Strings.PlayedBy[locale], actors));
        sections.Add(new(Strings.Facts[locale], [.. character.Facts.Select(f => text.Item(f))]));
        sections.Add(new(Strings.Relationships[locale], [.. character.Relationships.Select(r => new ReplyItem(
            $"{Markdown.Escape(r.Relation[locale])}: **{Markdown.Escape(text.CharacterName(r.CharacterId))}**",
            Spoiler: r.Spoiler > SpoilerLevel.None,
            Sources: r.Sources))]));

        var document = new ReplyDocument(Markdown.Escape(character.Name), [new ReplyItem(Markdown.Escape(character.Summary[locale]), Sources: character.Sources, Bullet: false)], sections, Color);
        return ReplyRenderer.Render(document, text.SourceTitle, locale);
    }
}

/// <summary>The options of <c>/character</c>.</summary>
public sealed record CharacterOptions(string Name);
