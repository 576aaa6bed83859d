using MiracleCell.Storage.LiteDb;
using MiracleCell.Storage.Tests.Contract;

namespace MiracleCell.Storage.Tests.LiteDb;

/// <summary>The club store contract on a LiteDB file in a fresh temp folder, shared with the trivia store.</summary>
public sealed class LiteDbClubStoreContractTests : ClubStoreContract
{
    private readonly TempFolder _folder = new();
    private LiteDbTriviaStore? _trivia;

    private StorageOptions Options => new() { DataFolder = _folder.Path, DatabaseFileName = "scores.litedb" };

    protected override async Task<IClubStore> OpenStoreAsync()
    {
        _trivia = new LiteDbTriviaStore(Options, TimeProvider.System);
        await _trivia.InitializeAsync();
        return new LiteDbClubStore(_trivia);
    }

    protected override async Task<IClubStore> ReopenStoreAsync()
    {
        await _trivia!.DisposeAsync();
        return await OpenStoreAsync();
    }

    protected override async Task CleanUpAsync()
    {
        if (_trivia is not null) await _trivia.DisposeAsync();
        _folder.Dispose();
    }
}
