using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace MiracleCell.Core.Films.Loading;

internal static class NodeText
{
    /// <summary>The 1-based line a node starts on.</summary>
    public static int LineOf(YamlNode node) => (int)Math.Min(node.Start.Line, int.MaxValue);

    /// <summary>A null, "~" or empty plain scalar: a key written with no value.</summary>
    public static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any } scalar
        && (scalar.Value is null or "" or "~" or "null" or "Null" or "NULL");

    /// <summary>How a node reads to a pack author: "a list", "a mapping", "the text 'abc'".</summary>
    public static string Describe(YamlNode node) => node switch
    {
        YamlSequenceNode => "a list",
        YamlMappingNode => "a mapping of keys",
        YamlScalarNode scalar when IsNull(scalar) => "nothing",
        YamlScalarNode scalar => $"the text '{Shorten(scalar.Value ?? "")}'",
        _ => "something else",
    };

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..37] + "...";
}
