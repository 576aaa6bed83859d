using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using MiracleCell.Discord.Rest.RateLimiting;

namespace MiracleCell.Discord.Rest;

public static class DiscordRestServiceCollectionExtensions
{
    /// <summary>The name of the <see cref="HttpClient"/> the REST client uses, for further configuration.</summary>
    public const string HttpClientName = "MiracleCell.Discord.Rest";

    /// <summary>
    /// Registers <see cref="IDiscordRestClient"/> with options bound from the <c>Discord</c> section, e.g.
    /// <c>services.AddDiscordRest(builder.Configuration.GetSection(DiscordOptions.SectionName))</c>.
    /// REST tuning comes from its <c>Rest</c> subsection (<see cref="DiscordRestOptions"/>).
    /// </summary>
    public static IHttpClientBuilder AddDiscordRest(this IServiceCollection services, IConfiguration discordSection)
    {
        ArgumentNullException.ThrowIfNull(discordSection);
        services.AddOptions<DiscordOptions>().Bind(discordSection);
        services.AddOptions<DiscordRestOptions>().Bind(discordSection.GetSection(DiscordRestOptions.SectionName));
        return services.AddDiscordRestCore();
    }

    /// <summary>Registers <see cref="IDiscordRestClient"/> with options set in code.</summary>
    public static IHttpClientBuilder AddDiscordRest(
        this IServiceCollection services,
        Action<DiscordOptions> configure,
        Action<DiscordRestOptions>? configureRest = null)
    {
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<DiscordOptions>().Configure(configure);
        if (configureRest is not null)
        {
            services.AddOptions<DiscordRestOptions>().Configure(configureRest);
        }

        return services.AddDiscordRestCore();
    }

    private static IHttpClientBuilder AddDiscordRestCore(this IServiceCollection services)
    {
        if (services.Any(descriptor => descriptor.ServiceType == typeof(DiscordRestRegistered)))
        {
            // A second call (say, from the gateway and from the bot) must not stack a second rate limiter in the chain.
            return services.AddHttpClient(HttpClientName);
        }

        services.AddSingleton<DiscordRestRegistered>();
        services.AddOptions<DiscordRestOptions>().ValidateOnStart();
        services.TryAddEnumerable(
            ServiceDescriptor.Singleton<IValidateOptions<DiscordRestOptions>, DiscordRestOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.TryAddSingleton<RestMetrics>();
        services.TryAddSingleton<DiscordRateLimiter>();
        services.TryAddSingleton<DiscordRestPipelines>();
        services.TryAddTransient<DiscordRateLimitHandler>();
        services.TryAddTransient<AttemptTimeoutHandler>();
        services.TryAddTransient<IDiscordRestClient>(provider => new DiscordRestClient(
            provider.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName),
            provider.GetRequiredService<IOptionsMonitor<DiscordOptions>>(),
            provider.GetRequiredService<DiscordRestPipelines>()));

        return services.AddHttpClient(HttpClientName, (provider, client) =>
            {
                var baseUrl = provider.GetRequiredService<IOptions<DiscordOptions>>().Value.ApiBaseUrl;
                // Without the trailing slash, relative routes would replace the "v10" segment.
                client.BaseAddress = baseUrl.AbsoluteUri.EndsWith('/') ? baseUrl : new Uri(baseUrl.AbsoluteUri + "/");
                client.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", DiscordRestClient.UserAgent);
                // Each attempt has its own timeout below the rate limiter; waiting for a bucket is not a timeout.
                client.Timeout = Timeout.InfiniteTimeSpan;
            })
            // The default HttpClient logs print full URLs, and interaction tokens are part of the path.
            .RemoveAllLoggers()
            .AddHttpMessageHandler<DiscordRateLimitHandler>()
            .AddHttpMessageHandler<AttemptTimeoutHandler>()
            // Discord's API does not redirect: a 3xx is reported as the error it is, never followed (a followed
            // POST would turn into a GET), and no redirect layer runs on every request.
            .ConfigurePrimaryHttpMessageHandler(() =>
                new SocketsHttpHandler
                {
                    PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                    AllowAutoRedirect = false,
                })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);
    }
}

/// <summary>Marks that the REST client's HttpClient pipeline has been built.</summary>
internal sealed class DiscordRestRegistered;
