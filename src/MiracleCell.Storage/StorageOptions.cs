using Microsoft.Extensions.Options;
using Npgsql;

namespace MiracleCell.Storage;

/// <summary>Settings under <c>Storage</c> in configuration.</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary>Which database holds the scores: the embedded file (default) or a shared PostgreSQL server.</summary>
    public StorageProvider Provider { get; set; } = StorageProvider.LiteDb;

    /// <summary>
    /// The PostgreSQL server, e.g. <c>Host=db;Database=miraclecell;Username=miraclecell;Password=…</c>.
    /// Required when <see cref="Provider"/> is <see cref="StorageProvider.PostgreSql"/>; unused otherwise.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>How many times the PostgreSQL store tries to reach its server at start (with backoff) before giving
    /// up.</summary>
    public int ConnectAttempts { get; set; } = 6;

    /// <summary>Folder for the database file; created on first start. A relative path is taken from the current
    /// directory.</summary>
    public string DataFolder { get; set; } = Path.Combine("data", "state");

    public string DatabaseFileName { get; set; } = "miraclecell.litedb";

    /// <summary>The file name the earlier SQLite store used; a database found under it is imported once.</summary>
    public const string SqliteFileName = "miraclecell.db";

    /// <summary>The most answers committed in one transaction by the group-commit writer.</summary>
    public int MaxBatchSize { get; set; } = 1000;

    public string DatabasePath => Path.GetFullPath(Path.Combine(DataFolder, DatabaseFileName));

    /// <summary>Where a score database left by the earlier SQLite store would be.</summary>
    public string SqliteDatabasePath => Path.GetFullPath(Path.Combine(DataFolder, SqliteFileName));
}

public sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.DataFolder))
        {
            failures.Add("Storage:DataFolder is empty: set it to the folder where the score database should live, "
                + "e.g. \"data/state\".");
        }
        else if (options.DataFolder.IndexOfAny(Path.GetInvalidPathChars()) >= 0)
        {
            failures.Add($"Storage:DataFolder \"{options.DataFolder}\" contains characters that are "
                + "not allowed in a path.");
        }
        if (string.IsNullOrWhiteSpace(options.DatabaseFileName)
            || options.DatabaseFileName.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0
            || options.DatabaseFileName is "." or "..")
        {
            failures.Add($"Storage:DatabaseFileName \"{options.DatabaseFileName}\" must be a plain file name such as "
                + "\"miraclecell.litedb\" (put folders in Storage:DataFolder).");
        }
        if (!Enum.IsDefined(options.Provider))
        {
            failures.Add($"Storage:Provider \"{options.Provider}\" is not known: use LiteDb or PostgreSql.");
        }
        else if (options.Provider == StorageProvider.LiteDb
            && string.Equals(options.DatabaseFileName, StorageOptions.SqliteFileName,
                StringComparison.OrdinalIgnoreCase))
        {
            failures.Add($"Storage:DatabaseFileName \"{options.DatabaseFileName}\" is the earlier SQLite store's file "
                + "name: choose another, e.g. \"miraclecell.litedb\".");
        }
        if (options.Provider == StorageProvider.PostgreSql) ValidatePostgreSql(options, failures);
        if (options.MaxBatchSize is < 1 or > 10_000)
        {
            failures.Add($"Storage:MaxBatchSize must be between 1 and 10000 (got {options.MaxBatchSize}).");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidatePostgreSql(StorageOptions options, List<string> failures)
    {
        if (options.ConnectAttempts is < 1 or > 20)
        {
            failures.Add($"Storage:ConnectAttempts must be between 1 and 20 (got {options.ConnectAttempts}).");
        }
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            failures.Add("Storage:ConnectionString is empty: with Storage:Provider=PostgreSql set it to the server, "
                + "e.g. \"Host=db;Database=miraclecell;Username=miraclecell;Password=...\".");
            return;
        }
        try
        {
            var parsed = new NpgsqlConnectionStringBuilder(options.ConnectionString);
            if (string.IsNullOrWhiteSpace(parsed.Host))
            {
                failures.Add("Storage:ConnectionString names no server: add Host=<name or address> (and "
                    + "Port= if not 5432).");
            }
        }
        catch (ArgumentException ex)
        {
            failures.Add($"Storage:ConnectionString cannot be read ({ex.Message.ReplaceLineEndings(" ")}): write it "
                + "as key=value pairs "
                + "separated by ';', e.g. \"Host=db;Database=miraclecell;Username=miraclecell;Password=...\".");
        }
    }
}
