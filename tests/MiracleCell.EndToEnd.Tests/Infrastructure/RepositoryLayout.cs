namespace MiracleCell.EndToEnd.Tests.Infrastructure;

/// <summary>Where the end-to-end pieces live, found by walking up from the test binaries to
/// <c>MiracleCell.sln</c>.</summary>
public sealed record RepositoryLayout(string RepositoryRoot)
{
    public const string SpecPathVariable = "DISCORD_API_SPEC";

    public string HarnessDirectory => Path.Combine(RepositoryRoot, "tests", "e2e-harness");

    public string HarnessScript => Path.Combine(HarnessDirectory, "harness.mjs");

    /// <summary><c>&lt;repo&gt;/../shared/discord-api-spec/openapi.json</c>, or the path in
    /// <c>DISCORD_API_SPEC</c>.</summary>
    public string SpecPath =>
        Environment.GetEnvironmentVariable(SpecPathVariable) is { Length: > 0 } overridden
            ? Path.GetFullPath(overridden)
            : Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "discord-api-spec", "openapi.json"));

    public static RepositoryLayout? TryLocate(string startDirectory)
    {
        for (var directory = new DirectoryInfo(startDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "MiracleCell.sln")))
            {
                return new RepositoryLayout(directory.FullName);
            }
        }

        return null;
    }

    public static RepositoryLayout Locate() =>
        TryLocate(AppContext.BaseDirectory)
        ?? throw new InvalidOperationException(
            $"MiracleCell.sln was not found in {AppContext.BaseDirectory} or any folder above it; run the end-to-end "
                + "tests from inside the repository.");
}
