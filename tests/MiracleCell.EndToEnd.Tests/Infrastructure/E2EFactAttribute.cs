namespace MiracleCell.EndToEnd.Tests.Infrastructure;

/// <summary>
/// A fact that is skipped, with the reason, when Node or the OpenAPI spec is missing — except under
/// <c>CI=true</c>, where it runs and the fixture fails saying what is missing.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class E2EFactAttribute : FactAttribute
{
    public E2EFactAttribute()
    {
        var prerequisites = E2EPrerequisites.Check();
        if (!prerequisites.Satisfied && !E2EPrerequisites.IsCi)
        {
            Skip = prerequisites.MissingReason;
        }
    }
}
