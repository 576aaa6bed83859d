using MiracleCell.Core.Text;

namespace MiracleCell.Bot.Rendering.Texts;

/// <summary>
/// One key of the locale tables, ready to render: references already resolved per locale, arguments in the order
/// the code passes them. A text without arguments converts to <see cref="LocalizedText"/> as it is.
/// </summary>
internal sealed class TableText
{
    private readonly Piece[][] _pieces;
    private readonly LocalizedText? _text;

    internal TableText(string key, IReadOnlyList<string> arguments, Piece[][] pieces)
    {
        Key = key;
        Arguments = arguments;
        _pieces = pieces;
        if (arguments.Count == 0) _text = Render([]);
    }

    public string Key { get; }

    /// <summary>The argument names, in the order <see cref="Format"/> takes their values.</summary>
    public IReadOnlyList<string> Arguments { get; }

    /// <summary>The text of a key that takes no arguments.</summary>
    public LocalizedText Text => _text
        ?? throw new InvalidOperationException($"\"{Key}\" takes {string.Join(", ", Arguments)}: call Format.");

    public string this[Locale locale] => Text[locale];

    /// <summary>Shortcuts of <see cref="Text"/>, as on <see cref="LocalizedText"/>.</summary>
    public string En => Text.En;

    /// <inheritdoc cref="En"/>
    public string Id => Text.Id;

    public LocalizedText Format(params ReadOnlySpan<TextArg> values)
    {
        if (values.Length != Arguments.Count)
        {
            throw new ArgumentException(
                $"\"{Key}\" takes {Arguments.Count} values ({string.Join(", ", Arguments)}), not {values.Length}.");
        }
        return Render(values);
    }

    public static implicit operator LocalizedText(TableText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Text;
    }

    private LocalizedText Render(ReadOnlySpan<TextArg> values)
    {
        var byLocale = new string[_pieces.Length];
        for (var i = 0; i < byLocale.Length; i++)
        {
            var locale = Locales.All[i];
            // Pooled buffer: a reply formats a few of these on the interaction's path.
            var text = new System.Runtime.CompilerServices.DefaultInterpolatedStringHandler(0, 0);
            foreach (var piece in _pieces[i])
                text.AppendLiteral(piece.Literal ?? values[piece.Argument].In(locale));
            byLocale[i] = text.ToStringAndClear();
        }
        return TextTables.Localized(byLocale);
    }

    /// <summary>Plain text (a literal or a resolved reference), or the index of an argument.</summary>
    internal readonly record struct Piece(string? Literal, int Argument);
}

/// <summary>A text whose wording depends on a count: <c>key.one</c> for 1, <c>key.other</c> for any other.</summary>
internal sealed class PluralText(TableText one, TableText other)
{
    public TableText For(long count) => count == 1 ? one : other;

    internal IEnumerable<TableText> Forms => [one, other];
}
