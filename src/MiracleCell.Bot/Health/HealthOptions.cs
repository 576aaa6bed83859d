namespace MiracleCell.Bot.Health;

/// <summary>The <c>Health</c> section: the optional HTTP listener for probes and metrics.</summary>
internal sealed class HealthOptions
{
    public const string SectionName = "Health";

    /// <summary>
    /// Where the listener answers <c>/healthz</c>, <c>/readyz</c> and <c>/metrics</c>, such as
    /// <c>http://127.0.0.1:9090</c>; several separated by ';'. Empty (the default) leaves the listener off.
    /// <c>http://+:9090</c> listens on every address (in a container).
    /// </summary>
    public string Urls { get; set; } = "";

    /// <summary>True when <see cref="Urls"/> names at least one address.</summary>
    public bool Enabled => !string.IsNullOrWhiteSpace(Urls);

    /// <summary>The listener prefixes, each ending in '/'.</summary>
    public IReadOnlyList<string> Prefixes() =>
        [.. Urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(url => url.EndsWith('/') ? url : url + "/")];
}
