using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MiracleCell.Discord.Gateway;

namespace MiracleCell.Bot.Hosting;

/// <summary>
/// Starts a hosted service once the <see cref="StartupGate"/> is open and the gateway has said READY. Its work
/// (registering commands, closing games a previous run left open) is not needed by a first command, so it stays off
/// the path to READY; and it is resolved only then, so it may depend on the content.
/// </summary>
internal sealed class StartsAfterReady(
    StartupGate gate,
    DiscordGatewayClient gateway,
    Func<IHostedService> resolve,
    IHostApplicationLifetime lifetime,
    BotExitCode exitCode,
    ILogger<StartsAfterReady> logger) : IHostedService, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private Task _run = Task.CompletedTask;
    private IHostedService? _resolved;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _run = RunAsync(_stopping.Token);
        return Task.CompletedTask;
    }

    private async Task RunAsync(CancellationToken stopping)
    {
        try
        {
            await gate.Opened.WaitAsync(stopping).ConfigureAwait(false);
            await gateway.WaitForReadyAsync(stopping).ConfigureAwait(false);
        }
        catch (Exception)
        {
            return; // Stopping, start-up failed, or the gateway refused the bot: each is reported where it happened.
        }

        var service = resolve();
        Volatile.Write(ref _resolved, service);
        try
        {
            await service.StartAsync(stopping).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
        catch (Exception exception)
        {
            var cause = StartupFailures.Describe(exception);
            logger.LogCritical(cause is null ? exception : null,
                "{Service} could not start: {Problem} The bot is stopping.", service.GetType().Name,
                cause ?? exception.Message);
            exitCode.Set(cause is null ? 1 : ExitCodes.Configuration);
            lifetime.StopApplication();
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await _run.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        // Stopped even when its start did not finish: what it began (a game started meanwhile) must still stop.
        if (Volatile.Read(ref _resolved) is { } service) await service.StopAsync(cancellationToken);
    }

    public void Dispose() => _stopping.Dispose();
}
