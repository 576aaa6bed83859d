using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
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
/// <remarks>The coordinator and store are resolved on first use, so hosts that never run trivia never open the database.</remarks>
public sealed class TriviaCommand(IServiceProvider services) : IApplicationCommand
{
    public const string Name = "trivia";

    public static ApplicationCommand Command { get; } = Define.Slash(
        Name, "kuis",
        "Trivia nights about the film: play, stop, leaderboard and stats",
        "Malam kuis tentang film: main, berhenti, papan skor, dan statistik",
        Sub("start", "mulai", "Start a trivia night in this channel", "Mulai malam kuis di kanal ini",
            Number("questions", "soal", "How many questions (1–30, default 10)", "Berapa soal (1–30, bawaan 10)", TriviaSettings.MinQuestionCount, TriviaSettings.MaxQuestionCount),
            Number("seconds", "detik", "Seconds to answer each question (10–60, default 20)", "Detik untuk menjawab tiap soal (10–60, bawaan 20)", TriviaSettings.MinAnswerSeconds, TriviaSettings.MaxAnswerSeconds),
            Pick("difficulty", "tingkat", "Only questions of this difficulty (default: a mix)", "Hanya soal dengan tingkat ini (bawaan: campuran)",
                ("easy", "mudah", "easy"), ("medium", "sedang", "medium"), ("hard", "sulit", "hard")),
            Pick("spoilers", "spoiler", "avoid: only spoiler-free questions (default: allow)", "avoid: hanya soal bebas spoiler (bawaan: allow)",
                ("allow", "izinkan", "allow"), ("avoid", "hindari", "avoid"))),
        Sub("stop", "berhenti", "Stop the trivia night in this channel (starter or Manage Server)", "Hentikan malam kuis di kanal ini (pemulai atau Kelola Server)"),
        Sub("leaderboard", "papan-skor", "This server's top ten and your rank", "Sepuluh teratas server ini dan peringkat Anda",
            Pick("period", "periode", "All time (default) or this month", "Sepanjang masa (bawaan) atau bulan ini",
                ("all time", "sepanjang masa", "all-time"), ("this month", "bulan ini", "this-month"))),
        Sub("stats", "statistik", "Trivia stats of a member (default: you)", "Statistik kuis seorang anggota (bawaan: Anda)",
            new ApplicationCommandOption
            {
                Type = ApplicationCommandOptionType.User,
                Name = "user",
                NameLocalizations = Define.Id("anggota"),
                Description = "Whose stats (default: yours)",
                DescriptionLocalizations = Define.Id("Statistik siapa (bawaan: Anda)"),
            })) with
    { Contexts = [InteractionContextType.Guild] };

    public ApplicationCommand Definition => Command;

    private TriviaCoordinator Coordinator => services.GetRequiredService<TriviaCoordinator>();

    private ITriviaStore Store => services.GetRequiredService<ITriviaStore>();

    public AcknowledgementMode Acknowledgement => AcknowledgementMode.Deferred;

    public bool RepliesEphemerally(CommandOptions options) => !options.Has("leaderboard") && !options.Has("stats");

