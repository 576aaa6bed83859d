using System.Collections.Concurrent;
using MiracleCell.Bot.Clubs;
using MiracleCell.Bot.Interactions;
using MiracleCell.Core.Films;
using MiracleCell.Core.Text;
using MiracleCell.Discord.Models;

namespace MiracleCell.Bot.Commands;

/// <summary>
/// A command whose one option is the film and whose reply depends only on that film and the reader's language
/// (<c>/film</c>, <c>/sources</c>): the film comes from the option, the server's current film or the default, and each
/// film's pages are rendered once per locale and kept, and the first page is one kept reply whose callback body is
/// serialized once.
/// </summary>
internal abstract class FilmPagesCommand(FilmChooser films)
    : SlashCommand<FilmPagesOptions>, IAutocompleteCommand, IPagedCommand
{
    private readonly ConcurrentDictionary<(string FilmId, Locale Locale), IReadOnlyList<MessagePayload>> _pages = new();
    private readonly ConcurrentDictionary<(string FilmId, Locale Locale), CommandResult> _firstPages = new();

    public override AcknowledgementMode Acknowledgement => AcknowledgementMode.Immediate;

    public abstract string PageKey { get; }

    public override FilmPagesOptions Bind(GivenOptions given) => new(FilmOption.Film.Read(given));

    protected override async ValueTask<CommandResult> HandleAsync(
        CommandContext context, FilmPagesOptions options, CancellationToken cancellationToken)
    {
        var catalog = await films.ChooseAsync(context.Interaction, options.Film, cancellationToken);
        return _firstPages.GetOrAdd(
            (catalog.Pack.Film.Id, context.Locale),
            static (key, args) => CommandResult.Kept(PagedReply.FirstPage(args.Self, args.State, key.Locale)),
            (Self: this, State: FilmChooser.State(catalog, "-")));
    }

    public ValueTask<IReadOnlyList<ApplicationCommandOptionChoice>> AutocompleteAsync(
        AutocompleteContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult(films.Choices(context.Typed, context.Locale));

    public IReadOnlyList<MessagePayload> RenderPages(string state, Locale locale)
    {
        var (catalog, _) = films.FromState(state);
        return _pages.GetOrAdd(
            (catalog.Pack.Film.Id, locale), static (key, args) => args.Self.Render(args.Catalog, key.Locale),
            (Self: this, Catalog: catalog));
    }

    /// <summary>The pages for <paramref name="catalog"/>'s film in <paramref name="locale"/>; called once per pair.
    /// </summary>
    protected abstract IReadOnlyList<MessagePayload> Render(FilmCatalog catalog, Locale locale);
}

/// <summary>The options of a <see cref="FilmPagesCommand"/>: the film, when the member named one.</summary>
internal sealed record FilmPagesOptions(string? Film);
