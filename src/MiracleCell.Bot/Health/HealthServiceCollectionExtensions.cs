using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using MiracleCell.Bot.Hosting;

namespace MiracleCell.Bot.Health;

internal static class HealthServiceCollectionExtensions
{
    /// <summary>
    /// Binds and validates the <c>Health</c> section and, only when <c>Health:Urls</c> names an address, adds the
    /// <see cref="HealthListener"/>. Needs the gateway (<c>AddDiscordTransport</c>).
    /// </summary>
    public static IServiceCollection AddHealthEndpoints(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<HealthOptions>().Bind(configuration.GetSection(HealthOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(
            ServiceDescriptor.Singleton<IValidateOptions<HealthOptions>, HealthOptionsValidator>());
        if (string.IsNullOrWhiteSpace(configuration[$"{HealthOptions.SectionName}:{nameof(HealthOptions.Urls)}"]))
            return services;
        services.TryAddSingleton<BotExitCode>();
        services.AddHostedService<HealthListener>();
        return services;
    }
}
