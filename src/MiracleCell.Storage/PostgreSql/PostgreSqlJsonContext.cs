using System.Text.Json;
using System.Text.Json.Serialization;
using MiracleCell.Core.Trivia;

namespace MiracleCell.Storage.PostgreSql;

/// <summary>Source-generated JSON for the game settings saved with each game (no reflection, trim-safe).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(TriviaSettings))]
internal sealed partial class PostgreSqlJsonContext : JsonSerializerContext;
