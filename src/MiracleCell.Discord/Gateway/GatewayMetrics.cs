using System.Diagnostics.Metrics;

namespace MiracleCell.Discord.Gateway;

/// <summary>
/// The gateway's instruments on the <c>MiracleCell</c> meter. Recording costs next to nothing while nothing listens
/// (the health listener is off by default); when it is on, the metrics exporter reads them.
/// </summary>
public sealed class GatewayMetrics
{
    public const string MeterName = "MiracleCell";

    private readonly Counter<long> _reconnects;

    public GatewayMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _reconnects = meter.CreateCounter<long>(
            "gateway.reconnects", "{reconnect}", "Gateway connections that ended and were opened again");
    }

    internal void Reconnecting(int shardId) => _reconnects.Add(1, new KeyValuePair<string, object?>("shard", shardId));
}
