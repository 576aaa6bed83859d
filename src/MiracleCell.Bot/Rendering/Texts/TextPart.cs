namespace MiracleCell.Bot.Rendering.Texts;

/// <summary>
/// One piece of a text as written in a table: plain text, an argument (<c>{count}</c>), or a reference to a
/// declared command (<c>{/trivia start}</c>), option (<c>{option:recap.part}</c>) or choice
/// (<c>{choice:trivia.start.spoilers.allow}</c>).
/// </summary>
internal readonly record struct TextPart(TextPartKind Kind, string Value)
{
    /// <summary>The placeholder as written, <c>{…}</c>; empty for plain text.</summary>
    public string Placeholder => Kind switch
    {
        TextPartKind.Literal => "",
        TextPartKind.Option => "{option:" + Value + "}",
        TextPartKind.Choice => "{choice:" + Value + "}",
        _ => "{" + Value + "}",
    };

    /// <summary>Splits a table's text into parts; <c>{{</c> and <c>}}</c> stand for braces.</summary>
    public static IReadOnlyList<TextPart> Parse(string text, Func<string, Exception> malformed)
    {
        var parts = new List<TextPart>();
        var literal = new System.Text.StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '}')
            {
                if (i + 1 < text.Length && text[i + 1] == '}') i++;
                else throw malformed($"a lone '}}' at position {i} (write '}}}}' for a brace)");
                literal.Append('}');
                continue;
            }
            if (c != '{')
            {
                literal.Append(c);
                continue;
            }
            if (i + 1 < text.Length && text[i + 1] == '{')
            {
                literal.Append('{');
                i++;
                continue;
            }
            var end = text.IndexOf('}', i + 1);
            if (end < 0) throw malformed($"the '{{' at position {i} is never closed");
            if (literal.Length > 0) parts.Add(new TextPart(TextPartKind.Literal, literal.ToString()));
            literal.Clear();
            parts.Add(ParsePlaceholder(text[(i + 1)..end], malformed));
            i = end;
        }
        if (literal.Length > 0) parts.Add(new TextPart(TextPartKind.Literal, literal.ToString()));
        return parts;
    }

    private static TextPart ParsePlaceholder(string inside, Func<string, Exception> malformed)
    {
        if (inside.StartsWith('/') && inside.Length > 1) return new TextPart(TextPartKind.Command, inside);
        if (inside.StartsWith("option:", StringComparison.Ordinal) && inside.Length > 7)
            return new TextPart(TextPartKind.Option, inside[7..]);
        if (inside.StartsWith("choice:", StringComparison.Ordinal) && inside.Length > 7)
            return new TextPart(TextPartKind.Choice, inside[7..]);
        if (inside.Length > 0 && char.IsAsciiLetterLower(inside[0]) && inside.All(IsArgumentChar))
            return new TextPart(TextPartKind.Argument, inside);
        throw malformed($"'{{{inside}}}' is no placeholder: use {{name}}, {{/command}}, {{option:command.option}} "
            + "or {choice:command.option.value}");
    }

    private static bool IsArgumentChar(char c) => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_';
}

internal enum TextPartKind
{
    Literal,
    Argument,
    Command,
    Option,
    Choice,
}
