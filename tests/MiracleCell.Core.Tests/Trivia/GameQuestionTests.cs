using MiracleCell.Core.Trivia;
using static MiracleCell.Core.Tests.Trivia.TriviaFixtures;

namespace MiracleCell.Core.Tests.Trivia;

public sealed class GameQuestionTests
{
    [Fact]
    public void A_question_rebuilt_from_its_stored_option_order_shows_the_same_buttons()
    {
        var asked = new GameQuestion(3, Question("q"), [2, 0, 1, 3]);

        var rebuilt = GameQuestion.FromCode(3, asked.Question, asked.OptionOrderCode);

        Assert.Equal("2013", asked.OptionOrderCode);
        Assert.Equal(asked.OptionOrder, rebuilt.OptionOrder);
        Assert.Equal(AnswerChoice.B, rebuilt.Correct);
    }
}
