using MiracleCell.Core.Films;
using MiracleCell.Core.Text;

namespace MiracleCell.Core.Trivia;

/// <summary>
/// A question as asked in one game: its four options in the shuffled order shown on the buttons.
/// </summary>
/// <param name="OptionOrder">
/// For each button A–D, which option of the question it shows: 0 is the right answer, 1–3 are
/// <see cref="TriviaQuestion.WrongAnswers"/>[0..2]. Stored with the game so a restart can tell what was asked.
/// </param>
public sealed record GameQuestion(int Index, TriviaQuestion Question, IReadOnlyList<int> OptionOrder)
{
    /// <summary>The button that shows the right answer.</summary>
    public AnswerChoice Correct => (AnswerChoice)OptionOrder.ToList().IndexOf(0);

    /// <summary>The option texts in button order A–D.</summary>
    public IReadOnlyList<LocalizedText> Options =>
        [.. OptionOrder.Select(o => o == 0 ? Question.Answer : Question.WrongAnswers[o - 1])];

    /// <summary>The option order as four digits, e.g. "2013": compact for storage.</summary>
    public string OptionOrderCode => string.Concat(OptionOrder);

    /// <summary>The question as asked, rebuilt from its stored <see cref="OptionOrderCode"/>.</summary>
    public static GameQuestion FromCode(int index, TriviaQuestion question, string optionOrderCode)
    {
        ArgumentNullException.ThrowIfNull(optionOrderCode);
        return new GameQuestion(index, question, [.. optionOrderCode.Select(digit => digit - '0')]);
    }

    public LocalizedText OptionText(AnswerChoice choice) => Options[(int)choice];
}
