using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace MiracleCell.Bot.Transport;

/// <summary>
/// Remembers, in a small JSON file in the data folder, the fingerprint of the definitions last registered per
/// application and scope. Discord offers no cheap "has this changed?" answer that every Discord-compatible server
/// implements, so the record is the source of truth; a lost or unreadable file only costs one extra overwrite.
/// </summary>
internal sealed class CommandRegistrationRecord(string path, ILogger logger)
{
    public string Path { get; } = path;

    public string? Read(string scope)
    {
        try
        {
            if (!File.Exists(Path)) return null;
            var entries = JsonSerializer.Deserialize(File.ReadAllText(Path),
                CommandRegistrationJsonContext.Default.DictionaryStringString);
            return entries is not null && entries.TryGetValue(scope, out var fingerprint) ? fingerprint : null;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or JsonException)
        {
            logger.LogWarning("Could not read {Path} ({Problem}); the commands will be registered again", Path,
                exception.Message);
            return null;
        }
    }

    public void Write(string scope, string fingerprint)
    {
        try
        {
            Dictionary<string, string> entries;
            try
            {
                entries = File.Exists(Path)
                    ? JsonSerializer.Deserialize(File.ReadAllText(Path),
                        CommandRegistrationJsonContext.Default.DictionaryStringString)
                        ?? []
                    : [];
            }
            catch (JsonException)
            {
                entries = [];
            }
            entries[scope] = fingerprint;
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path))!);
            var temporary = Path + ".tmp";
            File.WriteAllText(temporary,
                JsonSerializer.Serialize(entries, CommandRegistrationJsonContext.Default.DictionaryStringString));
            File.Move(temporary, Path, overwrite: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning("Could not write {Path} ({Problem}); the commands will be registered "
                + "again at the next start", Path, exception.Message);
        }
    }
}
