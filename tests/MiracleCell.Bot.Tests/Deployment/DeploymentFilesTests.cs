using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using MiracleCell.Bot.Health;
using MiracleCell.Discord;
using Npgsql;
using YamlDotNet.RepresentationModel;
using static MiracleCell.Bot.Tests.Deployment.DeploymentFiles;

namespace MiracleCell.Bot.Tests.Deployment;

/// <summary>
/// deploy/compose.yaml, the Kubernetes manifests and the Dockerfile, checked against the bot they deploy: the settings
/// they name exist, the probes ask what the health listener serves, and the pods split the shards between them.
/// </summary>
public sealed partial class DeploymentFilesTests
{
    /// <summary>Resident memory of the Native AOT build after 1,000 interactions, as measured (README, "Speed and
    /// memory").</summary>
    private const long MeasuredResidentBytes = 35L * 1024 * 1024;

    /// <summary>Names that are not the bot's settings: the runtime's, the logging section's and the pod script's
    /// own.</summary>
    private static readonly string[] NotOptions = ["DOTNET_ENVIRONMENT", "POD_NAME", "SHARDS_PER_POD"];

    private static YamlMappingNode Compose => Yaml("compose.yaml");

    private static YamlNode Bot => Compose.At("services", "bot");

    private static YamlMappingNode StatefulSet => Yaml("kubernetes/statefulset.yaml");

    private static YamlNode Container => Assert.Single(StatefulSet.Items("spec", "template", "spec", "containers"));

    private static YamlMappingNode ConfigMap => Yaml("kubernetes/configmap.yaml");

    [Fact]
    public void Every_manifest_is_YAML_of_the_kind_its_name_says()
    {
        var kinds = Directory.GetFiles(Path.Combine(Folder, "kubernetes"), "*.yaml")
            .Select(file => Path.GetFileName(file))
            .Order(StringComparer.Ordinal)
            .Select(name => $"{name}: {Yaml(Path.Combine("kubernetes", name)).Text("kind")}");

        Assert.Equal(["configmap.yaml: ConfigMap", "secret.yaml: Secret", "service.yaml: Service", "statefulset.yaml: "
            + "StatefulSet"], kinds);
    }

    [Fact]
    public void Compose_and_the_StatefulSet_run_the_image_the_Dockerfile_builds()
    {
        Assert.Equal("miraclecell:latest", Bot.Text("image"));
        Assert.Equal(Bot.Text("image"), Container.Text("image"));
        Assert.Equal("deploy/Dockerfile", Bot.Text("build", "dockerfile"));
        Assert.True(File.Exists(Path.Combine(Folder, Bot.Text("build", "context"), Bot.Text("build", "dockerfile"))),
            "the compose build context is taken from the compose file's folder");
    }

