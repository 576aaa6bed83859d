using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MiracleCell.Discord.Rest;

namespace MiracleCell.Discord.Gateway;

/// <summary>
/// This process's shards (<c>Discord:ShardIds</c>): one <see cref="DiscordGatewayClient"/> per shard id, all
/// delivering to the same event sinks, their identifies paced by one <see cref="IIdentifyCoordinator"/>.
/// </summary>
public sealed class GatewayShardSet
{
    private readonly DiscordGatewayClient[] _clients;

    public GatewayShardSet(
        IOptions<DiscordOptions> options,
        IDiscordRestClient rest,
        IEnumerable<IGatewayEventSink> sinks,
        GatewaySettings settings,
        TimeProvider time,
        IIdentifyCoordinator identify,
        GatewayMetrics metrics,
        ILogger<DiscordGatewayClient> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        var discord = options.Value;
        IGatewayEventSink[] shared = [.. sinks];
        _clients = [.. discord.OwnShardIds().Select(shardId =>
            new DiscordGatewayClient(discord, shardId, rest, shared, settings, time, identify, metrics, logger))];
    }

    /// <summary>One client per shard this process runs, in shard-id order.</summary>
    public IReadOnlyList<DiscordGatewayClient> Clients => _clients;

    /// <summary>The client of the lowest shard id; READY there gives the application id.</summary>
    public DiscordGatewayClient Primary => _clients[0];

    /// <summary>How many of the shards have a live session now.</summary>
    public int ConnectedCount => _clients.Count(client => client.IsConnected);

    /// <summary>True when every shard of this process has a live session.</summary>
    public bool AllConnected => _clients.All(client => client.IsConnected);

    /// <summary>
    /// Runs every shard until <paramref name="stopping"/> is cancelled. When one shard stops for good
    /// (<see cref="DiscordGatewayFatalException"/>), the others are closed too and that exception is thrown: a refusal
    /// such as a bad token or shard count applies to every shard. Call once.
    /// </summary>
    public async Task RunAsync(CancellationToken stopping)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        var running = _clients.Select(client => RunOneAsync(client, linked)).ToArray();
        try
        {
            await Task.WhenAll(running);
        }
        catch (DiscordGatewayFatalException)
        {
            throw running.Select(task => task.Exception?.InnerException).OfType<DiscordGatewayFatalException>().First();
        }
    }

    private static async Task RunOneAsync(DiscordGatewayClient client, CancellationTokenSource all)
    {
        try
        {
            await client.RunAsync(all.Token);
        }
        catch
        {
            await all.CancelAsync();
            throw;
        }
    }
}
