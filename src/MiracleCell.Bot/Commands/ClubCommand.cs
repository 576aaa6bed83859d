using System.Globalization;
using MiracleCell.Bot.Clubs;
using MiracleCell.Bot.Interactions;
using MiracleCell.Bot.Rendering;
using MiracleCell.Bot.Trivia;
using MiracleCell.Core.Films;
using MiracleCell.Core.Text;
using MiracleCell.Discord.Models;
using MiracleCell.Storage;

namespace MiracleCell.Bot.Commands;

/// <summary>
/// <c>/club [film] [watched] [mine]</c>: the server's current film, how far the club has watched it and how far the
/// caller has. Members with Manage Server choose the film (any film of the library) and move the club's progress,
/// which every reply in the channel follows; anyone sets their own progress, which the replies only they see follow.
/// Progress is kept per film: <c>watched</c> and <c>mine</c> apply to the film chosen in the same command, else to
/// the current one.
/// </summary>
internal sealed class ClubCommand(FilmChooser films, IClubStore store)
    : SlashCommand<ClubOptions>, IAutocompleteCommand, IDeclaredCommand
{
    public const int Color = 0x9B59B6;
    private const string Finished = "finished";
    private const string Clear = "clear";

    public static TextOption Film { get; } = Define.Text(
        "film", "film", "Manage Server: the film the club watches", "Kelola Server: film yang ditonton klub",
        autocomplete: true, maxLength: 100);

    public static TextOption Watched { get; } = Define.Text(
        "watched", "ditonton",
        "Manage Server: the club has watched up to this part (or finished)",
        "Kelola Server: klub sudah menonton sampai bagian ini (atau selesai)",
        autocomplete: true, maxLength: 20);

    public static TextOption Mine { get; } = Define.Text(
        "mine", "saya",
        "You have watched up to this part (or finished, or clear to follow the club)",
        "Anda sudah menonton sampai bagian ini (atau selesai, atau clear untuk mengikuti klub)",
        autocomplete: true, maxLength: 20);

    public static ApplicationCommand Command { get; } = Define.Slash(
        "club", "klub",
        "The club's film and how far it has watched; set your own progress",
        "Film klub dan sejauh mana klub menonton; atur progres Anda sendiri",
        Film, Watched, Mine) with
    { Contexts = [InteractionContextType.Guild] };

    public override ApplicationCommand Definition => Command;

    public override AcknowledgementMode Acknowledgement => AcknowledgementMode.Deferred;

    public override ClubOptions Bind(GivenOptions given) =>
        new(Film.Read(given), Watched.Read(given), Mine.Read(given));

    // The reply names the caller's own progress: it is theirs alone.
    protected override bool RepliesEphemerally(ClubOptions options) => true;

    protected override async ValueTask<CommandResult> HandleAsync(
        CommandContext context, ClubOptions options, CancellationToken cancellationToken)
    {
        var interaction = context.Interaction;
        if (interaction.GuildId is not { } guild || interaction.Invoker is not { } user)
            throw Fail(UserErrorKind.Unusable, Strings.ClubNeedsServer);
        if ((options.Film is not null || options.Watched is not null)
            && !TriviaPermissions.CanManageServer(interaction))
            throw Fail(UserErrorKind.MissingPermission, Strings.ClubNeedsManageServer);

        var pack = (await films.ChooseAsync(interaction, options.Film, cancellationToken)).Pack;
        if (options.Film is not null) await store.SetCurrentFilmAsync(guild, pack.Film.Id, cancellationToken);
        if (options.Watched is { } watched)
        {
            var parts = ParseParts(watched, pack) ?? throw BadProgress(watched, pack);
            await store.SetClubProgressAsync(guild, pack.Film.Id, parts, cancellationToken);
        }
        if (options.Mine is { } mine)
        {
            int? parts = IsClear(mine) ? null : ParseParts(mine, pack) ?? throw BadProgress(mine, pack);
            await store.SetMemberProgressAsync(guild, user.Id, pack.Film.Id, parts, cancellationToken);
        }

        var club = await store.GetClubAsync(guild, cancellationToken);
        var own = await store.GetMemberProgressAsync(guild, user.Id, pack.Film.Id, cancellationToken);
        return CommandResult.Reply(Status(pack, club, own, context.Locale));
    }

    public async ValueTask<IReadOnlyList<ApplicationCommandOptionChoice>> AutocompleteAsync(
        AutocompleteContext context, CancellationToken cancellationToken)
    {
        var locale = context.Locale;
        if (context.Focuses(Film)) return films.Choices(context.Typed, locale);
        var typedFilm = context.Given is { } given ? Film.Read(given) : null;
        var pack = (await films.BesideAsync(context.Interaction, typedFilm, cancellationToken)).Pack;
        var choices = ProgressChoices(pack, locale, withClear: context.FocusedOption == Mine.Name);
        var typed = context.Typed.Trim();
        // Choices name parts by number only: a title could give away what the caller has not watched.
        return [.. choices
            .Where(c => typed.Length == 0
                || c.Name.Contains(typed, StringComparison.OrdinalIgnoreCase)
                || c.Value.StartsWith(typed, StringComparison.OrdinalIgnoreCase))
            .Take(InteractionRouter.MaxAutocompleteChoices)
            .Select(c => ApplicationCommandOptionChoice.Of(c.Name, c.Value))];
    }

    private MessagePayload Status(FilmPack pack, ClubSettings club, int? own, Locale locale)
    {
        var parts = pack.Recap.Count;
        var clubProgress = club.PartsWatchedByFilm.TryGetValue(pack.Film.Id, out var watched)
            ? WatchProgress.FromStored(watched)
            : WatchProgress.Nothing;
        var sections = new List<ReplySection>
        {
            new(Strings.ClubFilm[locale],
                [new ReplyItem(Markdown.Escape(pack.Film.Titles.Display[locale]), Bullet: false)]),
            new(Strings.ClubWatched[locale], [new ReplyItem(
                Strings.ProgressName(clubProgress, parts)[locale], Bullet: false)], Inline: true),
            new(Strings.ClubYours[locale], [new ReplyItem(own is { } mine
                ? Strings.ProgressName(WatchProgress.FromStored(mine), parts)[locale]
                : Strings.ClubFollowsClub[locale], Bullet: false)], Inline: true),
        };
        var library = films.Library;
        if (library.Films.Count > 1)
        {
            sections.Add(new(Strings.ClubLibrary[locale], [.. library.Films.Select(f => new ReplyItem(
                $"{Markdown.Escape(Strings.FilmChoice(f.Pack.Film, locale))} · `{f.Pack.Film.Id}`"))]));
        }
        var document = new ReplyDocument(
            Strings.ClubTitle[locale],
            library.Films.Count > 1 ? [new ReplyItem(Strings.ClubLibraryHint[locale], Bullet: false)] : [],
            sections,
            Color,
            Ephemeral: true,
            Footnote: Strings.ClubHint[locale]);
        return ReplyRenderer.Render(document, sourceId => sourceId, locale)[0];
    }

    private static IEnumerable<(string Name, string Value)> ProgressChoices(FilmPack pack, Locale locale,
        bool withClear)
    {
        if (withClear) yield return (Strings.ClubFollowsClub[locale], Clear);
        yield return (Strings.ProgressName(WatchProgress.Nothing, pack.Recap.Count)[locale], "0");
        foreach (var part in pack.Recap.OrderBy(p => p.Order).Take(pack.Recap.Count - 1))
            yield return (Strings.ProgressName(new WatchProgress(part.Order), pack.Recap.Count)[locale], N(part.Order));
        yield return (Strings.ProgressName(WatchProgress.Finished, pack.Recap.Count)[locale], Finished);
    }

    /// <summary>"finished"/"selesai", or a count of parts 0..N (N meaning finished).</summary>
    private static int? ParseParts(string typed, FilmPack pack)
    {
        var text = typed.Trim();
        if (text.Equals(Finished, StringComparison.OrdinalIgnoreCase)
            || text.Equals("selesai", StringComparison.OrdinalIgnoreCase))
            return int.MaxValue;
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var parts)
            || parts > pack.Recap.Count)
            return null;
        return parts == pack.Recap.Count ? int.MaxValue : parts;
    }

    private static bool IsClear(string typed) =>
        typed.Trim().Equals(Clear, StringComparison.OrdinalIgnoreCase)
        || typed.Trim().Equals("hapus", StringComparison.OrdinalIgnoreCase);

    private static UserErrorException BadProgress(string typed, FilmPack pack) =>
        new(new UserError(UserErrorKind.BadOption, Strings.BadProgress(typed, pack.Recap.Count)));

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static UserErrorException Fail(UserErrorKind kind, LocalizedText message) => new(kind, message);
}

/// <summary>The options of <c>/club</c>: each null when left out.</summary>
internal sealed record ClubOptions(string? Film, string? Watched, string? Mine);
