using System.Globalization;
using MiracleCell.Bot.Rendering.Texts;
using MiracleCell.Core.Films;
using MiracleCell.Core.Text;

namespace MiracleCell.Bot.Rendering;

/// <summary>The texts of trivia nights: channel messages, button acknowledgements, errors, leaderboard and
/// stats.</summary>
internal static partial class Strings
{
    // /trivia start
    private static readonly TableText BotCannotPostHereText = Get("trivia.bot_cannot_post", "permissions");

    public static LocalizedText BotCannotPostHere(string permissions) => BotCannotPostHereText.Format(permissions);

    public static TableText TriviaNeedsServer { get; } = Get("trivia.needs_server");
    private static readonly TableText TriviaAlreadyRunningText = Get("trivia.already_running", "starter");

    public static LocalizedText TriviaAlreadyRunning(string starterMention) =>
        TriviaAlreadyRunningText.Format(starterMention);

    private static readonly TableText NoQuestionsText = Get("trivia.no_questions");
    private static readonly PluralText NotEnoughQuestionsText =
        Plural("trivia.not_enough_questions", "available", "asked");

    public static LocalizedText TriviaNotEnoughQuestions(int available, int asked) => available == 0
        ? NoQuestionsText
        : NotEnoughQuestionsText.For(available).Format(N(available), N(asked));

    private static readonly PluralText StartedForYouText = Plural("trivia.started_for_you", "questions", "seconds");

    public static LocalizedText TriviaStartedForYou(int questions, int seconds) =>
        StartedForYouText.For(questions).Format(N(questions), N(seconds));

    private static readonly TableText NightTitleText = Get("trivia.night_title", "film");

    public static LocalizedText TriviaNightTitle(string film) => NightTitleText.Format(film);

    private static readonly PluralText NightIntroText = Plural("trivia.night_intro", "starter", "questions", "seconds");

    public static LocalizedText TriviaNightIntro(string starterMention, int questions, int seconds) =>
        NightIntroText.For(questions).Format(starterMention, N(questions), N(seconds));

    private static readonly TableText SettingsLineText = Get("trivia.settings_line", "difficulty", "spoilers");
    private static readonly TableText SpoilerFreeQuestions = Get("trivia.settings.spoiler_free");
    private static readonly TableText SpoilersAllowed = Get("trivia.settings.spoilers_allowed");

    public static LocalizedText TriviaSettingsLine(Difficulty? difficulty, bool avoidSpoilers) =>
        SettingsLineText.Format(DifficultyName(difficulty), avoidSpoilers ? SpoilerFreeQuestions : SpoilersAllowed);

    private static readonly TableText Easy = Get("difficulty.easy");
    private static readonly TableText Medium = Get("difficulty.medium");
    private static readonly TableText Hard = Get("difficulty.hard");
    private static readonly TableText Mixed = Get("difficulty.mixed");

    public static LocalizedText DifficultyName(Difficulty? difficulty) => difficulty switch
    {
        Difficulty.Easy => Easy,
        Difficulty.Medium => Medium,
        Difficulty.Hard => Hard,
        _ => Mixed,
    };

    // Questions and reveals
    private static readonly TableText QuestionOfText = Get("trivia.question_of", "number", "count");

    public static LocalizedText QuestionOf(int number, int count) => QuestionOfText.Format(N(number), N(count));

    private static readonly TableText SecondsToAnswerText = Get("trivia.seconds_to_answer", "seconds");

    public static LocalizedText SecondsToAnswer(int seconds) => SecondsToAnswerText.Format(N(seconds));

    private static readonly PluralText AnsweredSoFarText = Plural("trivia.answered_so_far", "count");

    public static LocalizedText AnsweredSoFar(int count) => AnsweredSoFarText.For(count).Format(N(count));

    public static TableText TimesUp { get; } = Get("trivia.times_up");
    public static TableText EveryoneAnsweredEarly { get; } = Get("trivia.everyone_answered");
    public static TableText RightAnswer { get; } = Get("trivia.right_answer");
    public static TableText Why { get; } = Get("trivia.why");
    public static TableText Choices { get; } = Get("trivia.choices");
    public static TableText FastestRight { get; } = Get("trivia.fastest_right");
    public static TableText NobodyRight { get; } = Get("trivia.nobody_right");
    public static TableText Standings { get; } = Get("trivia.standings");
    public static TableText NoPlayersYet { get; } = Get("trivia.no_players_yet");
    private static readonly TableText AndMoreText = Get("trivia.and_more", "count");

    public static LocalizedText AndMore(int count) => AndMoreText.Format(N(count));

    private static readonly TableText PointsLineText = Get("trivia.points_line", "points", "correct", "answers");

    public static LocalizedText PointsLine(int points, int correct, int answers) =>
        PointsLineText.Format(N(points), N(correct), N(answers));

    public static TableText QuestionStopped { get; } = Get("trivia.question_stopped");
    public static TableText QuestionInterrupted { get; } = Get("trivia.question_interrupted");

    // End of the night
    public static TableText TriviaOver { get; } = Get("trivia.over");
    private static readonly TableText StoppedByText = Get("trivia.stopped_by", "user", "asked", "count");

    public static LocalizedText TriviaStoppedBy(string mention, int asked, int count) =>
        StoppedByText.Format(mention, N(asked), N(count));

    public static TableText TriviaEndedEarly { get; } = Get("trivia.ended_early");
    public static TableText FinalTable { get; } = Get("trivia.final_table");
    private static readonly TableText WinnerText = Get("trivia.winner", "user");

    public static LocalizedText WinnerIs(string mention) => WinnerText.Format(mention);

    private static readonly TableText SharedTopText = Get("trivia.shared_top", "users");

