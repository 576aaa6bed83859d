using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Json;

namespace MiracleCell.Bot.Hosting;

/// <summary>Where the bot looks for appsettings.json.</summary>
public static class SettingsFiles
{
    public const string FileName = "appsettings.json";

    /// <summary>
    /// Adds the appsettings.json of the directory the bot was started from (the repository root for
    /// <c>dotnet run --project src/MiracleCell.Bot</c>), above the one next to the binary and below environment
    /// variables and the command line, so a self-hoster's file wins over the shipped defaults.
    /// </summary>
    public static void AddWorkingDirectorySettings(ConfigurationManager configuration, string workingDirectory)
    {
        var path = Path.GetFullPath(Path.Combine(workingDirectory, FileName));
        if (path == Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, FileName))) return;

        var sources = configuration.Sources;
        var afterLastFile = sources.Select((source, index) => (source, index)).LastOrDefault(s => s.source is JsonConfigurationSource).index + 1;
        var source = new JsonConfigurationSource { Path = path, Optional = true, ReloadOnChange = false };
        source.ResolveFileProvider();
        sources.Insert(afterLastFile, source);
    }
}
