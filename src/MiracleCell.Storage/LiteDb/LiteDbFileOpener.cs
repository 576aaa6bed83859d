using LiteDB;

namespace MiracleCell.Storage.LiteDb;

/// <summary>
/// Opens the score file for this process alone, or refuses with a <see cref="StoreUnavailableException"/> whose
/// one-line message names the file and what to do. Every check runs before anything is written: a file that is
/// refused is left exactly as it was. (LiteDB itself would crop a file whose length is not a whole number of pages,
/// and may mark a damaged file for rebuild, so such files are caught first or probed read-only.)
/// </summary>
internal static class LiteDbFileOpener
{
    private const int PageSize = 8192;

    public static string LockPathOf(string databasePath) => databasePath + ".lock";

    /// <summary>
    /// Takes the lock file: an exclusive advisory lock held while the process runs and dropped by the OS when it
    /// ends, however it ends. LiteDB's own file handles share reads, so they would not keep a second bot out.
    /// </summary>
    public static FileStream Lock(string databasePath)
    {
        var folder = Path.GetDirectoryName(databasePath)!;
        try
        {
            Directory.CreateDirectory(folder);
            return new FileStream(LockPathOf(databasePath), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None,
                bufferSize: 0);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new StoreUnavailableException(
                $"The score database folder {folder} is not writable: give the bot's user write access to it, or set "
                    + "Storage:DataFolder.", ex);
        }
        catch (IOException ex) when (File.Exists(LockPathOf(databasePath)))
        {
            throw new StoreUnavailableException(
                $"The score database {databasePath} is in use by another running MiracleCell: stop that bot first " +
                "(one bot process per data folder; several processes need Storage:Provider PostgreSql).", ex);
        }
        catch (IOException ex)
        {
            throw new StoreUnavailableException(
                $"The score database folder {folder} cannot be used ({ex.Message}): check Storage:DataFolder.", ex);
        }
    }

    /// <summary>Checks an existing file without writing to it: writable, whole pages, readable, a schema this build
    /// knows.</summary>
    public static void CheckExisting(string databasePath)
    {
        var file = new FileInfo(databasePath);
        if (!file.Exists || file.Length == 0) return;
        if (file.IsReadOnly || !CanOpenForWriting(databasePath))
        {
            throw new StoreUnavailableException(
                $"The score database {databasePath} is read-only: give the bot's user write access to "
                    + "it (and its folder).");
        }
        if (file.Length % PageSize != 0)
        {
            throw new StoreUnavailableException(
                $"The score database {databasePath} is truncated ({file.Length} bytes, not whole "
                    + $"{PageSize}-byte pages): " +
                "restore it from a backup, or move it away to start with empty scores.");
        }
        int version;
        try
        {
            using var probe = new LiteDatabase(Settings(databasePath, readOnly: true));
            version = probe.UserVersion;
            foreach (var name in probe.GetCollectionNames()) _ = probe.GetCollection(name).Count();
        }
        catch (Exception ex) when (ex is LiteException or IOException or InvalidOperationException or ArgumentException
                                       or IndexOutOfRangeException or InvalidCastException or FormatException
                                           or OverflowException)
        {
            throw new StoreUnavailableException(
                $"The score database {databasePath} is damaged or not a LiteDB file ({OneLine(ex.Message)}): " +
                "restore it from a backup, or move it away to start with empty scores.", ex);
        }
        if (version > ScoreDocuments.SchemaVersion)
        {
            throw new StoreUnavailableException(
                $"The score database {databasePath} is at schema version {version}, newer than this build knows " +
                $"({ScoreDocuments.SchemaVersion}): run a newer MiracleCell or restore a backup.");
        }
    }

    /// <summary>Opens the file for writing in direct mode, creating it (with its indexes and schema version) when new
    /// and upgrading it when written by an older build.</summary>
    public static LiteDatabase OpenForWriting(string databasePath)
    {
        var database = new LiteDatabase(Settings(databasePath, readOnly: false));
        try
        {
            if (database.UserVersion == 0)
            {
                ScoreDocuments.EnsureIndexes(database);
                database.UserVersion = ScoreDocuments.SchemaVersion;
            }
            else if (database.UserVersion < ScoreDocuments.SchemaVersion)
            {
                ScoreDocuments.Upgrade(database);
            }
            // No checkpoint inside a commit: the writer runs them itself (see LiteDbWriteQueue.Checkpoint).
            if (database.CheckpointSize != 0) database.CheckpointSize = 0;
            return database;
        }
        catch
        {
            database.Dispose();
            throw;
        }
    }

    public static ConnectionString Settings(string databasePath, bool readOnly) => new()
    {
        Filename = databasePath,
        Connection = ConnectionType.Direct,
        ReadOnly = readOnly,
        Upgrade = false,
        AutoRebuild = false,
    };

    private static bool CanOpenForWriting(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite,
                bufferSize: 0);
            return true;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static string OneLine(string text) =>
        string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries)).TrimEnd('.');
}
