using System.Net;
using System.Text;
using System.Text.Json;

namespace MiracleCell.Discord.Rest;

/// <summary>
/// Turns a failed response into a <see cref="DiscordApiException"/>: Discord's code and message, and every leaf of the
/// nested <c>errors</c> tree as a JSON path. Bodies that are not Discord errors (a proxy's HTML page, broken JSON)
/// still give a readable exception quoting the start of the body. Known secrets are blanked out of everything quoted.
/// </summary>
internal static class DiscordErrorParser
{
    private const int SnippetLength = 200;
    internal const string Redacted = "[redacted]";

    public static DiscordApiException Parse(HttpStatusCode status, string body, DiscordRoute route,
        IEnumerable<string?> secrets)
    {
        var secretList = secrets.Where(s => !string.IsNullOrEmpty(s)).Cast<string>().ToList();
        var method = route.Method.Method;
        var template = route.Template;
        if (TryParseDiscordError(body, out var code, out var message, out var fieldErrors))
        {
            var safeErrors = fieldErrors
                .Select(e => e with { Message = Redact(e.Message, secretList) })
                .ToList();
            return new DiscordApiException(status, code, Redact(message, secretList), safeErrors, method, template);
        }

        var snippet = Snippet(Redact(body, secretList));
        var description = snippet.Length == 0
            ? "the response had no body"
            : $"the response body is not a Discord error object: \"{snippet}\"";
        return new DiscordApiException(status, 0, description, [], method, template);
    }

    private static bool TryParseDiscordError(string body, out int code, out string message,
        out List<DiscordFieldError> fieldErrors)
    {
        code = 0;
        message = "";
        fieldErrors = [];
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !(root.TryGetProperty("message", out var messageElement)
                    && messageElement.ValueKind == JsonValueKind.String))
            {
                return false;
            }

            message = messageElement.GetString() ?? "";
            if (root.TryGetProperty("code", out var codeElement) && codeElement.ValueKind == JsonValueKind.Number)
            {
                codeElement.TryGetInt32(out code);
            }

            if (root.TryGetProperty("errors", out var errors))
            {
                Flatten(errors, "", fieldErrors);
            }

            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static void Flatten(JsonElement node, string path, List<DiscordFieldError> into)
    {
        if (node.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        foreach (var property in node.EnumerateObject())
        {
            if (property.NameEquals("_errors") && property.Value.ValueKind == JsonValueKind.Array)
            {
                foreach (var error in property.Value.EnumerateArray())
                {
                    into.Add(new DiscordFieldError(
                        path.Length == 0 ? "(body)" : path,
                        ReadString(error, "code") ?? "UNKNOWN",
                        ReadString(error, "message") ?? ""));
                }
            }
            else
            {
                Flatten(property.Value, path.Length == 0 ? property.Name : $"{path}.{property.Name}", into);
            }
        }
    }

    private static string? ReadString(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value)
            && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    internal static string Redact(string text, IReadOnlyList<string> secrets)
    {
        foreach (var secret in secrets)
        {
            text = text.Replace(secret, Redacted, StringComparison.Ordinal);
        }

        return text;
    }

    /// <summary>The start of the body on one line, so a proxy's HTML page does not flood the log.</summary>
    internal static string Snippet(string body)
    {
        var builder = new StringBuilder(Math.Min(body.Length, SnippetLength));
        foreach (var c in body.Trim())
        {
            if (builder.Length == SnippetLength)
            {
                builder.Append('…');
                break;
            }

            builder.Append(char.IsControl(c) ? ' ' : c);
        }

        return builder.ToString();
    }
}
