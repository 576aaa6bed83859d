namespace MiracleCell.Bot.Interactions;

/// <summary>How the transport acknowledges an interaction within Discord's 3-second window.</summary>
internal enum AcknowledgementMode
{
    /// <summary>
    /// The handler answers well inside the window (it reads memory, or makes one quick store call): the router's
    /// response is the one callback. A handler still running at <c>InteractionTimings.SafetyNetAfter</c> (2.5 s after
    /// the interaction was created) is deferred then, and its result delivered as for <see cref="Deferred"/>.
    /// </summary>
    Immediate,

    /// <summary>
    /// The handler may take longer (it writes to the store or posts messages): defer first, type 5 for a command
    /// (ephemeral when <see cref="AcknowledgementPlan.Ephemeral"/>) or type 6 for a component, then run the router and
    /// edit <c>@original</c> with the result; an ephemeral result after a public defer replaces the placeholder with
    /// an ephemeral follow-up instead, and a component's new message is a follow-up.
    /// </summary>
    Deferred,
}

/// <summary>What the transport must do before the handler runs. Ephemerality is fixed at defer time.</summary>
internal sealed record AcknowledgementPlan(AcknowledgementMode Mode, bool Ephemeral = false)
{
    public static AcknowledgementPlan Immediate { get; } = new(AcknowledgementMode.Immediate);
}
