using MiracleCell.Discord.Gateway;

namespace MiracleCell.Bot.Hosting;

/// <summary>
/// When Discord refuses the bot for good (bad token, shard or intents) the process ends with
/// <see cref="ExitCodes.Configuration"/>, which the service manager does not restart.
/// </summary>
internal sealed class ConfigurationExitOnFatalGateway(BotExitCode exitCode) : IGatewayFatalErrorListener
{
    public void OnFatalError(DiscordGatewayFatalException exception) => exitCode.Set(ExitCodes.Configuration);
}
