using System.Text.Json.Serialization;

namespace MiracleCell.Bot.Transport;

/// <summary>Source-generated JSON for <see cref="CommandRegistrationRecord"/>'s file: scope → fingerprint.</summary>
[JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class CommandRegistrationJsonContext : JsonSerializerContext;
