using Xunit;

namespace MiracleCell.Testing;

/// <summary>
/// A test that needs a PostgreSQL server (<see cref="PostgreSqlServer"/>). Skipped, with the reason, when no
/// PostgreSQL programs are installed — except under CI, where .ci/run installs them and their absence must fail.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgreSqlFactAttribute : FactAttribute
{
    public PostgreSqlFactAttribute()
    {
        if (PostgreSqlBinaries.MissingReason is { } reason && !PostgreSqlBinaries.IsCi) Skip = reason;
    }
}
