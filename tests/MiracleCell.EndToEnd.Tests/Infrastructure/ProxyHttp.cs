using System.Net.Http.Json;
using System.Text.Json;

namespace MiracleCell.EndToEnd.Tests.Infrastructure;

/// <summary>An HttpClient aimed at the harness's validating proxy, dressed as a bot would be.</summary>
public static class ProxyHttp
{
    public const string UserAgent = "DiscordBot (https://miraclecell.invalid, 1.0)";

    public static HttpClient Create(HarnessEndpoints endpoints, bool asBot = true)
    {
        var http = new HttpClient { BaseAddress = endpoints.Api, Timeout = TimeSpan.FromSeconds(30) };
        if (asBot)
        {
            http.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", $"Bot {endpoints.BotToken}");
            http.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", UserAgent);
        }

        return http;
    }

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient http, string relativePath, object body,
        CancellationToken cancellationToken = default) =>
        http.PostAsJsonAsync(new Uri(relativePath, UriKind.Relative), body, TwinJson.Options, cancellationToken);

    public static Task<HttpResponseMessage> PatchJsonAsync(this HttpClient http, string relativePath, object body,
        CancellationToken cancellationToken = default) =>
        http.PatchAsJsonAsync(new Uri(relativePath, UriKind.Relative), body, TwinJson.Options, cancellationToken);

    public static Task<HttpResponseMessage> PutJsonAsync(this HttpClient http, string relativePath, object body,
        CancellationToken cancellationToken = default) =>
        http.PutAsJsonAsync(new Uri(relativePath, UriKind.Relative), body, TwinJson.Options, cancellationToken);

    /// <summary>The harness request id the proxy put on the response, to find that request's violations.</summary>
    public static long HarnessRequestId(this HttpResponseMessage response) =>
        long.Parse(response.Headers.GetValues("x-harness-request-id").Single(),
            System.Globalization.CultureInfo.InvariantCulture);

    public static async Task<JsonElement> ReadJsonAsync(this HttpResponseMessage response,
        CancellationToken cancellationToken = default)
    {
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
    }
}
