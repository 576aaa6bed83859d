namespace MiracleCell.Core.Films.Loading;

/// <summary>Reads and validates a content pack folder (see docs/content-pack-format.md).</summary>
public static class ContentPackLoader
{
    /// <summary>The files of a pack, in the order problems are reported.</summary>
    public static IReadOnlyList<string> FileNames { get; } =
        [FilmFileReader.FileName, CharactersFileReader.FileName, CastFileReader.FileName, RecapFileReader.FileName,
            TriviaFileReader.FileName];

    /// <summary>
    /// Loads the pack in <paramref name="folder"/>; every problem found is reported with file and line.
    /// The result holds a pack only when there is no problem at all.
    /// </summary>
    public static ContentLoadResult Load(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        if (!Directory.Exists(folder))
        {
            var problem = new ContentProblem(folder, 0,
                $"the content pack folder '{Path.GetFullPath(folder)}' does not exist: check the path, or create it "
                    + $"with {string.Join(", ", FileNames)}");
            return new ContentLoadResult(null, [problem]);
        }

        var problems = new List<ContentProblem>();
        var references = new PackReferences();
        var folderName = Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder)));

        var filmFile = new PackFile(FilmFileReader.FileName, problems);
        var filmRoot = filmFile.ReadRoot(folder);
        var film = filmRoot is null ? null : new FilmFileReader(filmFile, references, folderName).Read(filmRoot);

        var charactersFile = new PackFile(CharactersFileReader.FileName, problems);
        var charactersRoot = charactersFile.ReadRoot(folder);
        var characters = charactersRoot is null
            ? []
            : new CharactersFileReader(charactersFile, references).Read(charactersRoot);

        var castFile = new PackFile(CastFileReader.FileName, problems);
        var cast = castFile.ReadRoot(folder) is { } castRoot
            ? new CastFileReader(castFile, references).Read(castRoot)
            : [];

        var recapFile = new PackFile(RecapFileReader.FileName, problems);
        var recapRoot = recapFile.ReadRoot(folder);
        var recap = recapRoot is null ? [] : new RecapFileReader(recapFile, references).Read(recapRoot);

        var triviaFile = new PackFile(TriviaFileReader.FileName, problems);
        var trivia = triviaFile.ReadRoot(folder) is { } triviaRoot
            ? new TriviaFileReader(triviaFile, references).Read(triviaRoot)
            : [];

        CrossReferenceCheck.Run(references, sourcesRead: filmRoot is not null,
            charactersRead: charactersRoot is not null,
            partsRead: recapRoot is not null);
        GiveAwayCheck.Run(references);

        var ordered = problems
            .OrderBy(p => IndexOf(p.File))
            .ThenBy(p => p.Line)
            .ToList();
        var pack = ordered.Count == 0 && film is not null ? new FilmPack(film, characters, cast, recap, trivia) : null;
        return new ContentLoadResult(pack, ordered);
    }

    private static int IndexOf(string file)
    {
        for (var i = 0; i < FileNames.Count; i++)
        {
            if (FileNames[i] == file) return i;
        }
        return FileNames.Count;
    }
}
