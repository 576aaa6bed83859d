using MiracleCell.Bot.Interactions;
using MiracleCell.Core.Text;
using MiracleCell.Discord.Models;

namespace MiracleCell.Bot.Rendering.Texts;

/// <summary>
/// The texts of every locale, one table per locale (<c>Rendering/Locales/&lt;code&gt;.json</c>, embedded), checked
/// together when loaded: every key in every locale, the same placeholders in each, every reference declared.
/// </summary>
internal sealed class TextTables
{
    private readonly IReadOnlyList<IReadOnlyDictionary<string, IReadOnlyList<TextPart>>> _tables;
    private readonly CommandReferences _references;

    private TextTables(
        IReadOnlyList<IReadOnlyDictionary<string, IReadOnlyList<TextPart>>> tables, CommandReferences references)
    {
        _tables = tables;
        _references = references;
    }

    /// <summary>The tables shipped in this assembly, resolved against the bot's own command declarations.</summary>
    public static TextTables Shipped { get; } = Load(ReadEmbedded, BuiltInCommands.Declarations);

    /// <summary>Every key, in the order of the first locale's table.</summary>
    public IEnumerable<string> Keys => _tables[0].Keys;

    /// <summary>The file a locale's table is read from, e.g. <c>id.json</c>.</summary>
    public static string FileOf(Locale locale) => locale.Code() + ".json";

    /// <summary>Reads and checks a table for each locale of <see cref="Locales.All"/>.</summary>
    /// <param name="read">The file's bytes, or null when there is no such file.</param>
    public static TextTables Load(Func<string, byte[]?> read, IReadOnlyList<ApplicationCommand> declarations)
    {
        ArgumentNullException.ThrowIfNull(read);
        var problems = new List<string>();
        var tables = new List<IReadOnlyDictionary<string, IReadOnlyList<TextPart>>>();
        foreach (var locale in Locales.All)
        {
            var file = FileOf(locale);
            try
            {
                tables.Add(read(file) is { } json
                    ? LocaleTableReader.Read(file, json)
                    : throw LocaleTableException.One(file, null, $"is missing: {locale} needs its table"));
            }
            catch (LocaleTableException e)
            {
                problems.AddRange(e.Problems);
            }
        }
        if (problems.Count > 0) throw new LocaleTableException(problems);
        var references = new CommandReferences(declarations);
        problems.AddRange(Check(tables, references));
        if (problems.Count > 0) throw new LocaleTableException(problems);
        return new TextTables(tables, references);
    }

    /// <summary>The text under <paramref name="key"/>, which must take exactly these arguments in every locale.
    /// </summary>
    public TableText Get(string key, params string[] arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var pieces = new TableText.Piece[_tables.Count][];
        for (var i = 0; i < _tables.Count; i++)
        {
            var file = FileOf(Locales.All[i]);
            if (!_tables[i].TryGetValue(key, out var parts))
                throw LocaleTableException.One(file, key, "no such key, but the code uses it");
            var named = parts.Where(p => p.Kind == TextPartKind.Argument).Select(p => p.Value).ToHashSet();
            if (!named.SetEquals(arguments))
            {
                throw LocaleTableException.One(file, key, $"has the arguments {{{string.Join("}, {", named.Order())}}}"
                    + $", but the code passes {{{string.Join("}, {", arguments)}}}");
            }
            pieces[i] = [.. parts.Select(part => part.Kind switch
            {
                TextPartKind.Literal => new TableText.Piece(part.Value, -1),
                TextPartKind.Argument => new TableText.Piece(null, Array.IndexOf(arguments, part.Value)),
                _ => new TableText.Piece(_references.Resolve(part, Locales.All[i]), -1),
            })];
        }
        return new TableText(key, arguments, pieces);
    }

    /// <summary>The forms <c>key.one</c> and <c>key.other</c>.</summary>
    public PluralText GetPlural(string key, params string[] arguments) =>
        new(Get(key + ".one", arguments), Get(key + ".other", arguments));

    /// <summary>The one place that knows how many locales <see cref="LocalizedText"/> holds.</summary>
    internal static LocalizedText Localized(string[] byLocale) =>
        new(byLocale[(int)Locale.English], byLocale[(int)Locale.Indonesian]);

    private static IEnumerable<string> Check(
        List<IReadOnlyDictionary<string, IReadOnlyList<TextPart>>> tables, CommandReferences references)
    {
        for (var i = 0; i < Locales.All.Count; i++)
        {
            if ((int)Locales.All[i] != i) yield return $"Locales.All must list the locales in the enum's order";
        }
        var first = FileOf(Locales.All[0]);
        for (var i = 0; i < tables.Count; i++)
        {
            var file = FileOf(Locales.All[i]);
            foreach (var key in tables.SelectMany(t => t.Keys).Distinct().Where(k => !tables[i].ContainsKey(k)))
                yield return LocaleTableException.Describe(file, key, "missing: every locale needs every key");
            foreach (var (key, parts) in tables[i])
            {
                var named = parts.Where(p => p.Kind is not (TextPartKind.Literal or TextPartKind.Argument));
                foreach (var reference in named)
                {
                    if (references.Resolve(reference, Locales.All[i]) is null)
                    {
                        yield return LocaleTableException.Describe(
                            file, key, $"{reference.Placeholder} is not declared");
                    }
                }
                if (i == 0 || !tables[0].TryGetValue(key, out var theirs)) continue;
                var mine = Placeholders(parts);
                var expected = Placeholders(theirs);
                if (mine != expected)
                {
                    yield return LocaleTableException.Describe(file, key,
                        $"has {(mine.Length > 0 ? mine : "no placeholders")}, {first} has "
                        + (expected.Length > 0 ? expected : "none"));
                }
            }
        }
    }

    private static string Placeholders(IReadOnlyList<TextPart> parts) =>
        string.Join(" ", parts.Select(p => p.Placeholder).Where(p => p.Length > 0).Order(StringComparer.Ordinal));

    private static byte[]? ReadEmbedded(string file)
    {
        using var stream = typeof(TextTables).Assembly.GetManifestResourceStream("locales/" + file);
        if (stream is null) return null;
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }
}
