using System.Text;
using System.Text.RegularExpressions;

namespace MiracleCell.Core.Films.Loading;

/// <summary>Pack ids are lowercase kebab-case: <c>^[a-z0-9]+(-[a-z0-9]+)*$</c>.</summary>
internal static partial class IdFormat
{
    public static bool IsValid(string id) => KebabCase().IsMatch(id);

    /// <summary>The kebab-case form of a malformed id, to show the author what to write.</summary>
    public static string Suggest(string id)
    {
        var builder = new StringBuilder(id.Length);
        foreach (var c in Search.NameNormalizer.RemoveAccents(id).ToLowerInvariant())
        {
            if (c is (>= 'a' and <= 'z') or (>= '0' and <= '9')) builder.Append(c);
            else if (builder.Length > 0 && builder[^1] != '-') builder.Append('-');
        }
        var suggestion = builder.ToString().Trim('-');
        return suggestion.Length > 0 ? suggestion : "my-id";
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex KebabCase();
}
