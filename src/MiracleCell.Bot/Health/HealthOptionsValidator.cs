using Microsoft.Extensions.Options;

namespace MiracleCell.Bot.Health;

/// <summary>Checks <c>Health:Urls</c> at start-up: each entry an http URL with a port and no path.</summary>
internal sealed class HealthOptionsValidator : IValidateOptions<HealthOptions>
{
    public ValidateOptionsResult Validate(string? name, HealthOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        foreach (var prefix in options.Prefixes())
        {
            // '+' and '*' (every address) are not host names Uri accepts; check the rest with a stand-in.
            var checkable = prefix.Replace("://+", "://any-address", StringComparison.Ordinal)
                .Replace("://*", "://any-address", StringComparison.Ordinal);
            if (!Uri.TryCreate(checkable, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttp
                || uri.IsDefaultPort || uri.AbsolutePath != "/")
                problems.Add($"Health:Urls has '{prefix.TrimEnd('/')}': write http://address:port without a path, such "
                    + "as http://127.0.0.1:9090 (or http://+:9090 in a container), or leave Health:Urls empty to "
                    + "turn the listener off.");
        }
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
