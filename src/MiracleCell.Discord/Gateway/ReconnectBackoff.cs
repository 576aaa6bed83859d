namespace MiracleCell.Discord.Gateway;

/// <summary>
/// Delay before reconnecting after <c>n</c> failures in a row: none after a healthy connection ended, then
/// initial·2^(n-1) capped at max, scaled by a jitter in [0.5, 1) so many clients do not reconnect in step.
/// </summary>
internal sealed class ReconnectBackoff(TimeSpan initial, TimeSpan max, GatewayJitter jitter)
{
    public TimeSpan DelayFor(int consecutiveFailures)
    {
        if (consecutiveFailures <= 0 || initial <= TimeSpan.Zero) return TimeSpan.Zero;
        var exponent = Math.Min(consecutiveFailures - 1, 30);
        var grown = initial.TotalMilliseconds * Math.Pow(2, exponent);
        var capped = Math.Min(grown, max.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(capped * (0.5 + (jitter.Next() / 2)));
    }
}
