using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using MiracleCell.Discord.Gateway;

namespace MiracleCell.Discord;

public static class GatewayServiceCollectionExtensions
{
    /// <summary>
    /// Adds the gateway connection (<see cref="DiscordGatewayClient"/>, run by <see cref="GatewayHostedService"/>) and
    /// binds and validates the <c>Discord</c> section at start-up. Needs an <c>IDiscordRestClient</c> registration
    /// (for GET /gateway/bot when Discord:GatewayUrl is unset). Add event handlers as
    /// <c>services.AddSingleton&lt;IGatewayEventSink, MyHandler&gt;()</c>.
    /// </summary>
    public static IServiceCollection AddDiscordGateway(this IServiceCollection services, Action<GatewaySettings>? configure = null)
    {
        services.AddDiscordOptions();
        var settings = new GatewaySettings();
        configure?.Invoke(settings);
        services.TryAddSingleton(settings);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<DiscordGatewayClient>();
        services.AddHostedService<GatewayHostedService>();
        return services;
    }

    /// <summary>
    /// Binds <see cref="DiscordOptions"/> to the <c>Discord</c> configuration section and validates it when the host
    /// starts, reporting every wrong setting at once. Safe to call more than once.
    /// </summary>
    public static IServiceCollection AddDiscordOptions(this IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(IValidateOptions<DiscordOptions>) && d.ImplementationType == typeof(DiscordOptionsValidator)))
            return services;
        services.AddOptions<DiscordOptions>().BindConfiguration(DiscordOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DiscordOptions>, DiscordOptionsValidator>();
        return services;
    }
}
