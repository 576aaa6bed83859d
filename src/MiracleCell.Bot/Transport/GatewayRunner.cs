using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MiracleCell.Bot.Hosting;
using MiracleCell.Discord.Gateway;

namespace MiracleCell.Bot.Transport;

/// <summary>
/// Runs the gateway connection for the life of the host (in place of the library's own hosted service, so the bot
/// can choose its exit code). When Discord refuses the bot for good (bad token, shard or intents) it logs one line
/// saying what to fix and stops the application with exit code 78, which the service manager does not restart.
/// </summary>
public sealed class GatewayRunner(
    GatewayShardSet shards,
    IHostApplicationLifetime lifetime,
    BotExitCode exitCode,
    ILogger<GatewayRunner> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await shards.RunAsync(stoppingToken);
        }
        catch (DiscordGatewayFatalException exception)
        {
            logger.LogCritical("{Problem} The bot is stopping.", exception.Message);
            exitCode.Set(ExitCodes.Configuration);
            lifetime.StopApplication();
        }
    }
}
