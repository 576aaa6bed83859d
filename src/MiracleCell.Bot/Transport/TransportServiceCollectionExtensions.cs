using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MiracleCell.Bot.Interactions;
using MiracleCell.Bot.Hosting;
using MiracleCell.Discord;
using MiracleCell.Discord.Gateway;
using MiracleCell.Discord.Rest;
using MiracleCell.Storage;

namespace MiracleCell.Bot.Transport;

internal static class TransportServiceCollectionExtensions
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
        services.TryAddEnumerable(
            ServiceDescriptor.Singleton<IGatewayFatalErrorListener, ConfigurationExitOnFatalGateway>());

        services.TryAddSingleton(new InteractionTimings());
        services.TryAddSingleton(provider => new InteractionResponder(
            RouterWhenReady(provider), provider.GetRequiredService<IDiscordRestClient>(),
            provider.GetRequiredService<TimeProvider>(), provider.GetRequiredService<InteractionTimings>(),
            provider.GetRequiredService<ILogger<InteractionResponder>>()));
        services.AddSingleton<IGatewayEventSink>(provider => new Health.InteractionMetrics(
            provider.GetRequiredService<InteractionResponder>(),
            provider.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(),
            provider.GetRequiredService<TimeProvider>()));

        // The registrar keeps its record in the data folder.
        services.AddOptions<StorageOptions>().Bind(configuration.GetSection(StorageOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(
            ServiceDescriptor.Singleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>());
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

    /// <summary>
    /// The router now, or, while the hosted bot starts (a <see cref="StartupGate"/> is registered), once the gate
    /// opens: the commands need the content, and the gateway connects before it has loaded.
    /// </summary>
    private static Task<InteractionRouter> RouterWhenReady(IServiceProvider provider) =>
        provider.GetService<StartupGate>() is { } gate
            ? ResolveAfterAsync(gate.Opened, provider)
            : Task.FromResult(provider.GetRequiredService<InteractionRouter>());

    private static async Task<InteractionRouter> ResolveAfterAsync(Task opened, IServiceProvider provider)
    {
        await opened.ConfigureAwait(false);
        return provider.GetRequiredService<InteractionRouter>();
    }
}
