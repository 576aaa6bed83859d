namespace MiracleCell.Storage;

/// <summary>Where the scores live, chosen by <c>Storage:Provider</c>.</summary>
public enum StorageProvider
{
    /// <summary>An embedded database file in <c>Storage:DataFolder</c>: one process on one machine.</summary>
    LiteDb,

    /// <summary>A PostgreSQL server at <c>Storage:ConnectionString</c>, shared by every process of the bot.</summary>
    PostgreSql,
}
