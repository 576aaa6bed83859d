using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using MiracleCell.Storage.LiteDb;
using MiracleCell.Storage.PostgreSql;

namespace MiracleCell.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers the trivia store chosen by <c>Storage:Provider</c> as <see cref="ITriviaStore"/>: the embedded file
    /// (default) or PostgreSQL at <c>Storage:ConnectionString</c>. Bound to the <c>Storage</c> section and validated at
    /// start-up. Uses the registered <see cref="TimeProvider"/> (the system clock if none) and, when registered, the
    /// <see cref="System.Diagnostics.Metrics.IMeterFactory"/> for the commit metrics. With PostgreSQL it also adds the
    /// <c>store</c> <see cref="IReadinessCheck"/>.
    /// The club settings are registered as <see cref="IClubStore"/> on the same database.
    /// </summary>
    public static IServiceCollection AddTriviaStore(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<StorageOptions>()
            .Bind(configuration.GetSection(StorageOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(
            ServiceDescriptor.Singleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<LiteDbTriviaStore>();
        services.TryAddSingleton<PostgreSqlTriviaStore>();
        services.TryAddSingleton<ITriviaStore>(sp =>
            sp.GetRequiredService<IOptions<StorageOptions>>().Value.Provider switch
        {
            StorageProvider.PostgreSql => sp.GetRequiredService<PostgreSqlTriviaStore>(),
            _ => sp.GetRequiredService<LiteDbTriviaStore>(),
        });
        AddClubStore(services);
        // A server can go away while the bot runs, so /readyz asks it; an embedded file needs no check.
        var provider = configuration[$"{StorageOptions.SectionName}:{nameof(StorageOptions.Provider)}"];
        if (Enum.TryParse<StorageProvider>(provider, ignoreCase: true, out var chosen)
            && chosen == StorageProvider.PostgreSql)
        {
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IReadinessCheck, PostgreSqlReadinessCheck>());
        }
        return services;
    }

    // The club settings share the trivia store's database: the one LiteDB file and its writer, or the PostgreSQL
    // pool and migrations.
    private static void AddClubStore(IServiceCollection services)
    {
        services.TryAddSingleton<LiteDbClubStore>();
        services.TryAddSingleton<PostgreSqlClubStore>();
        services.TryAddSingleton<IClubStore>(sp => ProviderOf(sp) switch
        {
            StorageProvider.PostgreSql => sp.GetRequiredService<PostgreSqlClubStore>(),
            _ => sp.GetRequiredService<LiteDbClubStore>(),
        });
    }

    private static StorageProvider ProviderOf(IServiceProvider services) =>
        services.GetRequiredService<IOptions<StorageOptions>>().Value.Provider;
}
