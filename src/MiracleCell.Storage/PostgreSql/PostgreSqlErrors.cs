using System.Net.Sockets;
using Npgsql;

namespace MiracleCell.Storage.PostgreSql;

/// <summary>Tells a server that cannot be reached from a statement that failed, and words the former in one
/// line.</summary>
internal static class PostgreSqlErrors
{
    /// <summary>
    /// True when the server could not be reached or dropped the connection (down, restarting, refusing
    /// connections, network gone): nothing was committed, and trying again later may work.
    /// </summary>
    public static bool IsUnavailable(Exception ex) => ex switch
    {
        StoreUnavailableException => true,
        // Class 08: connection exceptions; 57P01-57P03: the server is shutting down or starting.
        PostgresException pg =>
            pg.SqlState.StartsWith("08", StringComparison.Ordinal) || pg.SqlState is "57P01" or "57P02" or "57P03",
        NpgsqlException npgsql =>
            npgsql.IsTransient || npgsql.InnerException is SocketException or IOException or TimeoutException,
        SocketException or TimeoutException => true,
        _ => false,
    };

    /// <summary>The exception a caller gets: <see cref="StoreUnavailableException"/> for an unreachable server, else
    /// the original.</summary>
    public static Exception Describe(Exception ex, NpgsqlDataSource dataSource) =>
        ex is not StoreUnavailableException && IsUnavailable(ex)
            ? new StoreUnavailableException(
                $"The score database at {Where(dataSource)} cannot be reached ({OneLine(ex)}): the "
                    + "change was not saved.", ex)
            : ex;

    /// <summary>Host, port and database, without the credentials.</summary>
    public static string Where(NpgsqlDataSource dataSource)
    {
        var parsed = new NpgsqlConnectionStringBuilder(dataSource.ConnectionString);
        return $"{parsed.Host}:{parsed.Port}/{parsed.Database ?? parsed.Username}";
    }

    /// <summary>The innermost useful message, on one line.</summary>
    public static string OneLine(Exception ex)
    {
        var message = ex switch
        {
            PostgresException pg => $"{pg.SqlState}: {pg.MessageText}",
            NpgsqlException { InnerException: { } inner } when inner is SocketException or IOException
                or TimeoutException =>
                inner.Message,
            _ => ex.Message,
        };
        return message.ReplaceLineEndings(" ").Trim();
    }
}
