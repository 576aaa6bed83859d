namespace MiracleCell.Storage.Transfer;

/// <summary>
/// Reads and replaces everything a store holds (trivia games, answers, totals, monthly points and the club
/// settings), for <c>scores export</c> and <c>scores import</c>. Run with no bot using the store.
/// </summary>
public interface IScoresTransfer
{
    /// <summary>Short name of the store, written into the file's header (LiteDb or PostgreSql).</summary>
    string ProviderName { get; }

    /// <summary>Every stored row, read as one consistent state.</summary>
    Task<StoreSnapshot> ReadAllAsync(CancellationToken cancellationToken);

    Task<TransferCounts> CountAsync(CancellationToken cancellationToken);

    /// <summary>Deletes everything stored and writes <paramref name="snapshot"/> instead, in one transaction.</summary>
    Task ReplaceAllAsync(StoreSnapshot snapshot, CancellationToken cancellationToken);
}
