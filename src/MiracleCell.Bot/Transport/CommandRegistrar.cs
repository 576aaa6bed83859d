using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MiracleCell.Bot.Hosting;
using MiracleCell.Bot.Interactions;
using MiracleCell.Discord;
using MiracleCell.Discord.Gateway;
using MiracleCell.Discord.Models;
using MiracleCell.Discord.Rest;
using MiracleCell.Storage;

namespace MiracleCell.Bot.Transport;

internal enum CommandRegistrationOutcome
{
    Registered,
    Unchanged,
    Disabled,
    /// <summary>This process is not shard 0, which registers for every shard.</summary>
    LeftToShardZero,
    Failed,
}

/// <summary>
/// Registers the router's command definitions once the gateway is READY (the application id comes from READY):
/// in <c>Discord:DevGuildId</c> when set (visible at once), globally otherwise. Skips the write when the definitions
/// match what was last registered for the same application and scope.
/// </summary>
internal sealed class CommandRegistrar : BackgroundService
{
    public const string RecordFileName = "registered-commands.json";

    private readonly InteractionRouter _router;
    private readonly IDiscordRestClient _rest;
    private readonly DiscordGatewayClient? _gateway;
    private readonly DiscordOptions _discord;
    private readonly BotOptions _bot;
    private readonly CommandRegistrationRecord _record;
    private readonly ILogger<CommandRegistrar> _logger;

    public CommandRegistrar(
        InteractionRouter router,
        IDiscordRestClient rest,
        IOptions<DiscordOptions> discord,
        IOptions<BotOptions> bot,
        IOptions<StorageOptions> storage,
        ILogger<CommandRegistrar> logger,
        DiscordGatewayClient? gateway = null)
    {
        _router = router;
        _rest = rest;
        _gateway = gateway;
        _discord = discord.Value;
        _bot = bot.Value;
        _logger = logger;
        _record = new CommandRegistrationRecord(
            Path.Combine(Path.GetFullPath(storage.Value.DataFolder), RecordFileName), logger);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_gateway is null) return;
        GatewayReady ready;
        try
        {
            ready = await _gateway.WaitForReadyAsync(stoppingToken);
        }
        catch (Exception exception) when (exception is OperationCanceledException or DiscordGatewayFatalException)
        {
            return; // Stopping, or the gateway refused the bot (already reported).
        }
        await RegisterAsync(ready.ApplicationId, stoppingToken);
    }

    /// <summary>Writes the definitions with a bulk overwrite unless they are unchanged; never throws except on
    /// cancellation.</summary>
    public async Task<CommandRegistrationOutcome> RegisterAsync(Snowflake applicationId,
        CancellationToken cancellationToken)
    {
        if (_bot.RegisterCommands == CommandRegistrationMode.Never)
        {
            _logger.LogInformation("Command registration is off (Bot:RegisterCommands is Never)");
            return CommandRegistrationOutcome.Disabled;
        }

        if (!_discord.HoldsShard(0))
        {
            // Commands belong to the application, not to a shard: one writer avoids racing bulk overwrites and
            // shards sharing a data folder writing one registration record at once.
            _logger.LogInformation("Commands are registered by the process running shard 0; this one runs {ShardIds}",
                string.Join(',', _discord.OwnShardIds()));
            return CommandRegistrationOutcome.LeftToShardZero;
        }

        var definitions = _router.Definitions;
        var guild = _discord.DevGuildId is { } id ? new Snowflake(id) : (Snowflake?)null;
        var scope = guild is { } g ? $"{applicationId}/guild/{g}" : $"{applicationId}/global";
        var where = guild is { } inGuild
            ? $"in guild {inGuild} (Discord:DevGuildId)"
            : "globally (may take up to an hour to show)";
        var fingerprint = CommandDefinitions.Fingerprint(definitions);

        if (_bot.RegisterCommands == CommandRegistrationMode.IfChanged && _record.Read(scope) == fingerprint)
        {
            _logger.LogInformation("{Count} commands unchanged since the last registration {Where}; not rewriting them",
                definitions.Count, where);
            return CommandRegistrationOutcome.Unchanged;
        }

        try
        {
            var registered = guild is { } guildId
                ? await _rest.BulkOverwriteGuildCommandsAsync(applicationId, guildId, definitions, cancellationToken)
                : await _rest.BulkOverwriteGlobalCommandsAsync(applicationId, definitions, cancellationToken);
            _record.Write(scope, fingerprint);
            _logger.LogInformation("Registered {Count} commands {Where}: {Names}", registered.Count, where,
                string.Join(", ", definitions.Select(d => d.Name)));
            return CommandRegistrationOutcome.Registered;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception exception) when (exception is DiscordApiException or HttpRequestException
            or OperationCanceledException)
        {
            _logger.LogError("Could not register the commands {Where}: {Problem}. The bot keeps running with the "
                + "commands Discord already has; it tries again at the next start", where, exception.Message);
            return CommandRegistrationOutcome.Failed;
        }
    }
}
