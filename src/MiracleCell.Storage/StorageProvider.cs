namespace MiracleCell.Storage;

/// <summary>Which database holds the trivia scores (<c>Storage:Provider</c>).</summary>
public enum StorageProvider
{
    /// <summary>One embedded LiteDB file under <c>Storage:DataFolder</c>, owned by a single bot process.</summary>
    LiteDb,
}
