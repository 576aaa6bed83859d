using MiracleCell.Core.Films;
using MiracleCell.Core.Films.Loading;

namespace MiracleCell.Bot.Hosting;

/// <summary>
/// Finds and loads the film library and its content packs, whether the bot runs from the repository root or from its
/// build output.
/// </summary>
internal static class ContentFolder
{
    /// <summary>
    /// An absolute path as given; a relative one resolved against the current directory and each of its
    /// parents, then the app's directory and each of its parents; the first that exists wins. When none
    /// exists, the path under the current directory, so the error names where it was expected.
    /// </summary>
    public static string Resolve(string configured, string currentDirectory, string baseDirectory)
    {
        if (Path.IsPathRooted(configured)) return configured;
        foreach (var start in new[] { currentDirectory, baseDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                var candidate = Path.Combine(directory.FullName, configured);
                if (Directory.Exists(candidate)) return candidate;
            }
        }
        return Path.GetFullPath(configured, currentDirectory);
    }

    public static string Resolve(string configured) =>
        Resolve(configured, Directory.GetCurrentDirectory(), AppContext.BaseDirectory);

    /// <summary>Loads the pack, turning a missing folder or an unreadable file into problems instead of
    /// exceptions.</summary>
    public static ContentLoadResult Load(string folder)
    {
        try
        {
            return LoadReadable(folder);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return new ContentLoadResult(null, [new ContentProblem(folder, 0, "The pack could not be read: "
                + $"{exception.Message}")]);
        }
    }

    /// <summary>
    /// Loads the pack, turning a missing folder into a problem; a file that cannot be read is thrown
    /// (<see cref="IOException"/> or <see cref="UnauthorizedAccessException"/>), for a caller that reports it alone.
    /// </summary>
    public static ContentLoadResult LoadReadable(string folder) => Directory.Exists(folder)
        ? ContentPackLoader.Load(folder)
        : new ContentLoadResult(null, [new ContentProblem(folder, 0,
            "The content pack folder does not exist. Set Bot:ContentFolder (or --content) to a folder holding "
                + "film.yaml.")]);

    /// <summary>
    /// Loads every pack of the library in <paramref name="folder"/> (or the one pack, when it holds film.yaml), each
    /// pack's unreadable file turned into a problem of that pack.
    /// </summary>
    public static LibraryLoadResult LoadLibrary(string folder) => FilmLibraryLoader.Load(folder, Load);

    /// <summary>
    /// What stops a library from serving anything, as one line naming the folder and what to do; null when at least
    /// one pack is valid.
    /// </summary>
    public static string? Unusable(LibraryLoadResult library)
    {
        ArgumentNullException.ThrowIfNull(library);
        var folder = library.Folder;
        if (!Directory.Exists(folder))
            return $"the film library folder {folder} does not exist: set Bot:ContentFolder to the folder that holds "
                + "the film packs (data/films), or create it with one pack per subfolder.";
        if (library.Packs.Count == 0)
            return $"the film library folder {folder} holds no film pack: put each film's pack (film.yaml and its "
                + "files) in a subfolder of it, or set Bot:ContentFolder to the folder that does.";
        if (library.Valid.Count == 0)
        {
            // A library of one names its first problem, so a self-hoster sees the cause without another command.
            var cause = library.Packs is [var only] && only.Result.Problems.Count > 0
                ? $"{only.Folder}: {only.Result.Problems[0]}; "
                : $"{library.Packs.Count} found; ";
            return $"no film pack in {folder} is valid ({cause}run 'MiracleCell.Bot check-content {folder}' "
                + "and fix the problems it lists).";
        }
        return null;
    }

    /// <summary>One line per problem of each pack left out of the library, naming the pack folder.</summary>
    public static IReadOnlyList<string> SkippedPackLines(LibraryLoadResult library)
    {
        ArgumentNullException.ThrowIfNull(library);
        return [.. library.Invalid.SelectMany(pack => pack.Result.Problems.Select(problem =>
            $"Film pack {pack.Folder} left out: {problem}"))];
    }

    /// <summary>Writes every problem as <c>file:line: message</c>.</summary>
    public static void WriteProblems(ContentLoadResult result, TextWriter writer)
    {
        foreach (var problem in result.Problems) writer.WriteLine(problem.ToString());
        if (result.Problems.Count == 0 && result.Pack is null)
            writer.WriteLine("The loader returned no pack and no problems.");
    }
}