    public async ValueTask<CommandResult> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var interaction = context.Interaction;
        var locale = context.Locale;
        if (interaction.GuildId is not { } guild || interaction.ChannelId is not { } channel || interaction.Invoker is not { } user)
            return Fail(UserErrorKind.Unusable, Strings.TriviaNeedsServer);
        var sub = interaction.Data?.Options?.FirstOrDefault(o => o.Type == ApplicationCommandOptionType.SubCommand)
            ?? throw new UserErrorException(new UserError(UserErrorKind.BadOption, Strings.SubcommandRequired(LocalizedNames.Text(Command), [.. Command.Options!.Select(LocalizedNames.Text)])));
        var options = SubOptions(sub);
        switch (sub.Name)
        {
            case "start":
                if (TriviaPermissions.MissingToRunNight(interaction) is var missing and not Permissions.None)
                    return Fail(UserErrorKind.MissingPermission, Strings.BotCannotPostHere(string.Join(", ", TriviaPermissions.Names(missing))));
                var settings = new TriviaSettings(
                    (int)(options.GetInteger("questions") ?? TriviaSettings.DefaultQuestionCount),
                    (int)(options.GetInteger("seconds") ?? TriviaSettings.DefaultAnswerSeconds),
                    options.GetString("difficulty") is { } d ? ParseDifficulty(d) : null,
                    OneOf(options, "spoilers", "allow", "avoid") == "avoid" ? SpoilerPolicy.Avoid : SpoilerPolicy.Allow);
                var started = await Coordinator.StartGameAsync(new TriviaStartRequest(guild.Value, channel.Value, user.Id.Value, settings, locale), cancellationToken);
                return started.Status switch
                {
                    TriviaStartStatus.Started => Private(Strings.TriviaStartedForYou(settings.QuestionCount, settings.AnswerSeconds)[locale]),
                    TriviaStartStatus.ChannelBusy => Fail(UserErrorKind.Unusable, Strings.TriviaAlreadyRunning(TriviaMessages.Mention(started.RunningStartedBy))),
                    _ => Fail(UserErrorKind.BadOption, Strings.TriviaNotEnoughQuestions(started.Available, settings.QuestionCount)),
                };
            case "stop":
                var stopped = await Coordinator.StopGameAsync(guild.Value, channel.Value, user.Id.Value, TriviaPermissions.CanManageServer(interaction), cancellationToken);
                return stopped.Status switch
                {
                    TriviaStopStatus.Stopped => Private(Strings.YouStoppedTrivia[locale]),
                    TriviaStopStatus.NotAllowed => Fail(UserErrorKind.MissingPermission, Strings.OnlyStarterCanStop(TriviaMessages.Mention(stopped.StartedBy))),
                    _ => Fail(UserErrorKind.Unusable, Strings.NoTriviaHere),
                };
            case "leaderboard":
                var period = OneOf(options, "period", "all-time", "this-month") == "this-month" ? LeaderboardPeriod.ThisMonth : LeaderboardPeriod.AllTime;
                var board = await Store.GetLeaderboardAsync(guild.Value, period, user.Id.Value, cancellationToken);
                return CommandResult.Reply(TriviaMessages.Leaderboard(board, locale));
            case "stats":
                var who = options.GetString("user") is { } typed ? ParseUser(typed, LocalizedNames.Text(LocalizedNames.Option(Command, "user"))) : user.Id.Value;
                var stats = await Store.GetStatsAsync(guild.Value, who, cancellationToken);
                return CommandResult.Reply(TriviaMessages.Stats(who, stats, locale));
            default:
                return Fail(UserErrorKind.UnknownCommand, Strings.UnknownCommand($"{Name} {sub.Name}"));
        }
    }

    /// <summary>Reads a user option: a snowflake as Discord sends it, or an @mention as typed on the console.</summary>
    internal static ulong ParseUser(string text, LocalizedText option)
    {
        var trimmed = text.Trim();
        if (trimmed.StartsWith("<@", StringComparison.Ordinal) && trimmed.EndsWith('>')) trimmed = trimmed[2..^1].TrimStart('!');
        return ulong.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0
            ? id
            : throw new UserErrorException(new UserError(UserErrorKind.BadOption, Strings.NotAUser(option)));
    }

    private static CommandOptions SubOptions(InteractionDataOption sub)
    {
        var declared = Command.Options!.FirstOrDefault(o => o.Name == sub.Name);
        var definition = new ApplicationCommand
        {
            Name = $"{Name} {sub.Name}",
            NameLocalizations = declared is null ? null : Define.Id(
                $"{LocalizedNames.Of(Command, Locale.Indonesian)} {LocalizedNames.Of(declared, Locale.Indonesian)}"),
            Description = "",
            Options = declared?.Options ?? [],
        };
        return new CommandOptions(definition, sub.Options);
    }

    private static Difficulty ParseDifficulty(string text) => text switch
    {
        "easy" => Difficulty.Easy,
        "medium" => Difficulty.Medium,
        "hard" => Difficulty.Hard,
        _ => throw new UserErrorException(new UserError(UserErrorKind.BadOption, Strings.OptionMustBeOneOf(OptionName("difficulty"), ["easy", "medium", "hard"]))),
    };

    private static string? OneOf(CommandOptions options, string name, params string[] allowed)
    {
        var value = options.GetString(name);
        if (value is null || allowed.Contains(value, StringComparer.Ordinal)) return value;
        throw new UserErrorException(new UserError(UserErrorKind.BadOption, Strings.OptionMustBeOneOf(OptionName(name), allowed)));
    }

    private static LocalizedText OptionName(string declaredName) =>
        LocalizedNames.Text(LocalizedNames.Option(Command, declaredName));

    private static CommandResult Private(string content) => CommandResult.Reply(TriviaMessages.Ephemeral(content));

    private static CommandResult Fail(UserErrorKind kind, Core.Text.LocalizedText message) => CommandResult.Fail(new UserError(kind, message));

    private static ApplicationCommandOption Sub(string name, string idName, string description, string idDescription, params IReadOnlyList<ApplicationCommandOption> options) => new()
    {
        Type = ApplicationCommandOptionType.SubCommand,
        Name = name,
        NameLocalizations = Define.Id(idName),
        Description = description,
        DescriptionLocalizations = Define.Id(idDescription),
        Options = options.Count > 0 ? options : null,
    };

    private static ApplicationCommandOption Number(string name, string idName, string description, string idDescription, int min, int max) => new()
    {
        Type = ApplicationCommandOptionType.Integer,
        Name = name,
        NameLocalizations = Define.Id(idName),
        Description = description,
        DescriptionLocalizations = Define.Id(idDescription),
        MinValue = min,
        MaxValue = max,
    };

    private static ApplicationCommandOption Pick(string name, string idName, string description, string idDescription, params (string Label, string IdLabel, string Value)[] choices) => new()
    {
        Type = ApplicationCommandOptionType.String,
        Name = name,
        NameLocalizations = Define.Id(idName),
        Description = description,
        DescriptionLocalizations = Define.Id(idDescription),
        Choices = [.. choices.Select(c => ApplicationCommandOptionChoice.Of(c.Label, c.Value) with { NameLocalizations = Define.Id(c.IdLabel) })],
    };
}
