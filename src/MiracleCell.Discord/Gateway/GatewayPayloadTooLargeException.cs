namespace MiracleCell.Discord.Gateway;

/// <summary>A payload was refused before sending: Discord closes the connection (4002) for anything above 4096
/// bytes.</summary>
public sealed class GatewayPayloadTooLargeException(GatewayOpcode opcode, int byteCount)
    : Exception($"The gateway payload for op {(int)opcode} ({opcode}) is {byteCount} bytes; Discord accepts at most "
        + $"{GatewayLimits.MaxPayloadBytes}. It was not sent — send less data.")
{
    public GatewayOpcode Opcode { get; } = opcode;
    public int ByteCount { get; } = byteCount;
}

/// <summary>Limits Discord enforces on what a client sends.</summary>
public static class GatewayLimits
{
    public const int MaxPayloadBytes = 4096;
    public const int MaxSendsPerWindow = 120;
    public static readonly TimeSpan SendWindow = TimeSpan.FromSeconds(60);
}