    [Fact]
    public void Probes_ask_the_paths_the_health_listener_serves_on_the_port_it_listens_on()
    {
        var port = Assert.Single(Container.Items("ports"));
        var listening = HealthPort(ConfigMap.Text("data", "Health__Urls"));
        Assert.Equal(listening, int.Parse(port.Text("containerPort"), CultureInfo.InvariantCulture));
        foreach (var (probe, path) in new[]
                 {
                     ("startupProbe", HealthListener.LivePath), ("livenessProbe", HealthListener.LivePath),
                     ("readinessProbe", HealthListener.ReadyPath),
                 })
        {
            Assert.Equal(path, Container.Text(probe, "httpGet", "path"));
            Assert.Equal(port.Text("name"), Container.Text(probe, "httpGet", "port"));
        }
        var service = Yaml("kubernetes/service.yaml");
        Assert.Equal(port.Text("name"), Assert.Single(service.Items("spec", "ports")).Text("targetPort"));

        // Compose: the published port is the one the bot listens on, and its health check asks /readyz there.
        var composePort = HealthPort(Bot.Text("environment", "Health__Urls"));
        Assert.EndsWith($":{composePort}", Scalar(Assert.Single(Bot.Items("ports"))), StringComparison.Ordinal);
        var check = string.Join(' ', Bot.Items("healthcheck", "test").Select(Scalar));
        Assert.Contains($"/dev/tcp/127.0.0.1/{composePort}", check, StringComparison.Ordinal);
        Assert.Contains($"GET {HealthListener.ReadyPath} ", check, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_environment_variable_names_a_setting_the_bot_reads()
    {
        var names = EnvironmentNames().ToList();
        Assert.Contains("Storage__ConnectionString", names);
        Assert.Contains("Discord__ShardIds", names);

        var unknown = names.Where(name =>
            !NotOptions.Contains(name) && !name.StartsWith("Logging__", StringComparison.Ordinal)
                && OptionFor(name) is null);
        Assert.Empty(unknown);
    }

    [Theory]
    [InlineData("Storage__ConnectionString", "ConnectionString")]
    [InlineData("Discord__Rest__MaxRetries", "MaxRetries")]
    [InlineData("Storage__ConnectString", null)]
    [InlineData("Store__ConnectionString", null)]
    [InlineData("Storage__DatabasePath", null)]
    public void An_environment_variable_maps_to_a_settable_option_property(string variable, string? property) =>
        Assert.Equal(property, OptionFor(variable)?.Name);

    [Fact]
    public void The_bot_waits_for_a_healthy_database_and_reaches_it_by_its_service_name()
    {
        Assert.Equal("service_healthy", Bot.Text("depends_on", "database", "condition"));
        var database = Compose.At("services", "database");
        Assert.Contains("pg_isready", string.Join(' ', database.Items("healthcheck", "test").Select(Scalar)));
        Assert.Equal("PostgreSql", Bot.Text("environment", "Storage__Provider"));

        var example = EnvFile("miraclecell.env.example");
        var connection = new NpgsqlConnectionStringBuilder(example["Storage__ConnectionString"]);
        Assert.Equal("database", connection.Host);
        Assert.Equal(database.Text("environment", "POSTGRES_DB"), connection.Database);
        Assert.Equal(database.Text("environment", "POSTGRES_USER"), connection.Username);
        Assert.Equal("miraclecell.env", Scalar(Assert.Single(Bot.Items("env_file"))));
        Assert.Contains("miraclecell.env", File.ReadAllLines(Path.Combine(Folder, ".gitignore")));
    }

    [Fact]
    public void Each_pod_takes_its_own_shard_range_and_together_the_pods_hold_every_shard()
    {
        var replicas = int.Parse(StatefulSet.Text("spec", "replicas"), CultureInfo.InvariantCulture);
        var perPod = int.Parse(EnvValue("SHARDS_PER_POD"), CultureInfo.InvariantCulture);
        var shardCount = int.Parse(ConfigMap.Text("data", "Discord__ShardCount"), CultureInfo.InvariantCulture);
        Assert.Equal(shardCount, replicas * perPod);

        var held = new List<int>();
        for (var ordinal = 0; ordinal < replicas; ordinal++)
        {
            var ids = ShardIdList.TryParse(RunPodScript($"miraclecell-{ordinal}", perPod), out var problem);
            Assert.True(ids is not null, problem);
            Assert.Equal(Enumerable.Range(ordinal * perPod, perPod), ids);
            held.AddRange(ids);
        }
        Assert.Equal(Enumerable.Range(0, shardCount), held.Order());
    }

    [Fact]
    public void Memory_requests_cover_the_measured_resident_memory_with_room_to_spare()
    {
        var request = Bytes(Container.Text("resources", "requests", "memory"));
        var limit = Bytes(Container.Text("resources", "limits", "memory"));

        Assert.InRange(request, MeasuredResidentBytes * 3 / 2, MeasuredResidentBytes * 3);
        Assert.InRange(limit, request * 2, request * 4);
    }

    [Fact]
    public void The_image_leaves_the_symbol_files_behind_and_keeps_the_executable()
    {
        var dockerfile = File.ReadAllLines(Path.Combine(Folder, "Dockerfile"));
        var stages = dockerfile.Select((line, index) => (line, index))
            .Where(l => l.line.StartsWith("FROM ", StringComparison.Ordinal)).ToList();
        Assert.EndsWith(" AS runtime", stages[^1].line, StringComparison.Ordinal);
        var runtime = dockerfile[stages[^1].index..];
        Assert.Equal("COPY --from=build /app ./",
            Assert.Single(runtime, l => l.StartsWith("COPY", StringComparison.Ordinal)));

        // Run the build stage's own command on a folder laid out as the publish leaves it.
        var strip = Assert.Single(dockerfile, l => l.StartsWith("RUN mkdir /symbols", StringComparison.Ordinal))[
            "RUN ".Length..];
        var root = Directory.CreateTempSubdirectory("miraclecell-image-").FullName;
        try
        {
            var app = Directory.CreateDirectory(Path.Combine(root, "app")).FullName;
            Directory.CreateDirectory(Path.Combine(app, "data", "films"));
            foreach (var file in new[] { "MiracleCell.Bot", "MiracleCell.Bot.dbg", "MiracleCell.Core.pdb",
                "appsettings.json", "data/films/film.yaml" })
                File.WriteAllText(Path.Combine(app, file), file);
            RunShell(
                strip.Replace("/symbols", Path.Combine(root, "symbols"), StringComparison.Ordinal)
                    .Replace("/app", app, StringComparison.Ordinal),
                root);

            Assert.Equal(["MiracleCell.Core.pdb", "MiracleCell.Bot.dbg"],
                Directory.GetFiles(Path.Combine(root, "symbols")).Select(Path.GetFileName).OrderDescending());
            Assert.Equal(["MiracleCell.Bot", "appsettings.json", "data/films/film.yaml"],
                Directory.GetFiles(app, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(app, f))
                    .Order(StringComparer.Ordinal));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static IEnumerable<string> EnvironmentNames()
    {
        foreach (var name in Bot.Entries("environment").Select(e => e.Key)) yield return name;
        foreach (var name in EnvFile("miraclecell.env.example").Keys) yield return name;
        foreach (var name in ConfigMap.Entries("data").Select(e => e.Key)) yield return name;
        foreach (var name in Yaml("kubernetes/secret.yaml").Entries("stringData").Select(e => e.Key)) yield return name;
        foreach (var env in Container.Items("env")) yield return env.Text("name");
        foreach (Match export in ExportedVariable().Matches(Scalar(Assert.Single(Container.Items("args")))))
            yield return export.Groups[1].Value;
        var dockerfile = File.ReadAllText(Path.Combine(Folder, "Dockerfile"));
        foreach (Match variable in DockerfileEnvVariable().Matches(dockerfile)) yield return variable.Groups[1].Value;
    }

    private static string EnvValue(string name) =>
        Assert.Single(Container.Items("env"), env => env.Text("name") == name).Text("value");

    private static Dictionary<string, string> EnvFile(string name) =>
        File.ReadAllLines(Path.Combine(Folder, name))
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split('=', 2))
            .ToDictionary(parts => parts[0], parts => parts[1]);

    private static int HealthPort(string urls) =>
        int.Parse(PortOf().Match(Assert.Single(new HealthOptions { Urls = urls }.Prefixes())).Groups[1].Value,
            CultureInfo.InvariantCulture);

    /// <summary>Runs the container's start script with the pod's name, a stand-in for the bot printing the shard ids it
    /// was given.</summary>
    private static string RunPodScript(string podName, int perPod)
    {
        var folder = Directory.CreateTempSubdirectory("miraclecell-pod-").FullName;
        try
        {
            var bot = Path.Combine(folder, "MiracleCell.Bot");
            File.WriteAllText(bot, "#!/bin/sh\nprintf '%s' \"$Discord__ShardIds\"\n");
            if (!OperatingSystem.IsWindows())
                File.SetUnixFileMode(bot, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            var command = Container.Items("command").Select(Scalar).ToList();
            var start = new ProcessStartInfo(command[0]) { WorkingDirectory = folder, RedirectStandardOutput = true,
                RedirectStandardError = true };
            foreach (var argument in command.Skip(1).Concat(Container.Items("args").Select(Scalar)))
                start.ArgumentList.Add(argument);
            start.Environment["POD_NAME"] = podName;
            start.Environment["SHARDS_PER_POD"] = perPod.ToString(CultureInfo.InvariantCulture);
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            Assert.True(process.ExitCode == 0, process.StandardError.ReadToEnd());
            return output;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static void RunShell(string script, string workingDirectory)
    {
        using var process = Process.Start(new ProcessStartInfo("/bin/sh", ["-c", script])
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardError = true,
        })!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, error);
    }

    private static long Bytes(string quantity)
    {
        var match = Quantity().Match(quantity);
        Assert.True(match.Success, $"'{quantity}' is not a memory quantity such as 64Mi.");
        var number = long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        return match.Groups[2].Value switch
        {
            "Ki" => number << 10,
            "Mi" => number << 20,
            "Gi" => number << 30,
            "M" => number * 1_000_000,
            _ => number,
        };
    }

    [GeneratedRegex(@"export\s+([A-Za-z_][A-Za-z0-9_]*)=")]
    private static partial Regex ExportedVariable();

    /// <summary>ENV NAME=value, also on continuation lines of one ENV instruction.</summary>
    [GeneratedRegex(@"^(?:ENV\s+|\s+)([A-Za-z_][A-Za-z0-9_]*)=", RegexOptions.Multiline)]
    private static partial Regex DockerfileEnvVariable();

    [GeneratedRegex(@":(\d+)/?$")]
    private static partial Regex PortOf();

    [GeneratedRegex(@"^(\d+)(Ki|Mi|Gi|M)?$")]
    private static partial Regex Quantity();
}
