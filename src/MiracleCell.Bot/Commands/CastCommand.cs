using MiracleCell.Bot.Clubs;
using MiracleCell.Bot.Interactions;
using MiracleCell.Bot.Rendering;
using MiracleCell.Core.Films;
using MiracleCell.Core.Text;
using MiracleCell.Discord.Models;

namespace MiracleCell.Bot.Commands;

/// <summary>
/// <c>/cast [actor] [film]</c>: the whole cast with roles, or one actor's roles, of a film of the library (the
/// server's current film by default). A role no source gives is said so, never invented.
/// </summary>
internal sealed class CastCommand(FilmChooser films)
    : SlashCommand<CastOptions>, IAutocompleteCommand, IPagedCommand, IDeclaredCommand
{
    public const int Color = 0x43B581;
    private const string Everyone = "all";

    public static TextOption Actor { get; } = Define.Text(
        "actor", "aktor",
        "An actor's name (leave empty for the whole cast)", "Nama aktor (kosongkan untuk seluruh pemeran)",
        autocomplete: true, maxLength: 100);

    public static ApplicationCommand Command { get; } = Define.Slash(
        "cast", "pemeran",
        "Who plays whom: the whole cast, or one actor",
        "Siapa memerankan siapa: seluruh pemeran, atau satu aktor",
        Actor, FilmOption.Film);

    public override ApplicationCommand Definition => Command;

    public override AcknowledgementMode Acknowledgement => AcknowledgementMode.Immediate;

    public string PageKey => "cast";

    public override CastOptions Bind(GivenOptions given) => new(Actor.Read(given), FilmOption.Film.Read(given));

    protected override async ValueTask<CommandResult> HandleAsync(
        CommandContext context, CastOptions options, CancellationToken cancellationToken)
    {
        var catalog = await films.ChooseAsync(context.Interaction, options.Film, cancellationToken);
        var typed = options.Actor;
        if (string.IsNullOrWhiteSpace(typed))
            return await PagedReply.First(this, FilmChooser.State(catalog, Everyone), context.Locale);
        var actor = catalog.Pack.FindCastMember(typed) ?? catalog.Cast.Resolve(typed)?.Item;
        if (actor is null)
        {
            var suggestions = catalog.Cast.Suggest(typed, 3).Select(m => $"**{Markdown.Escape(m.Display)}**").Distinct()
                .ToList();
            throw new UserErrorException(UserErrorKind.NotFound, Strings.UnknownActor(typed, suggestions));
        }
        return await PagedReply.First(this, FilmChooser.State(catalog, actor.Id), context.Locale);
    }

    // Names only: an actor's name and the spoiler-free names of the characters they play give nothing away.
    public async ValueTask<IReadOnlyList<ApplicationCommandOptionChoice>> AutocompleteAsync(
        AutocompleteContext context, CancellationToken cancellationToken)
    {
        if (context.Focuses(FilmOption.Film)) return films.Choices(context.Typed, context.Locale);
        var catalog = await films.BesideAsync(context.Interaction, FilmOption.Beside(context), cancellationToken);
        return [.. catalog.Cast.Suggest(context.Typed, InteractionRouter.MaxAutocompleteChoices)
            .DistinctBy(m => m.Item.Id)
            .Select(m => ApplicationCommandOptionChoice.Of(
                ReplyRenderer.Fit(m.Item.Name, MessageLimits.ChoiceName), m.Item.Id))];
    }

    public IReadOnlyList<MessagePayload> RenderPages(string state, Locale locale)
    {
        var (catalog, actorState) = films.FromState(state);
        var text = new FilmText(catalog.Pack, locale);
        var title = Markdown.Escape(catalog.Pack.Film.Titles.Display[locale]);
        ReplyDocument document;
        if (actorState == Everyone)
        {
            document = new ReplyDocument(
                Strings.CastOf(title)[locale],
                [],
                [new ReplySection(Strings.CastOf(title)[locale],
                    [.. catalog.Pack.Cast.Select(a => ActorLine(a, text))])],
                Color,
                Footnote: Strings.CastHint[locale]);
        }
        else
        {
            var actor = catalog.Pack.FindCastMember(actorState)
                ?? throw new UserErrorException(new UserError(UserErrorKind.Unusable, Strings.UnknownButton));
            var roles = actor.Roles.Count == 0
                ? [new ReplyItem($"*{Strings.RoleNotGiven[locale]}*", Sources: actor.Sources)]
                : actor.Roles.Select(r => RoleItem(r, text)).ToList();
            document = new ReplyDocument(Markdown.Escape(actor.Name), [],
                [new ReplySection(Strings.Roles[locale], roles)], Color, Footnote: Strings.CastHint[locale]);
        }
        return ReplyRenderer.Render(document, text.SourceTitle, locale);
    }

    private static ReplyItem ActorLine(CastMember actor, FilmText text)
    {
        var name = $"**{Markdown.Escape(actor.Name)}**";
        if (actor.Roles.Count == 0)
            return new ReplyItem($"{name}: *{Strings.RoleNotGiven[text.Locale]}*", Sources: actor.Sources);
        var roles = string.Join("; ", actor.Roles.Select(r => RoleText(r, text)));
        return new ReplyItem($"{name}: {roles}", Sources: [.. actor.Roles.SelectMany(r => r.Sources).Distinct()]);
    }

    private static ReplyItem RoleItem(CastRole role, FilmText text) => new(RoleText(role, text), Sources: role.Sources);

    private static string RoleText(CastRole role, FilmText text) =>
        role.Note is { } note
            ? $"{Markdown.Escape(text.CharacterName(role.CharacterId))} ({Markdown.Escape(note[text.Locale])})"
            : Markdown.Escape(text.CharacterName(role.CharacterId));
}

/// <summary>The options of <c>/cast</c>.</summary>
internal sealed record CastOptions(string? Actor, string? Film = null);
