using Xunit;
using Xunit.Sdk;

namespace MiracleCell.Testing;

/// <summary>
/// A fact in an abstract test suite that several concrete classes run (one per backend). Unlike a plain
/// <see cref="FactAttribute"/>, its skip reason is decided per concrete class: a test inherited by a class marked
/// <see cref="RequiresPostgreSqlAttribute"/> is skipped with the reason when PostgreSQL is missing, while the same test
/// still runs for the other classes.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
[XunitTestCaseDiscoverer("MiracleCell.Testing.SuiteFactDiscoverer", "MiracleCell.Testing")]
public sealed class SuiteFactAttribute : FactAttribute;
