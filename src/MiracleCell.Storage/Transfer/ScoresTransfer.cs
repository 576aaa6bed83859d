using System.Text;

namespace MiracleCell.Storage.Transfer;

/// <summary>
/// <c>scores export</c> and <c>scores import</c>: moves everything one store holds into another through a scores
/// file. An export is written beside the target and renamed into place, so a failed one leaves no half file; an
/// import replaces the target's data in one transaction and then counts what the target holds.
/// </summary>
public static class ScoresTransfer
{
    public static async Task<TransferCounts> ExportAsync(
        IScoresTransfer store, string path, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(time);
        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full)!;
        if (!Directory.Exists(folder))
        {
            throw new ScoresFileException($"The folder {folder} does not exist: create it, or export to another path.");
        }
        var snapshot = await store.ReadAllAsync(cancellationToken).ConfigureAwait(false);
        var partial = full + ".partial";
        try
        {
            var file = new StreamWriter(partial, append: false, new UTF8Encoding(false));
            await using (file.ConfigureAwait(false))
            {
                await ScoresFile.WriteAsync(snapshot, file, store.ProviderName, time.GetUtcNow(), cancellationToken)
                    .ConfigureAwait(false);
            }
            File.Move(partial, full, overwrite: true);
        }
        catch
        {
            File.Delete(partial);
            throw;
        }
        return snapshot.Counts;
    }

    /// <param name="replace">Delete what the target holds first; without it a target holding data is refused.</param>
    public static async Task<TransferCounts> ImportAsync(
        IScoresTransfer store, string path, bool replace, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        StoreSnapshot snapshot;
        try
        {
            using var reader = new StreamReader(path, Encoding.UTF8);
            snapshot = await ScoresFile.ReadAsync(reader, path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new ScoresFileException($"{path} does not exist: give the file written by 'scores export'.", ex);
        }
        var before = await store.CountAsync(cancellationToken).ConfigureAwait(false);
        if (before.Total > 0 && !replace)
        {
            throw new ScoresImportRefusedException(
                $"The {store.ProviderName} store already holds data ({before}): import into an empty store, or add "
                + "--replace to delete that data and keep only the file's.");
        }
        await store.ReplaceAllAsync(snapshot, cancellationToken).ConfigureAwait(false);
        var after = await store.CountAsync(cancellationToken).ConfigureAwait(false);
        if (after != snapshot.Counts)
        {
            throw new ScoresImportRefusedException(
                $"After the import the {store.ProviderName} store holds {after}, not the file's {snapshot.Counts}: "
                + "the import is incomplete; run it again with --replace.");
        }
        return after;
    }
}
