using System.Text.Json;
using MiracleCell.Discord.Gateway;
using MiracleCell.Discord.Tests.Fakes.Gateway;

namespace MiracleCell.Discord.Tests.Gateway;

public sealed class GatewayShardSetTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task Each_shard_of_the_process_opens_its_own_connection_and_identifies_as_itself()
    {
        await using var harness = await GatewayClientHarness.CreateAsync(o =>
            { o.ShardIds = "1,3"; o.ShardCount = 4; });
        var shards = harness.CreateShardSet();
        using var stopping = new CancellationTokenSource();

        var running = shards.RunAsync(stopping.Token);
        await harness.Sink.WaitForDispatchAsync("READY", count: 2);

        var identified = await harness.Gateway.WaitForPayloadsAsync(p => p.Op == (int)GatewayOpcode.Identify, count: 2);
        Assert.Equal([[1, 4], [3, 4]], identified.Select(ShardOf).Order(ShardComparer.Instance));
        Assert.Equal(2, harness.Gateway.Connections.Count);
        Assert.Equal([1, 3], shards.Clients.Select(c => c.ShardId));
        Assert.True(shards.AllConnected);
        Assert.Equal(1, shards.Primary.ShardId);

        await stopping.CancelAsync();
        await running.WaitAsync(FakeDiscordGateway.Patience);
        Assert.Equal(0, shards.ConnectedCount);
    }

    [Fact]
    public async Task Shards_of_one_bucket_identify_five_seconds_apart()
    {
        await using var harness = await GatewayClientHarness.CreateAsync(
            o => { o.ShardIds = "0-2"; o.ShardCount = 3; }, s => s.IdentifyInterval = Interval);
        var shards = harness.CreateShardSet();
        using var stopping = new CancellationTokenSource();
        var running = shards.RunAsync(stopping.Token);

        // The configured gateway URL skips GET /gateway/bot, so max_concurrency is 1: one bucket.
        for (var shard = 0; shard < 3; shard++)
        {
            var identifies = await harness.Gateway.WaitForPayloadsAsync(p => p.Op == (int)GatewayOpcode.Identify,
                shard + 1);
            Assert.Equal(shard + 1, identifies.Count);
            Assert.Equal(shard, ShardOf(identifies[^1])[0]);
            Assert.Equal(Interval * shard, TimeSpan.FromTicks(identifies[^1].ReceivedAt - identifies[0].ReceivedAt));
            harness.Time.Advance(Interval);
        }

        await stopping.CancelAsync();
        await running.WaitAsync(FakeDiscordGateway.Patience);
    }

    [Fact]
    public async Task A_fatal_refusal_on_one_shard_stops_every_shard_and_is_thrown()
    {
        await using var harness = await GatewayClientHarness.CreateAsync(o =>
            { o.ShardIds = "0-1"; o.ShardCount = 2; });
        harness.Gateway.CloseOnIdentifyWith = GatewayCloseCodes.AuthenticationFailed;
        var shards = harness.CreateShardSet();

        var error = await Assert.ThrowsAsync<DiscordGatewayFatalException>(
            () => shards.RunAsync(CancellationToken.None).WaitAsync(FakeDiscordGateway.Patience));

        Assert.Contains("4004", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, shards.ConnectedCount);
    }

    private static int[] ShardOf(ReceivedPayload identify) =>
        [.. identify.Data.GetProperty("shard").EnumerateArray().Select(e => e.GetInt32())];

    private sealed class ShardComparer : IComparer<int[]>
    {
        public static readonly ShardComparer Instance = new();
        public int Compare(int[]? x, int[]? y) => x![0].CompareTo(y![0]);
    }
}
