using System.Globalization;
using System.Text;
using MiracleCell.Bot.Rendering;
using MiracleCell.Core.Films;
using MiracleCell.Core.Text;
using MiracleCell.Core.Trivia;
using MiracleCell.Discord.Models;
using MiracleCell.Storage;

namespace MiracleCell.Bot.Trivia;

/// <summary>
/// Every trivia message: the start notice, questions with their A–D buttons, reveals, the final table, and the
/// leaderboard and stats replies. Pack text is escaped; players appear as mentions, which never ping
/// (<c>allowed_mentions</c> is empty on every message).
/// </summary>
internal static class TriviaMessages
{
    public const int Color = 0xF5A623;
    public const int RevealColor = 0x43B581;
    public const int StandingsShown = 10;
    public const int FinalTableShown = 25;

    public static MessagePayload Start(string filmTitle, Snowflake startedBy, TriviaSettings settings, Locale locale) =>
        Message(new Embed
    {
        Title = Fit(Strings.TriviaNightTitle(Markdown.Escape(filmTitle))[locale], MessageLimits.EmbedTitle),
        Description = Strings.TriviaNightIntro(Mention(startedBy), settings.QuestionCount, settings.AnswerSeconds)[
            locale],
        Footer = new EmbedFooter { Text = Strings.TriviaSettingsLine(settings.Difficulty,
            settings.Spoilers == SpoilerPolicy.Avoid)[locale] },
        Color = Color,
    });

    /// <summary>An open question with its four answer buttons.</summary>
    public static MessagePayload Question(long gameId, GameQuestion question, int questionCount,
        TriviaSettings settings, int answered, Locale locale) =>
        Message(QuestionEmbed(question, questionCount, locale) with
        {
            Fields = [.. OptionFields(question, locale)],
            Footer = new EmbedFooter { Text = $"{Strings.SecondsToAnswer(settings.AnswerSeconds)[locale]} · "
                + $"{Strings.AnsweredSoFar(answered)[locale]}" },
        }, AnswerButtons(gameId, question, locale, revealed: null));

    /// <summary>The question after its reveal: the right answer (spoiler-tagged for spoiler questions), why, the
    /// counts, and the standings.</summary>
    public static MessagePayload Reveal(long gameId, QuestionReveal reveal, int questionCount, Locale locale)
    {
        var question = reveal.Question;
        var spoiler = question.Question.Spoiler != SpoilerLevel.None;
        string Hide(string safe) => spoiler ? Markdown.Spoiler(safe) : safe;
        var right =
            $"**{question.Correct.Letter()}.** {Markdown.Escape(question.OptionText(question.Correct)[locale])}";
        var counts = string.Join(" · ",
            AnswerChoices.All.Select(c => $"{c.Letter()}: {N(reveal.ChoiceCounts[(int)c])}"));
        var fastest = reveal.CorrectAnswers.Count == 0
            ? Strings.NobodyRight[locale]
            : Lines(reveal.CorrectAnswers.Take(StandingsShown).Select(a => $"{Mention(a.UserId)} +{N(a.Points)}"),
                reveal.CorrectAnswers.Count, StandingsShown, locale);
        var fields = new List<EmbedField>(OptionFields(question, locale))
        {
            Field(Strings.RightAnswer[locale], Hide(right)),
            Field(Strings.Why[locale], Hide(Markdown.Escape(question.Question.Explanation[locale]))),
            Field(Strings.Choices[locale], counts),
            Field(Strings.FastestRight[locale], fastest),
            Field(Strings.Standings[locale], StandingsText(reveal.Standings, StandingsShown, locale)),
        };
        var embed = QuestionEmbed(question, questionCount, locale) with
        {
            Fields = fields,
            Footer = new EmbedFooter
            {
                Text = (reveal.RevealedEarly ? Strings.EveryoneAnsweredEarly : Strings.TimesUp)[locale]
            },
            Color = RevealColor,
        };
        return Message(embed,
            AnswerButtons(gameId, question, locale, revealed: spoiler ? AnswerChoiceHidden : question.Correct));
    }

