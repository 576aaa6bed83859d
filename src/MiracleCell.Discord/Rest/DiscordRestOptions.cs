using Microsoft.Extensions.Options;

namespace MiracleCell.Discord.Rest;

/// <summary>
/// How the REST client waits, times out and retries: the <c>Discord:Rest</c> configuration section.
/// The defaults suit a bot talking to discord.com; tests shorten them.
/// </summary>
public sealed class DiscordRestOptions
{
    public const string SectionName = "Rest";

    /// <summary>How long one attempt may wait for Discord's answer. Rate-limit waits do not count.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Retries after a 5xx, a transport failure or a timeout, for requests that are safe to repeat.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>The first backoff delay; later ones grow exponentially, with jitter.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How many times one request is sent again after a 429 before the 429 reaches the caller.</summary>
    public int MaxRateLimitRetries { get; set; } = 5;

    /// <summary>A 429 asking for a longer wait than this is handed to the caller instead of waited out.</summary>
    public TimeSpan MaxRateLimitWait { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Discord's global limit for a bot; interaction callbacks and webhook-token routes are exempt.</summary>
    public int GlobalRequestsPerSecond { get; set; } = 50;
}

/// <summary>Refuses REST settings that would make the client hang, spin or give up at once, naming the setting to
/// fix.</summary>
internal sealed class DiscordRestOptionsValidator : IValidateOptions<DiscordRestOptions>
{
    public ValidateOptionsResult Validate(string? name, DiscordRestOptions options)
    {
        var problems = new List<string>();
        if (options.RequestTimeout <= TimeSpan.Zero || options.RequestTimeout > TimeSpan.FromMinutes(10))
        {
            problems.Add("Discord:Rest:RequestTimeout must be above 0 and at most 00:10:00 (it is "
                + $"{options.RequestTimeout}).");
        }

        if (options.MaxRetries is < 0 or > 10)
        {
            problems.Add($"Discord:Rest:MaxRetries must be between 0 and 10 (it is {options.MaxRetries}).");
        }

        if (options.RetryBaseDelay < TimeSpan.Zero || options.RetryMaxDelay < options.RetryBaseDelay)
        {
            problems.Add(
                "Discord:Rest:RetryBaseDelay must be 0 or more and no larger than Discord:Rest:RetryMaxDelay.");
        }

        if (options.MaxRateLimitRetries is < 0 or > 20)
        {
            problems.Add("Discord:Rest:MaxRateLimitRetries must be between 0 and 20 (it is "
                + $"{options.MaxRateLimitRetries}).");
        }

        if (options.MaxRateLimitWait < TimeSpan.Zero)
        {
            problems.Add("Discord:Rest:MaxRateLimitWait must not be negative.");
        }

        if (options.GlobalRequestsPerSecond is < 1 or > 10_000)
        {
            problems.Add("Discord:Rest:GlobalRequestsPerSecond must be between 1 and 10000; Discord allows 50 (it is "
                + $"{options.GlobalRequestsPerSecond}).");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
