using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MiracleCell.Storage.PostgreSql;

namespace MiracleCell.Storage.Tests;

public sealed class StorageServiceCollectionTests
{
    private static ServiceProvider Services(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build();
        return new ServiceCollection().AddMetrics().AddTriviaStore(configuration).BuildServiceProvider();
    }

    [Fact]
    public async Task With_PostgreSql_readyz_asks_the_store_server()
    {
        await using var services = Services(("Storage:Provider", "postgresql"),
            ("Storage:ConnectionString", "Host=127.0.0.1;Port=5432;Username=bot;Database=scores"));

        var check = Assert.Single(services.GetServices<IReadinessCheck>());

        Assert.IsType<PostgreSqlReadinessCheck>(check);
        Assert.Equal("store", check.Name);
    }

    [Fact]
    public async Task With_the_embedded_file_no_store_readiness_check_is_added()
    {
        await using var services = Services(("Storage:DataFolder", Path.GetTempPath()));

        Assert.Empty(services.GetServices<IReadinessCheck>());
    }
}