    /// <summary>An open question whose night was stopped: buttons disabled, no answer revealed.</summary>
    public static MessagePayload QuestionStopped(long gameId, GameQuestion question, int questionCount, int answered,
        Locale locale) =>
        QuestionClosedUnrevealed(gameId, question, questionCount, answered, Strings.QuestionStopped, locale);

    /// <summary>An open question whose night a restart cut short, closed at the next start: buttons disabled, no answer
    /// revealed.</summary>
    public static MessagePayload QuestionInterrupted(long gameId, GameQuestion question, int questionCount,
        int answered, Locale locale) =>
        QuestionClosedUnrevealed(gameId, question, questionCount, answered, Strings.QuestionInterrupted, locale);

    private static MessagePayload QuestionClosedUnrevealed(long gameId, GameQuestion question, int questionCount,
        int answered, LocalizedText why, Locale locale) =>
        Message(QuestionEmbed(question, questionCount, locale) with
        {
            Fields = [.. OptionFields(question, locale)],
            Footer = new EmbedFooter { Text = $"{why[locale]} · {Strings.AnsweredSoFar(answered)[locale]}" },
        }, AnswerButtons(gameId, question, locale, revealed: AnswerChoiceHidden));

    /// <summary>The end of the night: why it ended, the final table and the winner (or why there is none).</summary>
    public static MessagePayload Final(GameResult result, int questionCount, Snowflake? stoppedBy, bool endedEarly,
        Locale locale)
    {
        var lines = new List<string>();
        if (stoppedBy is { } by)
            lines.Add(Strings.TriviaStoppedBy(Mention(by), result.QuestionsAsked, questionCount)[locale]);
        else if (endedEarly) lines.Add(Strings.TriviaEndedEarly[locale]);
        if (result.Standings.Count == 0) lines.Add(Strings.NobodyPlayed[locale]);
        else if (!result.HasEnoughPlayers) lines.Add(Strings.TooFewForWinner[locale]);
        else if (result.WinnerId is { } winner) lines.Add(Strings.WinnerIs(Mention(winner))[locale]);
        else lines.Add(
            Strings.SharedTop(
                Lines(result.Leaders.Take(StandingsShown).Select(Mention), result.Leaders.Count, StandingsShown, locale)
                .Replace("\n", ", ", StringComparison.Ordinal))[locale]);

        var fields = result.Standings.Count == 0
            ? null
            : new[] { Field(Strings.FinalTable[locale], StandingsText(result.Standings, FinalTableShown, locale)) };
        return Message(new Embed
        {
            Title = Strings.TriviaOver[locale],
            Description = string.Join("\n", lines),
            Fields = fields,
            Color = Color,
        });
    }

    /// <summary>
    /// Posted to a channel whose game a restart cut short: in the game's language, or in every one for a game recorded
    /// before the store kept it.
    /// </summary>
    public static MessagePayload Interrupted(Locale? locale) => new()
    {
        Content = locale is { } known
            ? Strings.TriviaInterrupted[known]
            : string.Join('\n', Locales.All.Select(each => Strings.TriviaInterrupted[each])),
        AllowedMentions = AllowedMentions.None,
    };

    public static MessagePayload Leaderboard(Leaderboard board, Locale locale)
    {
        var lines = board.Top.Select(e => Strings.LeaderboardLine(e.Rank, Mention(e.UserId), e.Points)[locale])
            .ToList();
        var description = lines.Count == 0 ? Strings.LeaderboardEmpty[locale] : string.Join("\n", lines);
        var you = board.Caller is { } caller
            ? Strings.YourRank(caller.Rank, caller.Points)[locale]
            : Strings.YouHaveNoPoints[locale];
        return Message(new Embed
        {
            Title = Strings.LeaderboardTitle(board.Period == LeaderboardPeriod.ThisMonth)[locale],
            Description = description,
            Footer = new EmbedFooter { Text = you },
            Color = Color,
        });
    }