    public static LocalizedText SharedTop(string mentions) => SharedTopText.Format(mentions);

    public static TableText TooFewForWinner { get; } = Get("trivia.too_few_for_winner");
    public static TableText NobodyPlayed { get; } = Get("trivia.nobody_played");
    public static TableText TriviaInterrupted { get; } = Get("trivia.interrupted");

    // Button acknowledgements
    private static readonly TableText LockedInText = Get("trivia.locked_in", "letter");

    public static LocalizedText LockedIn(char letter) => LockedInText.Format(letter.ToString());

    private static readonly TableText AlreadyLockedInText = Get("trivia.already_locked_in.letter", "letter");
    private static readonly TableText AlreadyLockedInUnknown = Get("trivia.already_locked_in.unknown");

    public static LocalizedText AlreadyLockedIn(char? letter) => letter is { } l
        ? AlreadyLockedInText.Format(l.ToString())
        : AlreadyLockedInUnknown;

    public static TableText QuestionClosed { get; } = Get("trivia.question_closed");
    public static TableText QuestionNotOpenYet { get; } = Get("trivia.question_not_open_yet");
    public static TableText TriviaGameOver { get; } = Get("trivia.game_over");
    public static TableText TriviaButtonOutdated { get; } = Get("trivia.button_outdated");
    public static TableText AnswerNotSaved { get; } = Get("trivia.answer_not_saved");

    // /trivia stop
    public static TableText NoTriviaHere { get; } = Get("trivia.none_here");
    private static readonly TableText OnlyStarterCanStopText = Get("trivia.only_starter_can_stop", "starter");

    public static LocalizedText OnlyStarterCanStop(string starterMention) =>
        OnlyStarterCanStopText.Format(starterMention);

    public static TableText YouStoppedTrivia { get; } = Get("trivia.you_stopped");

    // /trivia leaderboard and /trivia stats
    private static readonly TableText LeaderboardThisMonth = Get("trivia.leaderboard.this_month");
    private static readonly TableText LeaderboardAllTime = Get("trivia.leaderboard.all_time");

    public static LocalizedText LeaderboardTitle(bool thisMonth) =>
        thisMonth ? LeaderboardThisMonth : LeaderboardAllTime;

    public static TableText LeaderboardEmpty { get; } = Get("trivia.leaderboard.empty");
    private static readonly TableText LeaderboardLineText = Get("trivia.leaderboard.line", "rank", "user", "points");

    public static LocalizedText LeaderboardLine(long rank, string mention, long points) =>
        LeaderboardLineText.Format(N(rank), mention, N(points));

    private static readonly TableText YourRankText = Get("trivia.leaderboard.your_rank", "rank", "points");

    public static LocalizedText YourRank(long rank, long points) => YourRankText.Format(N(rank), N(points));

    public static TableText YouHaveNoPoints { get; } = Get("trivia.leaderboard.no_points");
    public static TableText StatsTitle { get; } = Get("trivia.stats.title");
    private static readonly TableText NeverPlayedText = Get("trivia.stats.never_played", "user");

    public static LocalizedText NeverPlayed(string mention) => NeverPlayedText.Format(mention);

    public static TableText StatPoints { get; } = Get("trivia.stats.points");
    public static TableText StatRank { get; } = Get("trivia.stats.rank");
    public static TableText StatGames { get; } = Get("trivia.stats.games");
    public static TableText StatWins { get; } = Get("trivia.stats.wins");
    public static TableText StatAnswers { get; } = Get("trivia.stats.answers");
    public static TableText StatAccuracy { get; } = Get("trivia.stats.accuracy");
    public static TableText StatBestStreak { get; } = Get("trivia.stats.best_streak");
    private static readonly TableText RightOutOfText =
        Get("trivia.stats.right_out_of", "percent", "correct", "answers");

    public static LocalizedText RightOutOf(int correct, int answers, double accuracy) => RightOutOfText.Format(
        (accuracy * 100).ToString("0.#", CultureInfo.InvariantCulture), N(correct), N(answers));

    private static readonly TableText InARowText = Get("trivia.stats.in_a_row", "count");

    public static LocalizedText InARow(int count) => InARowText.Format(N(count));

    // /trivia-reset
    public static TableText NeedsManageServer { get; } = Get("reset.needs_manage_server");
    private static readonly TableText ConfirmResetMemberText = Get("reset.confirm_member", "user");

    public static LocalizedText ConfirmResetMember(string mention) => ConfirmResetMemberText.Format(mention);

    public static TableText ConfirmResetGuild { get; } = Get("reset.confirm_guild");
    private static readonly TableText ConfirmExpiresText = Get("reset.expires", "minutes");

    public static LocalizedText ConfirmExpires(int minutes) => ConfirmExpiresText.Format(N(minutes));

    public static TableText ResetButton { get; } = Get("reset.button");
    public static TableText CancelButton { get; } = Get("reset.cancel_button");
    public static TableText ResetCancelled { get; } = Get("reset.cancelled");
    private static readonly TableText ResetMemberDoneText = Get("reset.member_done", "user");
    private static readonly TableText ResetMemberHadNoneText = Get("reset.member_had_none", "user");

    public static LocalizedText ResetMemberDone(string mention, bool hadScores) => hadScores
        ? ResetMemberDoneText.Format(mention)
        : ResetMemberHadNoneText.Format(mention);

    private static readonly PluralText ResetGuildDoneText = Plural("reset.guild_done", "members");

    public static LocalizedText ResetGuildDone(int members) => ResetGuildDoneText.For(members).Format(N(members));

    public static TableText OnlyRequesterConfirms { get; } = Get("reset.only_requester");
    public static TableText ResetExpired { get; } = Get("reset.expired");
}
