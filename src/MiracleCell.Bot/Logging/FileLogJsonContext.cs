using System.Text.Json.Serialization;

namespace MiracleCell.Bot.Logging;

[JsonSerializable(typeof(Dictionary<string, object?>))]
[JsonSerializable(typeof(string))]
internal sealed partial class FileLogJsonContext : JsonSerializerContext;