    public static MessagePayload Stats(Snowflake userId, PlayerStats? stats, Locale locale)
    {
        if (stats is null)
            return Message(
                new Embed { Title = Strings.StatsTitle[locale],
                    Description = Strings.NeverPlayed(Mention(userId))[locale], Color = Color });
        return Message(new Embed
        {
            Title = Strings.StatsTitle[locale],
            Description = Mention(userId),
            Fields =
            [
                Field(Strings.StatPoints[locale], N(stats.Points), inline: true),
                Field(Strings.StatRank[locale], $"#{N(stats.Rank)}", inline: true),
                Field(Strings.StatGames[locale], N(stats.Games), inline: true),
                Field(Strings.StatWins[locale], N(stats.Wins), inline: true),
                Field(Strings.StatAnswers[locale], N(stats.Answers), inline: true),
                Field(Strings.StatAccuracy[locale],
                    Strings.RightOutOf(stats.CorrectAnswers, stats.Answers, stats.Accuracy)[locale], inline: true),
                Field(Strings.StatBestStreak[locale], Strings.InARow(stats.BestStreak)[locale], inline: true),
            ],
            Color = Color,
        });
    }

    /// <summary>An ephemeral reply to the one who clicked or typed.</summary>
    public static MessagePayload Ephemeral(string content) => new()
    {
        Content = content,
        AllowedMentions = AllowedMentions.None,
        Flags = MessageFlags.Ephemeral,
    };

    public static string Mention(Snowflake userId) => $"<@{userId}>";

    public static string StandingsText(IReadOnlyList<Standing> standings, int shown, Locale locale)
    {
        if (standings.Count == 0) return Strings.NoPlayersYet[locale];
        return Lines(standings.Take(shown).Select(s =>
            $"**{N(s.Rank)}.** {Mention(s.UserId)}: "
                + $"{Strings.PointsLine(s.Points, s.CorrectAnswers, s.Answers)[locale]}"), standings.Count, shown,
                locale);
    }

    // Marks "no button is the right one to show": spoiler questions and stopped questions highlight nothing.
    private const AnswerChoice AnswerChoiceHidden = (AnswerChoice)(-1);

    private static Embed QuestionEmbed(GameQuestion question, int questionCount, Locale locale) => new()
    {
        Author = new EmbedAuthor { Name = $"{Strings.QuestionOf(question.Index + 1, questionCount)[locale]} · "
            + $"{Strings.DifficultyName(question.Question.Difficulty)[locale]}" },
        Description = $"**{Markdown.Escape(question.Question.Question[locale])}**",
        Color = Color,
    };

    private static IEnumerable<EmbedField> OptionFields(GameQuestion question, Locale locale)
    {
        var text = new StringBuilder();
        foreach (var choice in AnswerChoices.All)
            text.Append(CultureInfo.InvariantCulture, $"**{choice.Letter()}.** "
                + $"{Markdown.Escape(question.OptionText(choice)[locale])}\n");
        yield return Field("A–D", text.ToString().TrimEnd());
    }

    /// <param name="revealed">Null while the question is open (buttons live); otherwise buttons are disabled and this
    /// one is green.</param>
    private static Component AnswerButtons(long gameId, GameQuestion question, Locale locale, AnswerChoice? revealed) =>
        Component.ActionRow([.. AnswerChoices.All.Select(choice => Component.Button(
            Fit($"{choice.Letter()} · {question.OptionText(choice)[locale]}", MessageLimits.ButtonLabel),
            new AnswerButtonId(gameId, question.Index, choice).ToString(),
            revealed == choice ? ButtonStyle.Success : ButtonStyle.Primary,
            disabled: revealed is not null))]);

    private static string Lines(IEnumerable<string> lines, int total, int shown, Locale locale)
    {
        var text = string.Join("\n", lines);
        if (total > shown) text += "\n" + Strings.AndMore(total - shown)[locale];
        return Fit(text, MessageLimits.FieldValue);
    }

    private static EmbedField Field(string name, string value, bool inline = false) =>
        new() { Name = Fit(name, MessageLimits.FieldName), Value = Fit(value, MessageLimits.FieldValue),
            Inline = inline ? true : null };

    private static string Fit(string text, int limit) => ReplyRenderer.Fit(text, limit);

    private static MessagePayload Message(Embed embed, params Component[] components) => new()
    {
        Embeds = [embed],
        Components = components.Length == 0 ? null : components,
        AllowedMentions = AllowedMentions.None,
    };

    private static string N(long value) => value.ToString(CultureInfo.InvariantCulture);
}
