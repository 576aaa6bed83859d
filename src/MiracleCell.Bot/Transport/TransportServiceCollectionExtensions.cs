using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MiracleCell.Bot.Hosting;
using MiracleCell.Discord;
using MiracleCell.Discord.Gateway;
using MiracleCell.Discord.Rest;
using MiracleCell.Storage;

namespace MiracleCell.Bot.Transport;

public static class TransportServiceCollectionExtensions
{
    /// <summary>
    /// Connects the router to Discord: the REST client, the gateway (run by <see cref="GatewayHostedService"/>), the
    /// <see cref="InteractionResponder"/> as the gateway's interaction sink, and the <see cref="CommandRegistrar"/>.
    /// Needs <c>AddMiracleCellCommands</c> for the router. Binds and validates the Discord and Storage sections.
    /// </summary>
    public static IServiceCollection AddDiscordTransport(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddDiscordRest(configuration.GetSection(DiscordOptions.SectionName));
        // Before AddDiscordGateway, whose in-process default is only a fallback.
        services.TryAddSingleton<IIdentifyCoordinator>(CreateIdentifyCoordinator);
        services.AddDiscordGateway();

        // A fatal refusal from the gateway ends the process with exit code 78.
        services.TryAddSingleton<BotExitCode>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IGatewayFatalErrorListener, ConfigurationExitOnFatalGateway>());

        services.TryAddSingleton(new InteractionTimings());
        services.TryAddSingleton<InteractionResponder>();
        services.AddSingleton<IGatewayEventSink>(provider => new Health.InteractionMetrics(
            provider.GetRequiredService<InteractionResponder>(), provider.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(),
            provider.GetRequiredService<TimeProvider>()));

        // The registrar keeps its record in the data folder.
        services.AddOptions<StorageOptions>().Bind(configuration.GetSection(StorageOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>());
        services.AddHostedService<CommandRegistrar>();
        return services;
    }

    /// <summary>
    /// With PostgreSQL every process of the bot shares the database, so Identify is paced through it across
    /// processes; with the embedded store the process paces its own shards.
    /// </summary>
    private static IIdentifyCoordinator CreateIdentifyCoordinator(IServiceProvider provider)
    {
        var storage = provider.GetRequiredService<IOptions<StorageOptions>>().Value;
        var time = provider.GetRequiredService<TimeProvider>();
        var interval = provider.GetRequiredService<GatewaySettings>().IdentifyInterval;
        return storage.Provider == StorageProvider.PostgreSql
            ? PostgreSqlIdentifyCoordinator.ForStorage(storage, time, interval,
                provider.GetRequiredService<ILoggerFactory>().CreateLogger<PostgreSqlIdentifyCoordinator>())
            : new InProcessIdentifyCoordinator(time, interval);
    }
}
