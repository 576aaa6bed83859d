namespace MiracleCell.Discord.Gateway;

/// <summary>
/// Gateway behaviour set in code (not configuration): intents, identify properties and the reconnect policy.
/// Configure with <c>services.AddDiscordGateway(settings => settings.Intents = ...)</c>.
/// </summary>
public sealed class GatewaySettings
{
    /// <summary>Intents sent in Identify. <see cref="GatewayIntents.None"/> suffices for slash commands and
    /// buttons.</summary>
    public GatewayIntents Intents { get; set; } = GatewayIntents.None;

    /// <summary>Identify <c>properties.os</c>.</summary>
    public string OperatingSystem { get; set; } = System.OperatingSystem.IsWindows()
        ? "windows"
        : System.OperatingSystem.IsMacOS()
        ? "macos"
        : "linux";

    /// <summary>Identify <c>properties.browser</c> (the library name).</summary>
    public string Browser { get; set; } = "MiracleCell";

    /// <summary>Identify <c>properties.device</c>.</summary>
    public string Device { get; set; } = "MiracleCell";

    /// <summary>Backoff before the first reconnect that follows a failure; it doubles per failure up to
    /// <see cref="MaxReconnectDelay"/>, with jitter.</summary>
    public TimeSpan InitialReconnectDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxReconnectDelay { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>After this many resumes in a row that did not reach RESUMED, the session is dropped and the client
    /// identifies.</summary>
    public int MaxFailedResumes { get; set; } = 3;

    /// <summary>Discord allows max_concurrency identifies per this interval (5 s).</summary>
    public TimeSpan IdentifyInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Sends other than heartbeats stop at this many per 60 s (Discord allows 120 in all), so heartbeats always go out.
    /// </summary>
    public int NonHeartbeatSendLimit { get; set; } = 110;

    /// <summary>How long to wait for Discord to answer a close frame before dropping the socket.</summary>
    public TimeSpan CloseHandshakeTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Source of heartbeat and backoff jitter; replace it to make jitter predictable.</summary>
    public Random Random { get; set; } = Random.Shared;
}
