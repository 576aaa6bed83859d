namespace MiracleCell.Testing;

/// <summary>
/// Marks a test class whose tests all need a PostgreSQL server (<see cref="PostgreSqlServer"/>). Its
/// <see cref="SuiteFactAttribute"/> tests, including those it inherits from an abstract suite, are then skipped with
/// the reason when no PostgreSQL programs are installed, except under CI, where their absence must fail.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class RequiresPostgreSqlAttribute : Attribute
{
    /// <summary>Why the tests cannot run on this machine; null when they can (or must, under CI).</summary>
    public static string? UnmetReason => PostgreSqlBinaries.IsCi ? null : PostgreSqlBinaries.MissingReason;
}
