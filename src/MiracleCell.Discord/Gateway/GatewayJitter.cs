namespace MiracleCell.Discord.Gateway;

/// <summary>Thread-safe access to the configured random source; values are in [0, 1).</summary>
internal sealed class GatewayJitter(Random random)
{
    private readonly Lock _gate = new();

    public double Next()
    {
        lock (_gate)
        {
            var value = random.NextDouble();
            return value is >= 0 and < 1 ? value : 0;
        }
    }
}
