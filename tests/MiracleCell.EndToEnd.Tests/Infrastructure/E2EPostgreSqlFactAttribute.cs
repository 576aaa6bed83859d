using MiracleCell.Testing;

namespace MiracleCell.EndToEnd.Tests.Infrastructure;

/// <summary>
/// An end-to-end fact that also needs a PostgreSQL server: skipped, with the reason, when Node, the OpenAPI spec or
/// the PostgreSQL programs are missing, except under <c>CI=true</c>, where it runs and fails saying what is missing.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class E2EPostgreSqlFactAttribute : FactAttribute
{
    public E2EPostgreSqlFactAttribute()
    {
        if (E2EPrerequisites.IsCi) return;
        var prerequisites = E2EPrerequisites.Check();
        Skip = !prerequisites.Satisfied ? prerequisites.MissingReason : PostgreSqlBinaries.MissingReason;
    }
}
