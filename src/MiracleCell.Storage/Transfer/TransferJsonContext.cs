using System.Text.Json;
using System.Text.Json.Serialization;

namespace MiracleCell.Storage.Transfer;

/// <summary>
/// Source-generated JSON for scores files (no reflection, trim-safe). Missing or null values where the row type
/// has none are errors, so a damaged line is reported rather than imported with blanks. Ids are written as JSON
/// numbers, as the files have always held them, not as Discord's strings.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web,
    Converters = [typeof(SnowflakeAsNumberJsonConverter)],
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
[JsonSerializable(typeof(TransferLine))]
internal sealed partial class TransferJsonContext : JsonSerializerContext;
