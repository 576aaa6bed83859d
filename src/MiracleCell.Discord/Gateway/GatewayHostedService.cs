using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MiracleCell.Discord.Gateway;

/// <summary>
/// Runs this process's shards (<see cref="GatewayShardSet"/>) for the life of the host. Ctrl-C/SIGTERM closes the
/// connection with 1000 (ending the session). On a fatal refusal (bad token, shard or intents) it logs one line saying
/// what to fix, sets the process exit code to 1, tells every <see cref="IGatewayFatalErrorListener"/> (which may choose
/// another exit code) and stops the application, instead of reconnecting.
/// </summary>
public sealed class GatewayHostedService(
    GatewayShardSet shards,
    IHostApplicationLifetime lifetime,
    ILogger<GatewayHostedService> logger,
    IEnumerable<IGatewayFatalErrorListener>? listeners = null) : BackgroundService
{
    /// <summary>The exit code the process ends with after a fatal gateway error.</summary>
    public const int FatalExitCode = 1;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await shards.RunAsync(stoppingToken);
        }
        catch (DiscordGatewayFatalException ex)
        {
            logger.LogCritical("{Problem} The bot is stopping.", ex.Message);
            Environment.ExitCode = FatalExitCode;
            foreach (var listener in listeners ?? []) listener.OnFatalError(ex);
            lifetime.StopApplication();
        }
    }
}
