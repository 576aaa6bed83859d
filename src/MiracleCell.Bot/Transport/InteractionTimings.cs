namespace MiracleCell.Bot.Transport;

/// <summary>Discord's deadlines as the responder applies them. Replace the defaults only in tests and
/// benchmarks.</summary>
internal sealed record InteractionTimings
{
    /// <summary>
    /// An interaction older than this when it arrives is dropped: its 3 s acknowledgement window has passed, so a
    /// callback could only fail with 10062. Age is the receiving clock minus the id's creation time.
    /// </summary>
    public TimeSpan StaleAfter { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>An immediate handler still running this long after the interaction was created gets deferred
    /// first.</summary>
    public TimeSpan SafetyNetAfter { get; init; } = TimeSpan.FromSeconds(2.5);

    /// <summary>How long an interaction id is remembered to refuse a second delivery of the same interaction.</summary>
    public TimeSpan RememberIdsFor { get; init; } = TimeSpan.FromMinutes(15);
}
