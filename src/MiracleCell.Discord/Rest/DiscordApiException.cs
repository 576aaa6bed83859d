using System.Net;

namespace MiracleCell.Discord.Rest;

/// <summary>
/// Discord refused a request. <see cref="Code"/> is Discord's JSON error code (e.g. 10062 unknown interaction);
/// <see cref="FieldErrors"/> names each offending field by its JSON path (e.g. <c>data.embeds.0.title</c>).
/// </summary>
public sealed class DiscordApiException(
    HttpStatusCode status,
    int code,
    string message,
    IReadOnlyList<DiscordFieldError> fieldErrors,
    string method,
    string route)
    : Exception(Describe(status, code, message, fieldErrors, method, route))
{
    public HttpStatusCode Status { get; } = status;
    public int Code { get; } = code;
    public string DiscordMessage { get; } = message;
    public IReadOnlyList<DiscordFieldError> FieldErrors { get; } = fieldErrors;
    public string Method { get; } = method;
    /// <summary>The route template with ids and tokens left out, safe to log.</summary>
    public string Route { get; } = route;

    private static string Describe(HttpStatusCode status, int code, string message,
        IReadOnlyList<DiscordFieldError> errors, string method, string route)
    {
        var text = $"Discord answered {(int)status} to {method} {route}: {message} (code {code})";
        return errors.Count == 0
            ? text
            : text + "; " + string.Join("; ", errors.Select(e => $"{e.Path}: {e.Message} ({e.Code})"));
    }
}

/// <param name="Path">Where in the request body, e.g. <c>data.embeds.0.description</c>.</param>
/// <param name="Code">Discord's error code for the field, e.g. <c>BASE_TYPE_MAX_LENGTH</c>.</param>
public sealed record DiscordFieldError(string Path, string Code, string Message);
