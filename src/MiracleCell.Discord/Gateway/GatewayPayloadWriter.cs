using System.Buffers;
using System.Text.Json;

namespace MiracleCell.Discord.Gateway;

/// <summary>Writes the payloads the client sends. Identify and Resume carry the token: never log their bytes.</summary>
internal static class GatewayPayloadWriter
{
    public static byte[] Heartbeat(long? lastSequence) => Write(writer =>
    {
        writer.WriteNumber("op", (int)GatewayOpcode.Heartbeat);
        if (lastSequence is { } seq) writer.WriteNumber("d", seq);
        else writer.WriteNull("d");
    });

    public static byte[] Identify(string token, GatewaySettings settings, int shardId, int shardCount) =>
        Write(writer =>
    {
        writer.WriteNumber("op", (int)GatewayOpcode.Identify);
        writer.WriteStartObject("d");
        writer.WriteString("token", token);
        writer.WriteNumber("intents", (int)settings.Intents);
        writer.WriteStartObject("properties");
        writer.WriteString("os", settings.OperatingSystem);
        writer.WriteString("browser", settings.Browser);
        writer.WriteString("device", settings.Device);
        writer.WriteEndObject();
        writer.WriteBoolean("compress", false);
        writer.WriteStartArray("shard");
        writer.WriteNumberValue(shardId);
        writer.WriteNumberValue(shardCount);
        writer.WriteEndArray();
        writer.WriteEndObject();
    });

    public static byte[] Resume(string token, string sessionId, long? lastSequence) => Write(writer =>
    {
        writer.WriteNumber("op", (int)GatewayOpcode.Resume);
        writer.WriteStartObject("d");
        writer.WriteString("token", token);
        writer.WriteString("session_id", sessionId);
        if (lastSequence is { } seq) writer.WriteNumber("seq", seq);
        else writer.WriteNull("seq");
        writer.WriteEndObject();
    });

    public static byte[] Custom(GatewayOpcode opcode, JsonElement data) => Write(writer =>
    {
        writer.WriteNumber("op", (int)opcode);
        writer.WritePropertyName("d");
        data.WriteTo(writer);
    });

    private static byte[] Write(Action<Utf8JsonWriter> body)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }
}
