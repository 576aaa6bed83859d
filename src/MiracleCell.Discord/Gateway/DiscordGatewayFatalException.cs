namespace MiracleCell.Discord.Gateway;

/// <summary>
/// The gateway cannot continue and reconnecting would not help (bad token, shard or intents). The message says
/// what to change. The client never reconnects after this.
/// </summary>
public sealed class DiscordGatewayFatalException : Exception
{
    public DiscordGatewayFatalException(int closeCode)
        : base(GatewayCloseCodes.DescribeFatal(closeCode)) => CloseCode = closeCode;

    public DiscordGatewayFatalException(string message, Exception? innerException = null)
        : base(message, innerException) { }

    /// <summary>The gateway close code, or null when the cause was not a close code (e.g. HTTP 401 from GET
    /// /gateway/bot).</summary>
    public int? CloseCode { get; }
}
