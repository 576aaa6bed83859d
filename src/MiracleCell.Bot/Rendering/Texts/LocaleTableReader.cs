using System.Text.Json;

namespace MiracleCell.Bot.Rendering.Texts;

/// <summary>
/// Reads one locale's table: a JSON object of dotted keys and texts, with <see cref="Utf8JsonReader"/> (no
/// reflection, so the trimmed Native AOT build reads it like the JIT build).
/// </summary>
internal static class LocaleTableReader
{
    public static IReadOnlyDictionary<string, IReadOnlyList<TextPart>> Read(string file, ReadOnlySpan<byte> json)
    {
        var texts = new Dictionary<string, IReadOnlyList<TextPart>>(StringComparer.Ordinal);
        var problems = new List<string>();
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        string? key = null;
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
                throw LocaleTableException.One(file, null, "must be one JSON object of keys and texts");
            while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
            {
                key = reader.GetString()!;
                reader.Read();
                if (reader.TokenType != JsonTokenType.String)
                {
                    problems.Add(LocaleTableException.Describe(file, key, $"must be a text, not {reader.TokenType}"));
                    reader.Skip();
                    continue;
                }
                if (!IsKey(key))
                    problems.Add(LocaleTableException.Describe(file, key,
                        "is no key: use lower-case words joined by dots, e.g. trivia.game_over"));
                else if (texts.ContainsKey(key))
                    problems.Add(LocaleTableException.Describe(file, key, "appears twice"));
                else
                {
                    var current = key;
                    try
                    {
                        texts[key] = TextPart.Parse(reader.GetString()!, problem =>
                            LocaleTableException.One(file, current, problem));
                    }
                    catch (LocaleTableException e)
                    {
                        problems.AddRange(e.Problems);
                    }
                }
            }
            if (reader.Read()) throw new JsonException("text after the end of the object");
        }
        catch (JsonException e)
        {
            var after = key is null ? "" : $" (after \"{key}\")";
            problems.Add(LocaleTableException.Describe(file, null,
                $"line {e.LineNumber + 1}, position {e.BytePositionInLine + 1}{after}: {e.Message}"));
        }
        if (problems.Count > 0) throw new LocaleTableException(problems);
        return texts;
    }

    private static bool IsKey(string key) =>
        key.Length > 0 && key.Split('.').All(word => word.Length > 0 && word.All(c =>
            char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_'));
}
