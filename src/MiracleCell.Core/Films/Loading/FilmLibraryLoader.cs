namespace MiracleCell.Core.Films.Loading;

/// <summary>
/// Loads a film library: every content pack in the subfolders of a folder, each validated on its own, so that one
/// bad pack keeps only itself out. A folder that itself holds <c>film.yaml</c> is a library of that one pack.
/// </summary>
public static class FilmLibraryLoader
{
    /// <summary>Loads every pack of <paramref name="folder"/>, in the order of their folder names.</summary>
    /// <param name="loadPack">Loads one pack folder (<see cref="ContentPackLoader.Load"/> by default).</param>
    public static LibraryLoadResult Load(string folder, Func<string, ContentLoadResult>? loadPack = null)
    {
        ArgumentNullException.ThrowIfNull(folder);
        loadPack ??= ContentPackLoader.Load;
        if (!Directory.Exists(folder)) return new LibraryLoadResult(folder, []);
        if (IsPack(folder)) return new LibraryLoadResult(folder, [new PackLoadResult(folder, loadPack(folder))]);
        var packs = Directory.EnumerateDirectories(folder)
            .Where(IsPack)
            .Order(StringComparer.Ordinal)
            .Select(pack => new PackLoadResult(pack, loadPack(pack)))
            .ToList();
        return new LibraryLoadResult(folder, packs);
    }

    /// <summary>Whether <paramref name="folder"/> is a content pack rather than a library: it holds film.yaml.
    /// </summary>
    public static bool IsPack(string folder) => Path.Exists(Path.Combine(folder, FilmFileReader.FileName));
}

/// <summary>One pack folder of a library and what loading it gave.</summary>
public sealed record PackLoadResult(string Folder, ContentLoadResult Result)
{
    public string Name => Path.GetFileName(Path.TrimEndingDirectorySeparator(Folder));
}

/// <summary>Every pack found in a library folder, valid or not.</summary>
public sealed record LibraryLoadResult(string Folder, IReadOnlyList<PackLoadResult> Packs)
{
    public IReadOnlyList<PackLoadResult> Valid => [.. Packs.Where(p => p.Result.IsValid)];

    public IReadOnlyList<PackLoadResult> Invalid => [.. Packs.Where(p => !p.Result.IsValid)];

    /// <summary>
    /// The valid packs as a library (the first by folder name is the default); null when none is valid.
    /// </summary>
    public FilmLibrary? Library => Valid.Count == 0 ? null : new FilmLibrary(Valid.Select(p => p.Result.Pack!));
}
