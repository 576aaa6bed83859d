using System.Diagnostics;
using System.Diagnostics.Metrics;
using MiracleCell.Discord.Gateway;
using MiracleCell.Discord.Models;

namespace MiracleCell.Bot.Health;

/// <summary>
/// Times each interaction from arrival to the end of its handling (answer and follow-ups), by command, around the
/// sink that handles it. Free while nothing listens to the <c>MiracleCell</c> meter.
/// </summary>
internal sealed class InteractionMetrics(IGatewayEventSink inner, IMeterFactory meterFactory, TimeProvider time)
    : IGatewayEventSink
{
    private readonly Histogram<double> _duration = meterFactory.Create(GatewayMetrics.MeterName)
        .CreateHistogram<double>(
        "interactions.duration", "s", "Interactions handled, by command, and how long each took");

    /// <summary>The sink that handles the interactions.</summary>
    public IGatewayEventSink Inner => inner;

    public ValueTask OnDispatchAsync(GatewayDispatch dispatch, CancellationToken cancellationToken) =>
        inner.OnDispatchAsync(dispatch, cancellationToken);

    public ValueTask OnReadyAsync(GatewayReady ready, CancellationToken cancellationToken) =>
        inner.OnReadyAsync(ready, cancellationToken);

    public async Task OnInteractionCreateAsync(Interaction interaction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        var started = time.GetTimestamp();
        var outcome = "ok";
        try
        {
            await inner.OnInteractionCreateAsync(interaction, cancellationToken);
        }
        catch
        {
            outcome = "error";
            throw;
        }
        finally
        {
            var tags = new TagList { { "command", CommandOf(interaction) }, { "outcome", outcome } };
            _duration.Record(time.GetElapsedTime(started).TotalSeconds, tags);
        }
    }

    /// <summary>The command's name, or a button's custom-id prefix (the part before ':', free of game ids).</summary>
    internal static string CommandOf(Interaction interaction)
    {
        if (interaction.Data?.Name is { Length: > 0 } name) return name;
        if (interaction.Data?.CustomId is { Length: > 0 } customId)
        {
            var cut = customId.IndexOfAny([':', '|', '/']);
            return "button:" + (cut < 0 ? customId : customId[..cut]);
        }
        return "other";
    }
}
