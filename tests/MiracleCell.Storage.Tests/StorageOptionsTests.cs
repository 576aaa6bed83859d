using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MiracleCell.Storage.Tests;

public sealed class StorageOptionsTests
{
    [Fact]
    public void The_defaults_are_valid_and_keep_the_database_under_data_state()
    {
        var options = new StorageOptions();

        Assert.True(new StorageOptionsValidator().Validate(null, options).Succeeded);
        Assert.EndsWith(Path.Combine("data", "state", "miraclecell.litedb"), options.DatabasePath,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Each_bad_setting_is_named_in_the_error()
    {
        var result = new StorageOptionsValidator().Validate(null, new StorageOptions
        {
            DataFolder = " ",
            DatabaseFileName = "sub/scores.db",
            Provider = (StorageProvider)7,
            MaxBatchSize = 0,
        });

        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, f => f.StartsWith("Storage:DataFolder is empty", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.StartsWith("Storage:DatabaseFileName", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.StartsWith("Storage:Provider", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.StartsWith("Storage:MaxBatchSize", StringComparison.Ordinal));
    }

    [Fact]
    public void The_SQLite_stores_file_name_is_refused_for_the_LiteDb_file()
    {
        var result = new StorageOptionsValidator()
            .Validate(null, new StorageOptions { DatabaseFileName = "miraclecell.db" });

        Assert.Contains(result.Failures!, f => f.StartsWith("Storage:DatabaseFileName \"miraclecell.db\" is the "
            + "earlier SQLite store's", StringComparison.Ordinal));
    }

    [Fact]
    public void AddTriviaStore_binds_the_Storage_section_and_rejects_a_bad_value_when_the_options_are_read()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:MaxBatchSize"] = "-1" })
            .Build();
        using var services = new ServiceCollection().AddTriviaStore(configuration).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() =>
            services.GetRequiredService<IOptions<StorageOptions>>().Value);

        Assert.Contains("Storage:MaxBatchSize must be between 1 and 10000 (got -1)", error.Message);
    }

    [Fact]
    public async Task AddTriviaStore_gives_one_shared_LiteDb_store_on_the_configured_folder_by_default()
    {
        using var folder = new TempFolder();
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:DataFolder"] = folder.Path })
            .Build();
        await using var services = new ServiceCollection().AddTriviaStore(configuration).BuildServiceProvider();

        var store = services.GetRequiredService<ITriviaStore>();
        await store.InitializeAsync();

        Assert.Same(store, services.GetRequiredService<ITriviaStore>());
        Assert.IsType<Storage.LiteDb.LiteDbTriviaStore>(store);
        Assert.True(File.Exists(Path.Combine(folder.Path, "miraclecell.litedb")));
    }
}
