using System.Net.Http.Headers;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Options;
using MiracleCell.Discord.Models;
using Polly;

namespace MiracleCell.Discord.Rest;

/// <summary>
/// Discord's REST API v10 over an <see cref="HttpClient"/> from <c>IHttpClientFactory</c>. Below it, the rate limiter
/// waits for buckets and the global limit and repeats 429s; around each call, <see cref="DiscordRestPipelines"/>
/// retries what is safe to repeat. Create it through <c>services.AddDiscordRest(...)</c> and inject
/// <see cref="IDiscordRestClient"/>.
/// </summary>
public sealed class DiscordRestClient : IDiscordRestClient
{
    /// <summary>Discord requires <c>DiscordBot (url, version)</c>; a missing one can get the bot blocked.</summary>
    public static string UserAgent { get; } =
        "DiscordBot (https://github.com/miraclecell/miraclecell, "
            + $"{typeof(DiscordRestClient).Assembly.GetName().Version?.ToString(3) ?? "1.0.0"})";

    private static readonly MediaTypeHeaderValue JsonMediaType = new("application/json");

    private readonly HttpClient _http;
    private readonly IOptionsMonitor<DiscordOptions> _options;
    private readonly DiscordRestPipelines _pipelines;

    internal DiscordRestClient(HttpClient http, IOptionsMonitor<DiscordOptions> options, DiscordRestPipelines pipelines)
    {
        _http = http;
        _options = options;
        _pipelines = pipelines;
    }

    public Task CreateInteractionResponseAsync(Snowflake interactionId, string interactionToken,
        InteractionResponse response, CancellationToken cancellationToken) =>
        SendAsync(DiscordRoute.InteractionCallback(interactionId, interactionToken),
            response.KeptBody ?? Serialize(response, DiscordJsonContext.Default.InteractionResponse),
            cancellationToken);

    public Task<Message> EditOriginalResponseAsync(Snowflake applicationId, string interactionToken,
        MessagePayload message, CancellationToken cancellationToken) =>
        SendAsync(DiscordRoute.OriginalResponse(HttpMethod.Patch, applicationId, interactionToken),
            Serialize(message, DiscordJsonContext.Default.MessagePayload), DiscordJsonContext.Default.Message,
            cancellationToken);

    public Task DeleteOriginalResponseAsync(Snowflake applicationId, string interactionToken,
        CancellationToken cancellationToken) =>
        SendAsync(DiscordRoute.OriginalResponse(HttpMethod.Delete, applicationId, interactionToken), body: null,
            cancellationToken);

    public Task<Message> CreateFollowupMessageAsync(Snowflake applicationId, string interactionToken,
        MessagePayload message, CancellationToken cancellationToken) =>
        SendAsync(DiscordRoute.Followup(applicationId, interactionToken),
            Serialize(message, DiscordJsonContext.Default.MessagePayload), DiscordJsonContext.Default.Message,
            cancellationToken);

    public Task<Message> CreateMessageAsync(Snowflake channelId, MessagePayload message,
        CancellationToken cancellationToken) =>
        SendAsync(DiscordRoute.ChannelMessages(channelId),
            Serialize(message, DiscordJsonContext.Default.MessagePayload), DiscordJsonContext.Default.Message,
            cancellationToken);

    public Task<Message> EditMessageAsync(Snowflake channelId, Snowflake messageId, MessagePayload message,
        CancellationToken cancellationToken) =>
        SendAsync(DiscordRoute.ChannelMessage(HttpMethod.Patch, channelId, messageId),
            Serialize(message, DiscordJsonContext.Default.MessagePayload), DiscordJsonContext.Default.Message,
            cancellationToken);

    public Task DeleteMessageAsync(Snowflake channelId, Snowflake messageId, CancellationToken cancellationToken) =>
        SendAsync(DiscordRoute.ChannelMessage(HttpMethod.Delete, channelId, messageId), body: null, cancellationToken);

    public Task<IReadOnlyList<ApplicationCommand>> GetGlobalCommandsAsync(Snowflake applicationId,
        CancellationToken cancellationToken) =>
        SendAsync(DiscordRoute.GlobalCommands(HttpMethod.Get, applicationId), body: null,
            DiscordJsonContext.Default.IReadOnlyListApplicationCommand, cancellationToken);

    public Task<IReadOnlyList<ApplicationCommand>> BulkOverwriteGlobalCommandsAsync(Snowflake applicationId,
        IReadOnlyList<ApplicationCommand> commands, CancellationToken cancellationToken) =>
        SendAsync(DiscordRoute.GlobalCommands(HttpMethod.Put, applicationId),
            Serialize(commands, DiscordJsonContext.Default.IReadOnlyListApplicationCommand),
            DiscordJsonContext.Default.IReadOnlyListApplicationCommand, cancellationToken);

