using System.Globalization;
using MiracleCell.Core.Search;
using MiracleCell.Core.Text;
using YamlDotNet.RepresentationModel;

namespace MiracleCell.Core.Films.Loading;

/// <summary>
/// Reads the keys of one YAML mapping and records a problem, with its line, for anything missing,
/// unknown or of the wrong shape. Every getter returns null (or an empty list) after reporting, so a
/// reader can go on and collect every problem in one pass.
/// </summary>
internal sealed class MappingReader
{
    private readonly Dictionary<string, YamlNode> _values = new(StringComparer.Ordinal);
    private readonly Dictionary<string, YamlNode> _keys = new(StringComparer.Ordinal);

    private MappingReader(PackFile file, YamlMappingNode node, string owner)
    {
        File = file;
        Node = node;
        Owner = owner;
    }

    public PackFile File { get; }
    public YamlMappingNode Node { get; }

    /// <summary>What this mapping is, for messages: "question 'backpack-colour'".</summary>
    public string Owner { get; private set; }

    public int Line => NodeText.LineOf(Node);

    /// <summary>Opens <paramref name="node"/> as a mapping allowing only <paramref name="keys"/>; null when it is not a
    /// mapping.</summary>
    public static MappingReader? Open(PackFile file, YamlNode node, string owner, params string[] keys)
    {
        if (node is not YamlMappingNode mapping)
        {
            file.Report(node, $"{owner} should be a mapping of keys ({string.Join(", ", keys)}), but is "
                + $"{NodeText.Describe(node)}");
            return null;
        }

        var reader = new MappingReader(file, mapping, owner);
        foreach (var (keyNode, value) in mapping.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? "";
            if (Array.IndexOf(keys, key) >= 0)
            {
                reader._values[key] = value;
                reader._keys[key] = keyNode;
                continue;
            }
            var closest = EditDistance.Closest(key, keys);
            var hint = closest is null ? "remove it" : $"did you mean '{closest}'?";
            file.Report(keyNode, $"{owner} has an unknown key '{key}': {hint} (allowed: {string.Join(", ", keys)})");
        }
        return reader;
    }

    /// <summary>Names the mapping by its id once that is known, so later messages say which item is wrong.</summary>
    public void NameOwner(string owner) => Owner = owner;

    public bool Has(string key) => _values.TryGetValue(key, out var value) && !NodeText.IsNull(value);

    public YamlNode? Value(string key, bool required)
    {
        if (_values.TryGetValue(key, out var value) && !NodeText.IsNull(value)) return value;
        if (required)
        {
            var where = _values.TryGetValue(key, out var empty) ? empty : Node;
            var what = _values.ContainsKey(key) ? "has no value for" : "is missing the required key";
            File.Report(where, $"{Owner} {what} '{key}': add it (see docs/content-pack-format.md)");
        }
        return null;
    }

    public MappingReader? Mapping(string key, bool required, string owner, params string[] keys) =>
        Value(key, required) is { } node ? Open(File, node, owner, keys) : null;

    public string? String(string key, bool required = true, TextLimit? limit = null)
    {
        if (Value(key, required) is not { } node) return null;
        if (node is not YamlScalarNode scalar)
        {
            WrongType(key, node, "a text");
            return null;
        }
        var text = (scalar.Value ?? "").Trim();
        if (limit is not null) CheckLimit(node, $"'{key}'", null, text, limit);
        return text;
    }

