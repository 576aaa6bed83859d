using System.Text.Json;

namespace MiracleCell.Discord.Gateway;

/// <summary>
/// The dispatch names the client acts on. A frame's name is matched against these as UTF-8 bytes, so the events that
/// arrive all the time share one string instead of making one per frame.
/// </summary>
internal static class GatewayEventNames
{
    public const string Ready = "READY";
    public const string Resumed = "RESUMED";
    public const string InteractionCreate = "INTERACTION_CREATE";

    /// <summary>The name in a dispatch's <c>t</c>, which must be a JSON string.</summary>
    public static string Read(JsonElement name) =>
        name.ValueEquals("INTERACTION_CREATE"u8) ? InteractionCreate
        : name.ValueEquals("READY"u8) ? Ready
        : name.ValueEquals("RESUMED"u8) ? Resumed
        : name.GetString()!;
}
