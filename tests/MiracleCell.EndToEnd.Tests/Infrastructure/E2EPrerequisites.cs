namespace MiracleCell.EndToEnd.Tests.Infrastructure;

/// <summary>
/// What the end-to-end tests need from the machine: Node on PATH, Discord's OpenAPI spec, and a C toolchain for the
/// Native AOT publish of the bot.
/// Missing pieces skip the tests locally; with <c>CI=true</c> they fail instead.
/// </summary>
public sealed record E2EPrerequisites(RepositoryLayout? Layout, string? NodePath, string? MissingReason)
{
    public static bool IsCi =>
        string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public bool Satisfied => MissingReason is null;

    public static E2EPrerequisites Check()
    {
        var layout = RepositoryLayout.TryLocate(AppContext.BaseDirectory);
        if (layout is null)
        {
            return new E2EPrerequisites(null, null, $"MiracleCell.sln was not found above {AppContext.BaseDirectory}.");
        }

        var node = FindOnPath(OperatingSystem.IsWindows() ? "node.exe" : "node");
        if (node is null)
        {
            return new E2EPrerequisites(layout, null, "Node.js (node) is not on PATH; install Node 20+ to run "
                + "the end-to-end tests.");
        }

        if (!File.Exists(layout.SpecPath))
        {
            return new E2EPrerequisites(
                layout,
                node,
                $"Discord's OpenAPI spec is not at {layout.SpecPath}; put shared/discord-api-spec beside the "
                    + $"repository or set {RepositoryLayout.SpecPathVariable}.");
        }

        if (PublishedBotBuild.PublishesNow && FindOnPath("gcc") is null && FindOnPath("clang") is null
            && !OperatingSystem.IsWindows())
        {
            return new E2EPrerequisites(
                layout,
                node,
                "The bot is published as Native AOT, which links with gcc or clang, and neither is on PATH; install "
                    + $"one (e.g. apt-get install gcc), or set {PublishedBotBuild.BuildVariable}=output to "
                    + "test the build output.");
        }

        return new E2EPrerequisites(layout, node, null);
    }

    public static string? FindOnPath(string executable)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        foreach (var directory in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(directory, executable);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
