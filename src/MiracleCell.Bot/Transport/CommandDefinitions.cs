using System.Security.Cryptography;
using System.Text.Json;
using MiracleCell.Discord.Models;

namespace MiracleCell.Bot.Transport;

/// <summary>A fingerprint of command definitions that does not depend on their order or on ids Discord
/// assigns.</summary>
internal static class CommandDefinitions
{
    /// <summary>SHA-256 (hex) of the definitions as sent, sorted by type and name, without ids.</summary>
    public static string Fingerprint(IReadOnlyList<ApplicationCommand> definitions)
    {
        var normalised = definitions
            .Select(definition => definition with { Id = null })
            .OrderBy(definition => definition.Type)
            .ThenBy(definition => definition.Name, StringComparer.Ordinal)
            .ToList();
        var json = JsonSerializer.SerializeToUtf8Bytes(normalised,
            Discord.Models.DiscordJsonContext.Default.ListApplicationCommand);
        return Convert.ToHexStringLower(SHA256.HashData(json));
    }
}