    public int? Int(string key, int min, int max)
    {
        if (String(key) is not { } text) return null;
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min
            && value <= max)
            return value;
        File.Report(_values[key], $"{Owner}: '{key}' is '{text}', which is not a whole number from {min} to {max}: "
            + $"write a number such as {min + (max - min) / 2}");
        return null;
    }

    public bool Bool(string key, bool defaultValue)
    {
        if (String(key, required: false) is not { } text) return defaultValue;
        if (bool.TryParse(text, out var value)) return value;
        File.Report(_values[key], $"{Owner}: '{key}' is '{text}', which is not true or false: write true or false");
        return defaultValue;
    }

    public DateOnly? Date(string key)
    {
        if (String(key) is not { } text) return null;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return date;
        File.Report(_values[key], $"{Owner}: '{key}' is '{text}', which is not a valid date: write it as "
            + "YYYY-MM-DD, e.g. 2013-01-23");
        return null;
    }

    public T? Enum<T>(string key, IReadOnlyDictionary<string, T> allowed, T? defaultValue = null)
        where T : struct
    {
        if (String(key, required: defaultValue is null) is not { } text) return defaultValue;
        if (allowed.TryGetValue(text, out var value)) return value;
        File.Report(_values[key], $"{Owner}: '{key}' is '{text}', which is not allowed: use one of "
            + $"{string.Join(", ", allowed.Keys)}");
        return defaultValue;
    }

    /// <summary>A lowercase kebab-case id, registered so a duplicate is reported with the line of the first.</summary>
    public string? Id(IdRegistry? registry, string key = "id")
    {
        if (String(key) is not { } id) return null;
        if (!IdFormat.IsValid(id))
        {
            File.Report(_values[key], $"{Owner}: id '{id}' is not lowercase kebab-case: use only a-z, 0-9 and single "
                + $"hyphens between words, e.g. '{IdFormat.Suggest(id)}'");
            return null;
        }
        registry?.Register(File, NodeText.LineOf(_values[key]), id);
        return id;
    }

    /// <summary>A <c>{ en: ..., id: ... }</c> mapping with both languages present and non-empty.</summary>
    public LocalizedText? Localized(string key, bool required = true, TextLimit? limit = null) =>
        Value(key, required) is { } node ? Localized(node, $"'{key}'", limit) : null;

    /// <summary>A localised text found in a list rather than under a key; <paramref name="label"/> names it.</summary>
    public LocalizedText? Localized(YamlNode node, string label, TextLimit? limit)
    {
        if (node is not YamlMappingNode mapping)
        {
            File.Report(node, $"{Owner}: {label} should be a mapping with both languages, e.g. {{ en: ..., id: ... }}, "
                + $"but is {NodeText.Describe(node)}");
            return null;
        }
        var texts = Open(File, mapping, $"{Owner}: {label}", "en", "id")!;
        var en = Language(texts, label, "en", limit);
        var id = Language(texts, label, "id", limit);
        return en is null || id is null ? null : new LocalizedText(en, id);
    }

    private string? Language(MappingReader texts, string label, string language, TextLimit? limit)
    {
        texts._values.TryGetValue(language, out var node);
        if (node is null || NodeText.IsNull(node)
            || node is YamlScalarNode { Value: var value } && string.IsNullOrWhiteSpace(value))
        {
            File.Report(node ?? texts.Node, $"{Owner}: {label} has no '{language}' text: write it in both en and id");
            return null;
        }
        if (node is not YamlScalarNode scalar)
        {
            File.Report(node, $"{Owner}: {label} '{language}' should be a text, but is {NodeText.Describe(node)}");
            return null;
        }
        var text = scalar.Value!.Trim();
        if (limit is not null) CheckLimit(node, label, language, text, limit);
        return text;
    }

    /// <summary>The items of a list; empty (after reporting) when the key is missing or not a list.</summary>
    public IReadOnlyList<YamlNode> List(string key, bool required)
    {
        if (Value(key, required) is not { } node) return [];
        if (node is YamlSequenceNode sequence) return [.. sequence.Children];
        WrongType(key, node, "a list (one '- ' item per line, or [a, b])");
        return [];
    }

    public IReadOnlyList<string> StringList(string key, bool required, TextLimit? limit = null) =>
        StringItems(key, required, limit).Select(item => item.Text).ToList();

    /// <summary>A non-empty list of source ids; each is checked against film.yaml once all files are read.</summary>
    public IReadOnlyList<string> Sources(PackReferences references, string key = "sources")
    {
        var items = StringItems(key, required: true, limit: null);
        if (Value(key, required: false) is YamlSequenceNode { Children.Count: 0 } empty)
            File.Report(empty, $"{Owner}: '{key}' is empty: list at least one source id declared in film.yaml");
        foreach (var (text, node) in items)
            references.Sources.Add(new IdReference(File, NodeText.LineOf(node), Owner, key, text));
        return items.Select(item => item.Text).ToList();
    }

    private List<(string Text, YamlNode Node)> StringItems(string key, bool required, TextLimit? limit)
    {
        var items = new List<(string, YamlNode)>();
        foreach (var item in List(key, required))
        {
            if (item is YamlScalarNode scalar && !NodeText.IsNull(scalar) && !string.IsNullOrWhiteSpace(scalar.Value))
            {
                var text = scalar.Value.Trim();
                if (limit is not null) CheckLimit(item, $"an item of '{key}'", null, text, limit);
                items.Add((text, item));
            }
            else
            {
                File.Report(item, $"{Owner}: each item of '{key}' should be a non-empty text, but one is "
                    + $"{NodeText.Describe(item)}");
            }
        }
        return items;
    }

    /// <summary>A character id; checked against characters.yaml once all files are read.</summary>
    public string? CharacterReference(PackReferences references, string key = "character")
    {
        if (String(key) is not { } id) return null;
        references.Characters.Add(new IdReference(File, NodeText.LineOf(_values[key]), Owner, key, id));
        return id;
    }

    /// <summary>
    /// The recap part named under <c>reveals</c>: required when <paramref name="spoiler"/> is above none, refused
    /// when it is none; checked against recap.yaml once all files are read.
    /// </summary>
    public string? Reveals(PackReferences references, SpoilerLevel spoiler, string key = "reveals")
    {
        var id = String(key, required: false);
        if (spoiler == SpoilerLevel.None)
        {
            if (id is not null)
                Report(key,
                    $"{Owner} is spoiler-free, so no part reveals it: remove '{key}', or mark it mild or major");
            return null;
        }
        if (id is null)
        {
            Report(_values.ContainsKey(key) ? key : "spoiler",
                $"{Owner} is a spoiler but does not say which recap part reveals it: add '{key}: <part id>' "
                    + $"(e.g. '{key}: part-3')");
            return null;
        }
        references.Parts.Add(new IdReference(File, NodeText.LineOf(_values[key]), Owner, key, id));
        return id;
    }

    /// <summary>Records both languages of a text under <paramref name="key"/> as shown without a click.</summary>
    public void SpoilerFree(PackReferences references, string key, LocalizedText? text)
    {
        if (text is null || !_values.TryGetValue(key, out var node)) return;
        SpoilerFree(references, node, text, $"'{key}'");
    }

    /// <summary>Records both languages of a text found in a list as shown without a click.</summary>
    public void SpoilerFree(PackReferences references, YamlNode node, LocalizedText? text, string label)
    {
        if (text is null) return;
        foreach (var locale in Locales.All)
        {
            var code = locale.Code();
            var line = node is YamlMappingNode mapping
                && mapping.Children.TryGetValue(new YamlScalarNode(code), out var value)
                ? NodeText.LineOf(value)
                : NodeText.LineOf(node);
            references.SpoilerFreeTexts.Add(
                new SpoilerFreeText(File, line, Owner, $"{label} ({code})", text[locale], IsName: false));
        }
    }

    /// <summary>Records an id or a name shown without a click.</summary>
    public void SpoilerFreeName(PackReferences references, int line, string what, string name) =>
        references.SpoilerFreeTexts.Add(new SpoilerFreeText(File, line, Owner, what, name, IsName: true));

    /// <summary>Reports a problem on the line of <paramref name="key"/>, or of the mapping when the key is
    /// absent.</summary>
    public void Report(string key, string message) =>
        File.Report(_keys.TryGetValue(key, out var node) ? node : Node, message);

    public int LineOf(string key) => NodeText.LineOf(_keys.TryGetValue(key, out var node) ? node : Node);

    private void WrongType(string key, YamlNode node, string expected) =>
        File.Report(node, $"{Owner}: '{key}' should be {expected}, but is {NodeText.Describe(node)}");

    private void CheckLimit(YamlNode node, string label, string? language, string text, TextLimit limit)
    {
        var length = DiscordText.Length(text);
        if (length <= limit.Max) return;
        var which = language is null ? label : $"{label} ({language})";
        File.Report(node, $"{Owner}: {which} is {length} characters long, but {limit.Place} allows at most "
            + $"{limit.Max}: shorten it");
    }
}
