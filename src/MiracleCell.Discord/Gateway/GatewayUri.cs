namespace MiracleCell.Discord.Gateway;

internal static class GatewayUri
{
    /// <summary>The gateway or resume URL with the API version and encoding this client speaks.</summary>
    public static Uri ForConnection(Uri baseUrl)
    {
        var builder = new UriBuilder(baseUrl) { Query = "v=10&encoding=json" };
        if (string.IsNullOrEmpty(builder.Path)) builder.Path = "/";
        return builder.Uri;
    }
}
