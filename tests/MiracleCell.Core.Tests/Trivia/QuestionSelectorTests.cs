using MiracleCell.Core.Films;
using MiracleCell.Core.Trivia;
using static MiracleCell.Core.Tests.Trivia.TriviaFixtures;

namespace MiracleCell.Core.Tests.Trivia;

public sealed class QuestionSelectorTests
{
    private static readonly TriviaQuestion[] Pool =
    [
        Question("e1", Difficulty.Easy), Question("e2", Difficulty.Easy),
        Question("e3", Difficulty.Easy, SpoilerLevel.Major),
        Question("m1", Difficulty.Medium), Question("m2", Difficulty.Medium, SpoilerLevel.Mild),
        Question("h1", Difficulty.Hard, SpoilerLevel.Major),
    ];

    [Fact]
    public void Select_picks_the_asked_number_without_repeats_and_numbers_them_in_order()
    {
        var selection = new QuestionSelector(new Random(7)).Select(Pool, new TriviaSettings(QuestionCount: 6));

        Assert.True(selection.IsSuccess);
        Assert.Equal(6, selection.Questions.Count);
        Assert.Equal(6, selection.Questions.Select(q => q.Question.Id).Distinct().Count());
        Assert.Equal([0, 1, 2, 3, 4, 5], selection.Questions.Select(q => q.Index));
    }

    [Fact]
    public void Select_keeps_to_the_asked_difficulty()
    {
        var selection = new QuestionSelector(new Random(1))
            .Select(Pool, new TriviaSettings(QuestionCount: 3, Difficulty: Difficulty.Easy));

        Assert.All(selection.Questions, q => Assert.Equal(Difficulty.Easy, q.Question.Difficulty));
    }

    [Fact]
    public void Select_with_spoilers_avoided_keeps_to_spoiler_free_questions()
    {
        var selection = new QuestionSelector(new Random(1))
            .Select(Pool, new TriviaSettings(QuestionCount: 3, Spoilers: SpoilerPolicy.Avoid));

        Assert.True(selection.IsSuccess);
        Assert.Equal(["e1", "e2", "m1"], selection.Questions.Select(q => q.Question.Id).Order());
    }

    [Fact]
    public void Select_says_how_many_questions_are_available_when_the_filter_leaves_too_few()
    {
        var selection = new QuestionSelector().Select(Pool,
            new TriviaSettings(QuestionCount: 5, Difficulty: Difficulty.Easy, Spoilers: SpoilerPolicy.Avoid));

        Assert.False(selection.IsSuccess);
        Assert.Empty(selection.Questions);
        Assert.Equal(2, selection.Available);
        Assert.Contains("Only 2 easy spoiler-free questions available", selection.Error);
        Assert.Contains("5 were asked for", selection.Error);
    }

    [Fact]
    public void Select_explains_an_empty_filter()
    {
        var selection = new QuestionSelector().Select(Pool,
            new TriviaSettings(QuestionCount: 1, Difficulty: Difficulty.Hard, Spoilers: SpoilerPolicy.Avoid));

        Assert.Equal(0, selection.Available);
        Assert.Contains("no hard spoiler-free questions", selection.Error);
    }

    [Fact]
    public void Select_shuffles_options_and_remembers_which_button_is_right()
    {
        var selection = new QuestionSelector(new Random(3)).Select(Pool, new TriviaSettings(QuestionCount: 6));

        foreach (var q in selection.Questions)
        {
            Assert.Equal([0, 1, 2, 3], q.OptionOrder.Order());
            Assert.Equal(q.Question.Answer, q.OptionText(q.Correct));
        }
        // Six shuffles of four options: not all of them leave the right answer on A.
        Assert.Contains(selection.Questions, q => q.Correct != AnswerChoice.A);
    }

    [Fact]
    public void Select_with_the_same_seed_gives_the_same_game()
    {
        var first = new QuestionSelector(new Random(42)).Select(Pool, new TriviaSettings(QuestionCount: 4));
        var second = new QuestionSelector(new Random(42)).Select(Pool, new TriviaSettings(QuestionCount: 4));

        Assert.Equal(first.Questions.Select(q => q.Question.Id + q.OptionOrderCode),
            second.Questions.Select(q => q.Question.Id + q.OptionOrderCode));
    }

    [Fact]
    public void Settings_out_of_range_are_explained()
    {
        var problems = new TriviaSettings(QuestionCount: 31, AnswerSeconds: 5).Validate();

        Assert.Equal(2, problems.Count);
        Assert.Contains(problems, p => p.Contains("questions must be between 1 and 30", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("seconds must be between 10 and 60", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("A", AnswerChoice.A)]
    [InlineData("d", AnswerChoice.D)]
    public void Button_letters_parse(string text, AnswerChoice expected)
    {
        Assert.True(AnswerChoices.TryParse(text, out var choice));
        Assert.Equal(expected, choice);
    }

    [Theory]
    [InlineData("E")]
    [InlineData("")]
    [InlineData("AB")]
    [InlineData(null)]
    public void Unknown_button_letters_do_not_parse(string? text) => Assert.False(AnswerChoices.TryParse(text, out _));
}
