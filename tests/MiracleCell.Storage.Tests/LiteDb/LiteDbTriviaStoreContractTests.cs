using MiracleCell.Storage.LiteDb;
using MiracleCell.Storage.Tests.Contract;

namespace MiracleCell.Storage.Tests.LiteDb;

/// <summary>The store contract on a LiteDB file in a fresh temp folder.</summary>
public sealed class LiteDbTriviaStoreContractTests : TriviaStoreContract
{
    private readonly TempFolder _folder = new();

    private StorageOptions Options => new() { DataFolder = _folder.Path, DatabaseFileName = "scores.litedb" };

    protected override IReadOnlyList<string> CrashWriterTarget =>
        ["--provider", "LiteDb", "--location", Options.DatabasePath];

    protected override Task<ITriviaStore> OpenStoreAsync(TimeProvider time) => ReopenStoreAsync(time);

    protected override async Task<ITriviaStore> ReopenStoreAsync(TimeProvider time)
    {
        var store = new LiteDbTriviaStore(Options, time, meterFactory: Meters);
        await store.InitializeAsync();
        return store;
    }

    protected override Task CleanUpAsync()
    {
        _folder.Dispose();
        return Task.CompletedTask;
    }
}
