using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace MiracleCell.Core.Films.Loading;

/// <summary>One YAML file of a pack: parses it and records problems against its name and a line.</summary>
internal sealed class PackFile(string name, List<ContentProblem> problems)
{
    public string Name { get; } = name;

    public void Report(YamlNode node, string message) => Report(NodeText.LineOf(node), message);

    public void Report(int line, string message) => problems.Add(new ContentProblem(Name, line, message));

    /// <summary>The file's top-level mapping, or null (with a problem recorded) when it cannot be read.</summary>
    public YamlMappingNode? ReadRoot(string folder)
    {
        var path = Path.Combine(folder, Name);
        if (Directory.Exists(path))
        {
            Report(0, $"{Path.GetFullPath(path)} is a folder, not a file: replace it with the file {Name} "
                + "(see docs/content-pack-format.md)");
            return null;
        }
        if (!File.Exists(path))
        {
            Report(0, $"the file is missing: create {Name} in {Path.GetFullPath(folder)} (see "
                + "docs/content-pack-format.md)");
            return null;
        }

        var stream = new YamlStream();
        using (var reader = new StreamReader(path))
        {
            var scanner = new Scanner(reader);
            try
            {
                stream.Load(new Parser(scanner));
            }
            catch (YamlException ex)
            {
                Report((int)Math.Min(ex.Start.Line, int.MaxValue), "YAML syntax error: "
                    + $"{PlainMessage(ex)}; {SyntaxHint}");
                return null;
            }
            catch (InvalidOperationException)
            {
                // The scanner gives up without a YamlException on some malformed input (an unclosed '{', for one).
                Report((int)Math.Min(scanner.CurrentPosition.Line, int.MaxValue), "YAML syntax error: the file cannot "
                    + $"be read from here on (an unclosed {{ or [ or quote before this line is the usual "
                    + $"cause); {SyntaxHint}");
                return null;
            }
        }

        if (stream.Documents.Count == 0)
        {
            Report(0, "the file is empty: write its content as described in docs/content-pack-format.md");
            return null;
        }
        if (stream.Documents.Count > 1)
            Report(stream.Documents[1].RootNode, "the file holds a second YAML document (after '---'): keep "
                + "everything in one document");

        var root = stream.Documents[0].RootNode;
        if (root is YamlMappingNode mapping) return mapping;
        Report(root, $"the file should hold a mapping of keys (e.g. '{TopKeyHint}: ...'), but holds "
            + $"{NodeText.Describe(root)}");
        return null;
    }

    private const string SyntaxHint = "check the indentation, quotes and the ':' after each key on or "
        + "just before this line";

    private string TopKeyHint => Name switch
    {
        "film.yaml" => "id",
        "characters.yaml" => "characters",
        "cast.yaml" => "cast",
        "recap.yaml" => "parts",
        "trivia.yaml" => "questions",
        _ => "key",
    };

    // YamlDotNet prefixes its messages with "(Line: .., Col: .., Idx: ..) - (...): "; the line is reported separately.
    private static string PlainMessage(YamlException ex)
    {
        var message = ex.InnerException is YamlException inner ? inner.Message : ex.Message;
        var marker = message.IndexOf("): ", StringComparison.Ordinal);
        return (
            marker >= 0 && message.StartsWith("(Line", StringComparison.Ordinal) ? message[(marker + 3)..] : message)
            .TrimEnd('.');
    }
}
