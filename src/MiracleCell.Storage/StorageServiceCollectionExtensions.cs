using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using MiracleCell.Storage.LiteDb;

namespace MiracleCell.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers the trivia store chosen by <c>Storage:Provider</c> as <see cref="ITriviaStore"/>, bound to the
    /// <c>Storage</c> section and validated at start-up. Uses the registered <see cref="TimeProvider"/> (the system clock if none).
    /// </summary>
    public static IServiceCollection AddTriviaStore(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<StorageOptions>()
            .Bind(configuration.GetSection(StorageOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<LiteDbTriviaStore>();
        services.TryAddSingleton<ITriviaStore>(sp => sp.GetRequiredService<IOptions<StorageOptions>>().Value.Provider switch
        {
            StorageProvider.LiteDb => sp.GetRequiredService<LiteDbTriviaStore>(),
            var other => throw new InvalidOperationException($"Storage:Provider {other} has no store in this build."),
        });
        return services;
    }
}
