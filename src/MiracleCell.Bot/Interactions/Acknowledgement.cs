namespace MiracleCell.Bot.Interactions;

/// <summary>How the transport acknowledges an interaction within Discord's 3-second window.</summary>
public enum AcknowledgementMode
{
    /// <summary>The handler works in memory: call the router and send its response as the one callback.</summary>
    Immediate,

    /// <summary>
    /// The handler touches I/O: send <c>{"type":5}</c> (with the ephemeral flag when <see cref="AcknowledgementPlan.Ephemeral"/>)
    /// first, then call the router and PATCH <c>@original</c> with <see cref="InteractionResult.EditOriginalBody"/>.
    /// </summary>
    Deferred,
}

/// <summary>What the transport must do before the handler runs. Ephemerality is fixed at defer time.</summary>
public sealed record AcknowledgementPlan(AcknowledgementMode Mode, bool Ephemeral = false)
{
    public static AcknowledgementPlan Immediate { get; } = new(AcknowledgementMode.Immediate);
}
