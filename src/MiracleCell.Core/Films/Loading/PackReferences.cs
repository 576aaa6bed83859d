namespace MiracleCell.Core.Films.Loading;

/// <summary>A mention of a source or character id, checked once every file has been read.</summary>
/// <param name="Owner">What holds the reference, e.g. "question 'backpack-colour'".</param>
/// <param name="Key">The key it is listed under, e.g. "sources".</param>
internal sealed record IdReference(PackFile File, int Line, string Owner, string Key, string Id);

/// <summary>A text shown to readers without a click, kept until the give-away words of every part are known.</summary>
/// <param name="What">What the text is, e.g. "'summary' (en)".</param>
/// <param name="IsName">An id or alias, which is renamed rather than reworded.</param>
internal sealed record SpoilerFreeText(PackFile File, int Line, string Owner, string What, string Text, bool IsName);

/// <summary>A give-away word of a recap part, with where it is declared.</summary>
internal sealed record DeclaredGiveAway(string PartId, string Word);

/// <summary>The ids declared in a pack and the references to them, for the cross-reference pass.</summary>
internal sealed class PackReferences
{
    public List<IdReference> Sources { get; } = [];
    public List<IdReference> Characters { get; } = [];
    public List<IdReference> Parts { get; } = [];
    public IdRegistry DeclaredSources { get; } = new("source");
    public IdRegistry DeclaredCharacters { get; } = new("character");
    public IdRegistry DeclaredParts { get; } = new("recap part");
    public List<SpoilerFreeText> SpoilerFreeTexts { get; } = [];
    public List<DeclaredGiveAway> GiveAways { get; } = [];
}

/// <summary>The ids of one kind in declaration order; reports a duplicate with the line of the first.</summary>
internal sealed class IdRegistry(string kind)
{
    private readonly Dictionary<string, int> _firstLine = new(StringComparer.Ordinal);
    private readonly List<string> _ids = [];

    public string Kind { get; } = kind;
    public IReadOnlyList<string> Ids => _ids;
    public bool IsEmpty => _ids.Count == 0;

    public bool Contains(string id) => _firstLine.ContainsKey(id);

    public void Register(PackFile file, int line, string id)
    {
        if (_firstLine.TryGetValue(id, out var first))
        {
            file.Report(line, $"duplicate {Kind} id '{id}': the first {Kind} with this id is at line {first}; give "
                + $"each {Kind} its own id");
            return;
        }
        _firstLine.Add(id, line);
        _ids.Add(id);
    }
}
