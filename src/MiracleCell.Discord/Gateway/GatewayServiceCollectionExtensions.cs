using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using MiracleCell.Discord.Gateway;

namespace MiracleCell.Discord;

public static class GatewayServiceCollectionExtensions
{
    /// <summary>
    /// Adds this process's gateway connections (<see cref="GatewayShardSet"/>, one per shard, run by
    /// <see cref="GatewayHostedService"/>) and binds and validates the <c>Discord</c> section at start-up. Needs an
    /// <c>IDiscordRestClient</c> registration (for GET /gateway/bot when Discord:GatewayUrl is unset). Add event
    /// handlers as <c>services.AddSingleton&lt;IGatewayEventSink, MyHandler&gt;()</c>.
    /// </summary>
    public static IServiceCollection AddDiscordGateway(this IServiceCollection services,
        Action<GatewaySettings>? configure = null)
    {
        services.AddDiscordOptions();
        var settings = new GatewaySettings();
        configure?.Invoke(settings);
        services.TryAddSingleton(settings);
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.TryAddSingleton<GatewayMetrics>();
        services.TryAddSingleton<IIdentifyCoordinator, InProcessIdentifyCoordinator>();
        services.TryAddSingleton<GatewayShardSet>();
        // The lowest shard's client: READY there gives the application id for command registration.
        services.TryAddSingleton(provider => provider.GetRequiredService<GatewayShardSet>().Primary);
        services.AddHostedService<GatewayHostedService>();
        return services;
    }

    /// <summary>
    /// Binds <see cref="DiscordOptions"/> to the <c>Discord</c> configuration section and validates it when the host
    /// starts, reporting every wrong setting at once. Safe to call more than once.
    /// </summary>
    public static IServiceCollection AddDiscordOptions(this IServiceCollection services)
    {
        if (services.Any(d =>
            d.ServiceType == typeof(IValidateOptions<DiscordOptions>)
                && d.ImplementationType == typeof(DiscordOptionsValidator)))
            return services;
        services.AddOptions<DiscordOptions>().BindConfiguration(DiscordOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DiscordOptions>, DiscordOptionsValidator>();
        return services;
    }
}
