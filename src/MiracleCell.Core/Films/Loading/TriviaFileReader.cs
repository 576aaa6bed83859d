using MiracleCell.Core.Text;
using YamlDotNet.RepresentationModel;

namespace MiracleCell.Core.Films.Loading;

/// <summary>Reads trivia.yaml: multiple-choice questions with exactly three distinct wrong answers.</summary>
internal sealed class TriviaFileReader(PackFile file, PackReferences references)
{
    public const string FileName = "trivia.yaml";
    private const int WrongAnswerCount = 3;
    private static readonly LocalizedText Missing = new("", "");

    public List<TriviaQuestion> Read(YamlMappingNode root)
    {
        var questions = new List<TriviaQuestion>();
        var registry = new IdRegistry("question");
        var nodes = MappingReader.Open(file, root, FileName, "questions")!.List("questions", required: true);
        for (var i = 0; i < nodes.Count; i++)
        {
            if (ReadQuestion(nodes[i], i, registry) is { } question) questions.Add(question);
        }
        return questions;
    }

    private TriviaQuestion? ReadQuestion(YamlNode node, int index, IdRegistry registry)
    {
        var question = MappingReader.Open(file, node, $"question {index + 1}",
            "id", "category", "difficulty", "spoiler", "question", "answer", "wrong", "explanation", "sources",
            "reveals");
        if (question is null) return null;

        var id = question.Id(registry);
        if (id is not null) question.NameOwner($"question '{id}'");
        var category = question.Enum("category", PackVocabulary.Categories);
        var difficulty = question.Enum("difficulty", PackVocabulary.Difficulties);
        var spoiler = question.Enum("spoiler", PackVocabulary.Spoilers);
        var text = question.Localized("question", limit: TextLimit.Question);
        var answer = question.Localized("answer", limit: TextLimit.AnswerLabel);
        var wrong = ReadWrongAnswers(question, answer);
        var explanation = question.Localized("explanation", limit: TextLimit.FieldValue);
        var sources = question.Sources(references);
        var reveals = spoiler is { } level ? question.Reveals(references, level) : null;
        if (spoiler == SpoilerLevel.None)
        {
            question.SpoilerFree(references, "question", text);
            question.SpoilerFree(references, "answer", answer);
            question.SpoilerFree(references, "explanation", explanation);
            var wrongNodes = question.Value("wrong", required: false) is YamlSequenceNode list ? list.Children : [];
            for (var i = 0; i < Math.Min(wrongNodes.Count, wrong.Count); i++)
                question.SpoilerFree(references, wrongNodes[i], wrong[i], $"wrong answer {i + 1}");
        }
        return new TriviaQuestion(id ?? "", category ?? default, difficulty ?? default, spoiler ?? default,
            text ?? Missing, answer ?? Missing, wrong, explanation ?? Missing, sources, reveals);
    }

    private List<LocalizedText> ReadWrongAnswers(MappingReader question, LocalizedText? answer)
    {
        var wrong = new List<LocalizedText>();
        var numbers = new List<int>();
        var nodes = question.List("wrong", required: true);
        if (question.Has("wrong") && question.Value("wrong", false) is YamlSequenceNode
            && nodes.Count != WrongAnswerCount)
            question.Report("wrong", $"{question.Owner} has {nodes.Count} wrong answers, but a question needs exactly "
                + $"{WrongAnswerCount}: {(nodes.Count < WrongAnswerCount ? "add" : "remove")} "
                + $"{Math.Abs(nodes.Count - WrongAnswerCount)}");

        for (var i = 0; i < nodes.Count; i++)
        {
            var label = $"wrong answer {i + 1}";
            if (question.Localized(nodes[i], label, TextLimit.AnswerLabel) is not { } candidate) continue;
            if (answer is not null && SameIn(candidate, answer) is { } language)
                file.Report(nodes[i], $"{question.Owner}: {label} ('{candidate[language]}') is the same as the answer "
                    + $"({language.Code()}): write a different wrong answer");
            for (var j = 0; j < wrong.Count; j++)
            {
                if (SameIn(candidate, wrong[j]) is { } repeated)
                    file.Report(nodes[i], $"{question.Owner}: {label} ('{candidate[repeated]}') is the same as wrong "
                        + $"answer {numbers[j]} ({repeated.Code()}): make the wrong answers differ from each other");
            }
            wrong.Add(candidate);
            numbers.Add(i + 1);
        }
        return wrong;
    }

    /// <summary>The first language in which two texts read the same, ignoring case and whitespace.</summary>
    private static Locale? SameIn(LocalizedText a, LocalizedText b)
    {
        foreach (var locale in Locales.All)
        {
            if (Compact(a[locale]).Equals(Compact(b[locale]), StringComparison.Ordinal)) return locale;
        }
        return null;
    }

    private static string Compact(string text) =>
        string.Concat(text.Where(c => !char.IsWhiteSpace(c))).ToLowerInvariant();
}
