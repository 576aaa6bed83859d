using Microsoft.Extensions.Options;

namespace MiracleCell.Discord.Rest;

/// <summary>
/// Gives each attempt <see cref="DiscordRestOptions.RequestTimeout"/> to get an answer, timed by the
/// <see cref="TimeProvider"/>. It sits below the rate limiter, so waiting for a bucket never counts as a timeout.
/// </summary>
internal sealed class AttemptTimeoutHandler(IOptions<DiscordRestOptions> options, TimeProvider time) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request,
        CancellationToken cancellationToken)
    {
        var timeout = options.Value.RequestTimeout;
        using var timeoutSource = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutSource.Token);
        try
        {
            var response = await base.SendAsync(request, linked.Token);
            try
            {
                // A body that stalls halfway counts against the same attempt.
                await response.Content.LoadIntoBufferAsync(linked.Token);
                return response;
            }
            catch
            {
                response.Dispose();
                throw;
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or HttpRequestException
                                          && timeoutSource.IsCancellationRequested
                                          && !cancellationToken.IsCancellationRequested)
        {
            var route = request.Options.TryGetValue(DiscordRoute.OptionKey, out var known)
                ? known.ToString()
                : "a Discord request";
            throw new TimeoutException(
                $"Discord did not answer {route} within {timeout.TotalSeconds:0.###} s. Discord may or may not "
                + "have processed it; "
                + "raise Discord:Rest:RequestTimeout if this happens often on a slow network.",
                exception);
        }
    }
}
