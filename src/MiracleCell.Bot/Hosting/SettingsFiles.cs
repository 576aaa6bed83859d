using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Json;

namespace MiracleCell.Bot.Hosting;

/// <summary>Where the bot looks for appsettings.json.</summary>
internal static class SettingsFiles
{
    public const string FileName = "appsettings.json";

    /// <summary>
    /// Stops the start when a settings file the bot reads is a folder or cannot be opened: the configuration library
    /// would skip the folder without a word, and fail on the unreadable file with a stack trace.
    /// </summary>
    /// <exception cref="StartupException">One of <paramref name="paths"/> is a folder or cannot be read.</exception>
    internal static void EnsureReadable(IEnumerable<string> paths)
    {
        foreach (var path in paths.Select(Path.GetFullPath).Distinct(StringComparer.Ordinal))
        {
            if (Directory.Exists(path))
                throw new StartupException($"the settings file {path} is a folder, not a file: remove the folder, or "
                    + "put the settings in a file of that name (appsettings.example.json shows its shape).");
            if (!File.Exists(path)) continue;
            try
            {
                using (File.OpenRead(path)) { }
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                throw new StartupException($"the settings file {path} cannot be read ({exception.Message}): give the "
                    + "bot's user read access to it, or move it away.", exception);
            }
        }
    }

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
        var afterLastFile = sources.Select((source, index) => (source, index))
            .LastOrDefault(s => s.source is JsonConfigurationSource).index
            + 1;
        var source = new JsonConfigurationSource { Path = path, Optional = true, ReloadOnChange = false };
        source.ResolveFileProvider();
        sources.Insert(afterLastFile, source);
    }
}
