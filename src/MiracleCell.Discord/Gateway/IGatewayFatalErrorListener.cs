namespace MiracleCell.Discord.Gateway;

/// <summary>
/// Told when the gateway stops for good (bad token, shard or intents), before the application is stopped: the
/// application chooses its own exit code here. Register as <c>services.AddSingleton&lt;IGatewayFatalErrorListener,
/// T&gt;()</c>.
/// </summary>
public interface IGatewayFatalErrorListener
{
    void OnFatalError(DiscordGatewayFatalException exception);
}
