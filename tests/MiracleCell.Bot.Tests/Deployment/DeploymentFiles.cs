using System.Reflection;
using MiracleCell.Bot.Health;
using MiracleCell.Bot.Hosting;
using MiracleCell.Bot.Trivia;
using MiracleCell.Discord;
using MiracleCell.Discord.Rest;
using MiracleCell.Storage;
using YamlDotNet.RepresentationModel;

namespace MiracleCell.Bot.Tests.Deployment;

/// <summary>The files under deploy/, read as YAML node trees (no object mapping), and the settings they may
/// name.</summary>
internal static class DeploymentFiles
{
    public static string Folder { get; } = Path.Combine(RepositoryRoot(), "deploy");

    public static YamlMappingNode Yaml(string relativePath)
    {
        using var reader = new StreamReader(Path.Combine(Folder, relativePath));
        var stream = new YamlStream();
        stream.Load(reader);
        return (YamlMappingNode)Assert.Single(stream.Documents).RootNode;
    }

    public static YamlNode At(this YamlNode node, params string[] path)
    {
        foreach (var key in path)
        {
            var mapping = Assert.IsType<YamlMappingNode>(node);
            Assert.True(mapping.Children.TryGetValue(new YamlScalarNode(key), out var child),
                $"No '{key}' in the manifest.");
            node = child;
        }
        return node;
    }

    public static string Text(this YamlNode node, params string[] path) =>
        Assert.IsType<YamlScalarNode>(node.At(path)).Value!;

    public static string Scalar(YamlNode node) => Assert.IsType<YamlScalarNode>(node).Value!;

    public static IEnumerable<YamlNode> Items(this YamlNode node, params string[] path) =>
        Assert.IsType<YamlSequenceNode>(node.At(path)).Children;

    public static IEnumerable<KeyValuePair<string, YamlNode>> Entries(this YamlNode node, params string[] path) =>
        Assert.IsType<YamlMappingNode>(node.At(path))
            .Children.Select(p => KeyValuePair.Create(((YamlScalarNode)p.Key).Value!, p.Value));

    /// <summary>Every options class the bot binds, by its configuration section.</summary>
    private static readonly Dictionary<string, Type> OptionsBySection = new()
    {
        [DiscordOptions.SectionName] = typeof(DiscordOptions),
        [$"{DiscordOptions.SectionName}:{DiscordRestOptions.SectionName}"] = typeof(DiscordRestOptions),
        [BotOptions.SectionName] = typeof(BotOptions),
        [StorageOptions.SectionName] = typeof(StorageOptions),
        [TriviaNightOptions.SectionName] = typeof(TriviaNightOptions),
        [HealthOptions.SectionName] = typeof(HealthOptions),
    };

    /// <summary>
    /// The option property an environment variable sets (<c>Storage__ConnectionString</c> is
    /// StorageOptions.ConnectionString), or null when no options class of the bot has it.
    /// </summary>
    public static PropertyInfo? OptionFor(string variable)
    {
        var parts = variable.Split("__");
        if (parts.Length < 2 || !OptionsBySection.TryGetValue(string.Join(':', parts[..^1]), out var options))
            return null;
        var property = options.GetProperty(parts[^1], BindingFlags.Public | BindingFlags.Instance);
        return property is { CanWrite: true } && property.SetMethod!.IsPublic ? property : null;
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "MiracleCell.sln"))) return folder.FullName;
        }
        throw new InvalidOperationException("MiracleCell.sln was not found above " + AppContext.BaseDirectory);
    }
}
