using System.Globalization;
using MiracleCell.Bot.Rendering.Texts;
using MiracleCell.Core.Films;
using MiracleCell.Core.Text;

namespace MiracleCell.Bot.Rendering;

/// <summary>
/// Every text the bot itself writes, one member per key of the locale tables (<c>Rendering/Locales/*.json</c>).
/// Each key is looked up, with its arguments checked, when this class is first used, which
/// <see cref="EnsureLoaded"/> makes happen at start: a misspelt key or argument stops the bot there, not in a reply.
/// Values that come from users or packs are passed in already escaped where they end up in markdown.
/// </summary>
internal static partial class Strings
{
    /// <summary>Loads and checks every text now; throws <see cref="LocaleTableException"/> if one is unusable.
    /// </summary>
    public static void EnsureLoaded()
    {
        try
        {
            _ = SomethingWentWrongText.Key;
        }
        catch (TypeInitializationException e) when (TablesProblem(e) is { } tables)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(tables);
        }
    }

    /// <summary>The tables' own exception inside the type initializers' (of this class, or of the tables').</summary>
    private static LocaleTableException? TablesProblem(Exception? exception) => exception switch
    {
        LocaleTableException tables => tables,
        TypeInitializationException initializer => TablesProblem(initializer.InnerException),
        _ => null,
    };

    private static TableText Get(string key, params string[] arguments) => TextTables.Shipped.Get(key, arguments);

    private static PluralText Plural(string key, params string[] arguments) =>
        TextTables.Shipped.GetPlural(key, arguments);

    /// <summary>
    /// Transitional: a text written in code rather than in the tables. Move it to the tables (and its member to
    /// <see cref="Get"/>) when it is touched.
    /// </summary>
    private static LocalizedText T(string en, string id) => new(en, id);

    private static string N(long value) => value.ToString(CultureInfo.InvariantCulture);

    // Errors the router and options report.
    private static readonly TableText SomethingWentWrongText = Get("errors.something_went_wrong", "error");

    public static LocalizedText SomethingWentWrong(string errorId) => SomethingWentWrongText.Format(errorId);

    public static TableText UnsupportedInteraction { get; } = Get("errors.unsupported_interaction");
    public static TableText UnknownButton { get; } = Get("errors.unknown_button");
    private static readonly TableText UnknownCommandText = Get("errors.unknown_command", "name");

    public static LocalizedText UnknownCommand(string name) => UnknownCommandText.Format(Markdown.Escape(name));

    private static readonly TableText OptionRequiredText = Get("options.required", "command", "option");

    public static LocalizedText OptionRequired(LocalizedText command, LocalizedText option) =>
        OptionRequiredText.Format(command, option);

    private static readonly TableText SubcommandRequiredText =
        Get("options.subcommand_required", "command", "subcommands");

    public static LocalizedText SubcommandRequired(LocalizedText command, IReadOnlyList<LocalizedText> subcommands) =>
        SubcommandRequiredText.Format(command,
            PerLocale(locale => string.Join(", ", subcommands.Select(s => Code(s[locale])))));

    private static readonly TableText OptionMustBeTextText = Get("options.must_be_text", "command", "option");

    public static LocalizedText OptionMustBeText(LocalizedText command, LocalizedText option) =>
        OptionMustBeTextText.Format(command, option);

    private static readonly TableText OptionMustBeBooleanText = Get("options.must_be_boolean", "option");

    public static LocalizedText OptionMustBeBoolean(LocalizedText option) => OptionMustBeBooleanText.Format(option);

    private static readonly TableText OptionMustBeWholeNumberText = Get("options.must_be_whole_number", "option");

    public static LocalizedText OptionMustBeWholeNumber(LocalizedText option) =>
        OptionMustBeWholeNumberText.Format(option);

    private static readonly TableText OptionOutOfRangeText = Get("options.out_of_range", "option", "min", "max");

    public static LocalizedText OptionOutOfRange(LocalizedText option, double? min, double? max) =>
        OptionOutOfRangeText.Format(option, Bound(min), Bound(max));

    private static readonly TableText OptionTooLongText = Get("options.too_long", "option", "max", "actual");

    public static LocalizedText OptionTooLong(LocalizedText option, int max, int actual) =>
        OptionTooLongText.Format(option, N(max), N(actual));

    private static readonly TableText OptionTooShortText = Get("options.too_short", "option", "min");

    public static LocalizedText OptionTooShort(LocalizedText option, int min) =>
        OptionTooShortText.Format(option, N(min));

    private static readonly TableText OptionMustBeOneOfText = Get("options.must_be_one_of", "option", "allowed");

    public static LocalizedText OptionMustBeOneOf(LocalizedText option, IReadOnlyList<string> allowed) =>
        OptionMustBeOneOfText.Format(option, string.Join(", ", allowed.Select(Code)));

    private static readonly TableText NotAUserText = Get("options.not_a_user", "option");

    public static LocalizedText NotAUser(LocalizedText option) => NotAUserText.Format(option);

    private static readonly TableText UnknownPartText = Get("errors.unknown_part", "typed", "parts");

    public static LocalizedText UnknownPart(string typed, IEnumerable<string> validIds) =>
        UnknownPartText.Format(Markdown.Escape(typed), string.Join(", ", validIds.Select(Code)));

    private static readonly TableText UnknownCharacterSuggestText =
        Get("errors.unknown_character.suggest", "typed", "suggestions");
    private static readonly TableText UnknownCharacterText = Get("errors.unknown_character.none", "typed");

    public static LocalizedText UnknownCharacter(string typed, IReadOnlyList<string> suggestions) =>
        suggestions.Count > 0
        ? UnknownCharacterSuggestText.Format(Markdown.Escape(typed), List(suggestions))
        : UnknownCharacterText.Format(Markdown.Escape(typed));

    private static readonly TableText UnknownActorSuggestText =
        Get("errors.unknown_actor.suggest", "typed", "suggestions");
    private static readonly TableText UnknownActorText = Get("errors.unknown_actor.none", "typed");

    public static LocalizedText UnknownActor(string typed, IReadOnlyList<string> suggestions) => suggestions.Count > 0
        ? UnknownActorSuggestText.Format(Markdown.Escape(typed), List(suggestions))
        : UnknownActorText.Format(Markdown.Escape(typed));

    public static TableText MessageHasNoText { get; } = Get("errors.message_has_no_text");

    // Shared labels.
    public static TableText Sources { get; } = Get("labels.sources");
    public static TableText Continued { get; } = Get("labels.continued");
    public static TableText Previous { get; } = Get("labels.previous");
    public static TableText Next { get; } = Get("labels.next");
    private static readonly TableText PageOfText = Get("labels.page_of", "page", "count");

    public static LocalizedText PageOf(int page, int count) => PageOfText.Format(N(page), N(count));

    public static TableText Trimmed { get; } = Get("labels.trimmed");
    private static readonly TableText SourcesDisagreeText = Get("labels.sources_disagree", "sources");

    public static LocalizedText SourcesDisagree(string namedSources) => SourcesDisagreeText.Format(namedSources);

    private static readonly TableText SpoilerFree = Get("spoiler_level.none");
    private static readonly TableText MildSpoilers = Get("spoiler_level.mild");
    private static readonly TableText MajorSpoilers = Get("spoiler_level.major");

    public static LocalizedText SpoilerLevelName(SpoilerLevel level) => level switch
    {
        SpoilerLevel.None => SpoilerFree,
        SpoilerLevel.Mild => MildSpoilers,
        _ => MajorSpoilers,
    };

    // /film
    public static TableText OriginalTitle { get; } = Get("film.original_title");
    public static TableText Released { get; } = Get("film.released");
    public static TableText Runtime { get; } = Get("film.runtime");
    private static readonly TableText MinutesText = Get("film.minutes", "minutes");

    public static LocalizedText Minutes(int minutes) => MinutesText.Format(N(minutes));

    public static TableText Director { get; } = Get("film.director");
    public static TableText Country { get; } = Get("film.country");
    public static TableText Genres { get; } = Get("film.genres");
    public static TableText AboutTheFilm { get; } = Get("film.about");
    public static TableText Remakes { get; } = Get("film.remakes");
    private static readonly TableText DirectedByText = Get("film.directed_by", "director");

    public static LocalizedText DirectedBy(string director) => DirectedByText.Format(director);

    public static TableText FilmHint { get; } = Get("film.hint");

    // /recap
    private static readonly TableText RecapOfText = Get("recap.of", "title");

    public static LocalizedText RecapOf(string title) => RecapOfText.Format(title);

    public static TableText Premise { get; } = Get("recap.premise");
    public static TableText Parts { get; } = Get("recap.parts");
    private static readonly TableText PartHeadingText = Get("recap.part_heading", "order", "count", "title");

    public static LocalizedText PartHeading(int order, int count, string title) =>
        PartHeadingText.Format(N(order), N(count), title);

    public static TableText WhatHappens { get; } = Get("recap.what_happens");
    public static TableText RecapHint { get; } = Get("recap.hint");
    public static TableText SpoilersShownPrivately { get; } = Get("recap.spoilers_shown_privately");

    // /character
    public static TableText Role { get; } = Get("character.role");
    public static TableText AlsoKnownAs { get; } = Get("character.also_known_as");
    public static TableText PlayedBy { get; } = Get("character.played_by");
    public static TableText NoActorInSources { get; } = Get("character.no_actor_in_sources");
    public static TableText Facts { get; } = Get("character.facts");
    public static TableText Relationships { get; } = Get("character.relationships");

    // /cast
    private static readonly TableText CastOfText = Get("cast.of", "title");

    public static LocalizedText CastOf(string title) => CastOfText.Format(title);

    public static TableText RoleNotGiven { get; } = Get("cast.role_not_given");
    public static TableText Roles { get; } = Get("cast.roles");
    public static TableText CastHint { get; } = Get("cast.hint");

    // /spoiler and "Hide spoilers"
    private static readonly TableText SharedSpoilerText = Get("spoiler.shared", "user");

    public static LocalizedText SharedSpoiler(string userMention) => SharedSpoilerText.Format(userMention);

    private static readonly TableText TopicText = Get("spoiler.topic", "topic");

    public static LocalizedText Topic(string safeTopic) => TopicText.Format(safeTopic);

    public static TableText CannotDeleteOriginal { get; } = Get("spoiler.cannot_delete_original");
    private static readonly TableText HidSpoilersText = Get("spoiler.hid", "invoker", "author");

    public static LocalizedText HidSpoilers(string invokerMention, string authorMention) =>
        HidSpoilersText.Format(invokerMention, authorMention);

    // /help
    public static TableText HelpTitle { get; } = Get("help.title");
    private static readonly TableText HelpIntroText = Get("help.intro", "film");

    public static LocalizedText HelpIntro(string film) => HelpIntroText.Format(film);

    public static TableText Commands { get; } = Get("help.commands");
    public static TableText HideSpoilersHelp { get; } = Get("help.hide_spoilers");
    private static readonly TableText MessageCommandHelpText = Get("help.message_command", "name", "help");

    public static LocalizedText MessageCommandHelp(string name, string help) =>
        MessageCommandHelpText.Format(name, help);

    private static readonly TableText ListLast = Get("list.last", "rest", "last");

    private static string Code(string id) => $"`{id}`";

    private static string Bound(double? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "…";

    /// <summary>"a, b or c" in each locale.</summary>
    private static LocalizedText List(IReadOnlyList<string> items) => items.Count == 1
        ? LocalizedText.Same(items[0])
        : ListLast.Format(string.Join(", ", items.Take(items.Count - 1)), items[^1]);

    private static LocalizedText PerLocale(Func<Locale, string> text) =>
        TextTables.Localized([.. Locales.All.Select(text)]);
}
