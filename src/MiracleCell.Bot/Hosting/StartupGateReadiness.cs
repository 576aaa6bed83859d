using MiracleCell.Storage;

namespace MiracleCell.Bot.Hosting;

/// <summary><c>/readyz</c> says not ready until the content is loaded and the store open, even after READY.</summary>
internal sealed class StartupGateReadiness(StartupGate gate) : IReadinessCheck
{
    public string Name => "start-up";

    public Task<bool> IsReadyAsync(CancellationToken cancellationToken) => Task.FromResult(gate.IsOpen);
}
