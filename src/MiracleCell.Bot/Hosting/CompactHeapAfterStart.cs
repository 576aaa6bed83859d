using Microsoft.Extensions.Hosting;

namespace MiracleCell.Bot.Hosting;

/// <summary>
/// Reading the YAML pack leaves megabytes of garbage behind; once the bot is READY (this runs after the start-up gate),
/// one compacting collection hands it back to the OS, off the path to READY.
/// </summary>
internal sealed class CompactHeapAfterStart : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
