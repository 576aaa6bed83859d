namespace MiracleCell.Discord.Rest;

/// <summary>How long the rate limiter keeps a route's bucket: what it learned is worth only as long as the route is
/// used.</summary>
internal enum BucketLifetime
{
    /// <summary>A channel, guild or application: used again and again, so kept until idle for minutes.</summary>
    Shared,

    /// <summary>
    /// An interaction's webhook (edit the original, follow-ups): used a few times within the token's 15 minutes,
    /// so kept only while a request is in it or a limit it announced still holds.
    /// </summary>
    WhileTokenInUse,

    /// <summary>An interaction callback: sent exactly once, so its bucket lives only as long as that request.</summary>
    SingleRequest,
}
