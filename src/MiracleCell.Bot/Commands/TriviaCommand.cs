using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using MiracleCell.Bot.Clubs;
using MiracleCell.Bot.Interactions;
using MiracleCell.Bot.Rendering;
using MiracleCell.Bot.Trivia;
using MiracleCell.Core.Films;
using MiracleCell.Core.Text;
using MiracleCell.Core.Trivia;
using MiracleCell.Discord.Models;
using MiracleCell.Storage;

namespace MiracleCell.Bot.Commands;

/// <summary>
/// <c>/trivia start|stop|leaderboard|stats</c>. Start and stop answer the caller privately (an error such as "a game
/// is running here" must not be posted for everyone); the channel sees the night through its own messages.
/// Reset is the separate <c>/trivia-reset</c>: Discord applies <c>default_member_permissions</c> to a whole top-level
/// command, so putting it here would hide <c>/trivia start</c> from everyone without Manage Server.
/// </summary>
/// <remarks>The coordinator and store are resolved on first use, so hosts that never run trivia never open the
/// database.</remarks>
internal sealed class TriviaCommand(IServiceProvider services)
    : SlashCommand<TriviaOptions>, IAutocompleteCommand, IDeclaredCommand
{
    public const string Name = "trivia";

    public static IntegerOption Questions { get; } = Define.Integer(
        "questions", "soal", "How many questions (1–30, default 10)", "Berapa soal (1–30, bawaan 10)",
        TriviaSettings.MinQuestionCount, TriviaSettings.MaxQuestionCount);

    public static IntegerOption Seconds { get; } = Define.Integer(
        "seconds", "detik",
        "Seconds to answer each question (10–60, default 20)", "Detik untuk menjawab tiap soal (10–60, bawaan 20)",
        TriviaSettings.MinAnswerSeconds, TriviaSettings.MaxAnswerSeconds);

    public static ChoiceOption<Difficulty> Difficulty { get; } = Define.Choice(
        "difficulty", "tingkat",
        "Only questions of this difficulty (default: a mix)", "Hanya soal dengan tingkat ini (bawaan: campuran)",
        ("easy", "mudah", "easy", Core.Films.Difficulty.Easy),
        ("medium", "sedang", "medium", Core.Films.Difficulty.Medium),
        ("hard", "sulit", "hard", Core.Films.Difficulty.Hard));

    public static ChoiceOption<SpoilerPolicy> Spoilers { get; } = Define.Choice(
        "spoilers", "spoiler",
        "avoid: only spoiler-free questions (default: allow)", "hindari: hanya soal bebas spoiler (bawaan: izinkan)",
        ("allow", "izinkan", "allow", SpoilerPolicy.Allow), ("avoid", "hindari", "avoid", SpoilerPolicy.Avoid));

    public static FlagOption WholeFilm { get; } = Define.Flag(
        "whole-film", "seluruh-film",
        "true: ask about the whole film, past the club's progress", "true: tanya seluruh film, melewati progres klub");

    public static ChoiceOption<LeaderboardPeriod> Period { get; } = Define.Choice(
        "period", "periode", "All time (default) or this month", "Sepanjang masa (bawaan) atau bulan ini",
        ("all time", "sepanjang masa", "all-time", LeaderboardPeriod.AllTime),
        ("this month", "bulan ini", "this-month", LeaderboardPeriod.ThisMonth));

    public static UserOption User { get; } = Define.User(
        "user", "anggota", "Whose stats (default: yours)", "Statistik siapa (bawaan: Anda)");

    public static SubcommandDeclaration Start { get; } = Define.Sub(
        "start", "mulai", "Start a trivia night in this channel", "Mulai malam kuis di kanal ini",
        Questions, Seconds, Difficulty, Spoilers, WholeFilm, FilmOption.Film);

    public static SubcommandDeclaration Stop { get; } = Define.Sub(
        "stop", "berhenti",
        "Stop the trivia night in this channel (starter or Manage Server)",
        "Hentikan malam kuis di kanal ini (pemulai atau Kelola Server)");

    public static SubcommandDeclaration Leaderboard { get; } = Define.Sub(
        "leaderboard", "papan-skor", "This server's top ten and your rank",
        "Sepuluh teratas server ini dan peringkat Anda",
        Period);

    public static SubcommandDeclaration Stats { get; } = Define.Sub(
        "stats", "statistik", "Trivia stats of a member (default: you)",
        "Statistik kuis seorang anggota (bawaan: Anda)",
        User);

    private static readonly SubcommandDeclaration[] Subcommands = [Start, Stop, Leaderboard, Stats];

    public static ApplicationCommand Command { get; } = Define.Slash(
        Name, "kuis",
        "Trivia nights about the film: play, stop, leaderboard and stats",
        "Malam kuis tentang film: main, berhenti, papan skor, dan statistik",
        Subcommands) with
    { Contexts = [InteractionContextType.Guild] };

    public override ApplicationCommand Definition => Command;

    private TriviaCoordinator Coordinator => services.GetRequiredService<TriviaCoordinator>();

    private FilmChooser Films => services.GetRequiredService<FilmChooser>();

    private ITriviaStore Store => services.GetRequiredService<ITriviaStore>();

    public override AcknowledgementMode Acknowledgement => AcknowledgementMode.Deferred;

    public override TriviaOptions Bind(GivenOptions given)
    {
        if (Start.Read(given) is { } start)
        {
            return new TriviaOptions.Start(new TriviaSettings(
                Questions.Read(start) ?? TriviaSettings.DefaultQuestionCount,
                Seconds.Read(start) ?? TriviaSettings.DefaultAnswerSeconds,
                Difficulty.Read(start),
                Spoilers.Read(start) ?? SpoilerPolicy.Allow),
                WholeFilm.Read(start) ?? false,
                FilmOption.Film.Read(start));
        }
        if (Stop.Read(given) is not null) return new TriviaOptions.Stop();
        if (Leaderboard.Read(given) is { } leaderboard)
            return new TriviaOptions.Leaderboard(Period.Read(leaderboard) ?? LeaderboardPeriod.AllTime);
        if (Stats.Read(given) is { } stats) return new TriviaOptions.Stats(User.Read(stats));
        throw new UserErrorException(new UserError(UserErrorKind.BadOption,
            Strings.SubcommandRequired(given.Command, [.. Subcommands.Select(s => s.Names)])));
    }

    protected override bool RepliesEphemerally(TriviaOptions options) =>
        options is TriviaOptions.Start or TriviaOptions.Stop;

    protected override async ValueTask<CommandResult> HandleAsync(
        CommandContext context, TriviaOptions options, CancellationToken cancellationToken)
    {
        var interaction = context.Interaction;
        var locale = context.Locale;
        if (interaction.GuildId is not { } guild || interaction.ChannelId is not { } channel
            || interaction.Invoker is not { } user)
            throw Fail(UserErrorKind.Unusable, Strings.TriviaNeedsServer);
        switch (options)
        {
            case TriviaOptions.Start { Settings: var settings, WholeFilm: var wholeFilm, Film: var typedFilm }:
                if (TriviaPermissions.MissingToRunNight(interaction) is var missing and not Permissions.None)
                    throw Fail(UserErrorKind.MissingPermission,
                        Strings.BotCannotPostHere(string.Join(", ", TriviaPermissions.Names(missing))));
                var film = await Films.ChooseAsync(interaction, typedFilm, cancellationToken);
                // The night is played in the channel: the club's progress decides what it may ask.
                WatchProgress? within = wholeFilm
                    ? null
                    : await services.GetRequiredService<IWatchProgressSource>()
                        .GetAsync(interaction, film.Pack, onlyCaller: false, cancellationToken);
                var started = await Coordinator.StartGameAsync(
                    new TriviaStartRequest(guild, channel, user.Id, settings, locale, within,
                        film.Pack.Film.Id), cancellationToken);
                return started.Status switch
                {
                    TriviaStartStatus.Started =>
                        Private(Strings.TriviaStartedForYou(settings.QuestionCount, settings.AnswerSeconds)[locale]),
                    TriviaStartStatus.ChannelBusy => throw Fail(UserErrorKind.Unusable,
                        Strings.TriviaAlreadyRunning(TriviaMessages.Mention(started.RunningStartedBy))),
                    _ when within is { } progress => throw Fail(UserErrorKind.BadOption,
                        Strings.TriviaNotEnoughWithinProgress(
                        started.Available, settings.QuestionCount, progress, film.Pack.Recap.Count)),
                    _ => throw Fail(UserErrorKind.BadOption,
                        Strings.TriviaNotEnoughQuestions(started.Available, settings.QuestionCount)),
                };
            case TriviaOptions.Stop:
                var stopped = await Coordinator.StopGameAsync(guild, channel, user.Id,
                    TriviaPermissions.CanManageServer(interaction), cancellationToken);
                return stopped.Status switch
                {
                    TriviaStopStatus.Stopped => Private(Strings.YouStoppedTrivia[locale]),
                    TriviaStopStatus.NotAllowed => throw Fail(UserErrorKind.MissingPermission,
                        Strings.OnlyStarterCanStop(TriviaMessages.Mention(stopped.StartedBy))),
                    _ => throw Fail(UserErrorKind.Unusable, Strings.NoTriviaHere),
                };
            case TriviaOptions.Leaderboard { Period: var period }:
                var board = await Store.GetLeaderboardAsync(guild, period, user.Id, cancellationToken);
                return CommandResult.Reply(TriviaMessages.Leaderboard(board, locale));
            case TriviaOptions.Stats { User: var member }:
                var who = member ?? user.Id;
                var stats = await Store.GetStatsAsync(guild, who, cancellationToken);
                return CommandResult.Reply(TriviaMessages.Stats(who, stats, locale));
            default:
                throw new InvalidOperationException($"/{Name} bound options it does not handle: {options}.");
        }
    }

    /// <summary>The only autocompleted option is <c>/trivia start film</c>.</summary>
    public ValueTask<IReadOnlyList<ApplicationCommandOptionChoice>> AutocompleteAsync(
        AutocompleteContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult(context.Focuses(FilmOption.Film)
            ? Films.Choices(context.Typed, context.Locale)
            : (IReadOnlyList<ApplicationCommandOptionChoice>)[]);

    private static CommandResult Private(string content) => CommandResult.Reply(TriviaMessages.Ephemeral(content));

    private static UserErrorException Fail(UserErrorKind kind, LocalizedText message) => new(kind, message);
}

/// <summary>The options of <c>/trivia</c>: one record per subcommand.</summary>
internal abstract record TriviaOptions
{
    private TriviaOptions() { }

    /// <param name="WholeFilm">Ask about the whole film rather than only what the club has watched.</param>
    /// <param name="Film">The film of the library to ask about; null for the server's current film.</param>
    public sealed record Start(TriviaSettings Settings, bool WholeFilm = false, string? Film = null) : TriviaOptions;

    public sealed record Stop : TriviaOptions;

    public sealed record Leaderboard(LeaderboardPeriod Period) : TriviaOptions;

    /// <summary>Whose stats; null for the caller's own.</summary>
    public sealed record Stats(Snowflake? User) : TriviaOptions;
}
