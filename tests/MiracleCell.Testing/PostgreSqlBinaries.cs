namespace MiracleCell.Testing;

/// <summary>Finds the PostgreSQL server programs (<c>initdb</c>, <c>postgres</c>) on this machine.</summary>
public static class PostgreSqlBinaries
{
    /// <summary>Set to a folder holding <c>initdb</c> and <c>postgres</c> to use a particular installation.</summary>
    public const string FolderVariable = "MIRACLECELL_POSTGRES_BIN";

    private static readonly Lazy<string?> Found = new(Find);

    /// <summary>The folder holding <c>initdb</c> and <c>postgres</c>, or null when PostgreSQL is not
    /// installed.</summary>
    public static string? Folder => Found.Value;

    /// <summary>Why PostgreSQL tests cannot run here; null when they can.</summary>
    public static string? MissingReason => Folder is null
        ? "No PostgreSQL server programs (initdb, postgres) were found: install them (Debian: apt-get "
            + "install postgresql) "
          + $"or set {FolderVariable} to their folder."
        : null;

    /// <summary>True when running under CI (<c>CI=true</c>), where .ci/run installs PostgreSQL and missing binaries are
    /// a failure.</summary>
    public static bool IsCi =>
        string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    private static string? Find()
    {
        var candidates = new List<string>();
        if (Environment.GetEnvironmentVariable(FolderVariable) is { Length: > 0 } configured)
            candidates.Add(configured);
        // Debian and Ubuntu keep each major version apart and put no server programs on PATH; newest first.
        if (Directory.Exists("/usr/lib/postgresql"))
        {
            candidates.AddRange(Directory.GetDirectories("/usr/lib/postgresql")
                .OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var major) ? major : 0)
                .Select(d => Path.Combine(d, "bin")));
        }
        foreach (var entry in (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            var initdb = Path.Combine(entry, "initdb");
            if (!File.Exists(initdb)) continue;
            // A link on PATH (e.g. /usr/local/bin/initdb) stands for the folder it points into.
            var target = new FileInfo(initdb).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? initdb;
            candidates.Add(Path.GetDirectoryName(target)!);
        }
        return candidates.FirstOrDefault(folder =>
            File.Exists(Path.Combine(folder, "initdb")) && File.Exists(Path.Combine(folder, "postgres")));
    }
}
