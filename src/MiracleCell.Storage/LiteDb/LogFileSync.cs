namespace MiracleCell.Storage.LiteDb;

/// <summary>
/// Syncs LiteDB's log file to disk after a commit. LiteDB 5 writes a committed transaction's pages to the log file
/// with plain writes and syncs only when it copies the log into the data file (a checkpoint): a commit survives
/// the process being killed but not a power cut. An fsync through a handle of our own on the same file closes that
/// gap. The log file appears with the first write and is truncated, not removed, by checkpoints while LiteDB has it
/// open.
/// </summary>
internal sealed class LogFileSync(string logPath) : IDisposable
{
    private const int PageSize = 8192;
    private FileStream? _log;

    /// <summary>How many pages the log holds now: zero after a checkpoint, which truncates it.</summary>
    public long LogPages => _log is null ? 0 : _log.Length / PageSize;

    public static string LogPathOf(string databasePath) =>
        Path.Combine(Path.GetDirectoryName(databasePath)!,
            Path.GetFileNameWithoutExtension(databasePath) + "-log" + Path.GetExtension(databasePath));

    public void FlushToDisk()
    {
        if (_log is null)
        {
            if (!File.Exists(logPath)) return;
            _log = new FileStream(logPath, FileMode.Open, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete,
                bufferSize: 0);
        }
        _log.Flush(flushToDisk: true);
    }

    public void Dispose() => _log?.Dispose();
}