    public Task<IReadOnlyList<ApplicationCommand>> GetGuildCommandsAsync(Snowflake applicationId, Snowflake guildId,
        CancellationToken cancellationToken) =>
        SendAsync(DiscordRoute.GuildCommands(HttpMethod.Get, applicationId, guildId), body: null,
            DiscordJsonContext.Default.IReadOnlyListApplicationCommand, cancellationToken);

    public Task<IReadOnlyList<ApplicationCommand>> BulkOverwriteGuildCommandsAsync(Snowflake applicationId,
        Snowflake guildId, IReadOnlyList<ApplicationCommand> commands, CancellationToken cancellationToken) =>
        SendAsync(DiscordRoute.GuildCommands(HttpMethod.Put, applicationId, guildId),
            Serialize(commands, DiscordJsonContext.Default.IReadOnlyListApplicationCommand),
            DiscordJsonContext.Default.IReadOnlyListApplicationCommand, cancellationToken);

    public Task<GatewayBotInfo> GetGatewayBotAsync(CancellationToken cancellationToken) =>
        SendAsync(DiscordRoute.GatewayBot(), body: null, DiscordRestJsonContext.Default.GatewayBotInfo,
            cancellationToken);

    public Task<CurrentApplication> GetCurrentApplicationAsync(CancellationToken cancellationToken) =>
        SendAsync(DiscordRoute.CurrentApplication(), body: null, DiscordRestJsonContext.Default.CurrentApplication,
            cancellationToken);

    private static byte[] Serialize<T>(T value, JsonTypeInfo<T> typeInfo)
    {
        ArgumentNullException.ThrowIfNull(value);
        return JsonSerializer.SerializeToUtf8Bytes(value, typeInfo);
    }

    private async Task SendAsync(DiscordRoute route, byte[]? body, CancellationToken cancellationToken) =>
        _ = await SendWithPipelineAsync(route, body, cancellationToken);

    private async Task<T> SendAsync<T>(DiscordRoute route, byte[]? body, JsonTypeInfo<T> responseType,
        CancellationToken cancellationToken)
    {
        var (status, content) = await SendWithPipelineAsync(route, body, cancellationToken);
        try
        {
            return JsonSerializer.Deserialize(content, responseType)
                ?? throw new JsonException("The body was JSON null.");
        }
        catch (JsonException exception)
        {
            var snippet = DiscordErrorParser.Snippet(
                DiscordErrorParser.Redact(System.Text.Encoding.UTF8.GetString(content), Secrets(route)));
            throw new InvalidDataException(
                $"Discord answered {status} to {route} with a body that is not the expected "
                + $"{typeof(T).Name}: \"{snippet}\". "
                + "Check that Discord:ApiBaseUrl points at Discord's API v10.",
                exception);
        }
    }

    private async Task<(int Status, byte[] Content)> SendWithPipelineAsync(DiscordRoute route, byte[]? body,
        CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(DiscordRestPipelines.RouteProperty, route);
        try
        {
            return await _pipelines.For(route).ExecuteAsync(
                static (ctx, state) => state.Self.SendOnceAsync(state.Route, state.Body, ctx.CancellationToken),
                context,
                (Self: this, Route: route, Body: body));
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private async ValueTask<(int Status, byte[] Content)> SendOnceAsync(DiscordRoute route, byte[]? body,
        CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(route.Method, new Uri(route.Path, UriKind.Relative));
        request.Options.Set(DiscordRoute.OptionKey, route);
        if (route.UsesBotToken)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bot", BotToken());
        }

        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = JsonMediaType;
        }

        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead,
            cancellationToken);
        var content = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw DiscordErrorParser.Parse(response.StatusCode, System.Text.Encoding.UTF8.GetString(content), route,
                Secrets(route));
        }

        return ((int)response.StatusCode, content);
    }

    private string BotToken()
    {
        var token = _options.CurrentValue.Token;
        if (string.IsNullOrWhiteSpace(token))
        {
            throw new InvalidOperationException(
                "The Discord bot token is empty: set Discord:Token in configuration or the Discord__Token "
                + "environment variable "
                + "to the token from the Developer Portal (without the \"Bot \" prefix).");
        }

        return token;
    }

    private List<string> Secrets(DiscordRoute route) =>
        [.. new[] { _options.CurrentValue.Token, route.InteractionToken }.Where(s => !string.IsNullOrEmpty(s))
            .Cast<string>()];
}
