using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using MiracleCell.Testing;
using static MiracleCell.Storage.Tests.StoreTestKit;

namespace MiracleCell.Storage.Tests.Contract;

/// <summary>
/// What every <see cref="ITriviaStore"/> promises, as tests any backend runs by deriving from this class: answers
/// counted exactly once, guilds isolated, leaderboards, stats, resets, recovery after a crash, concurrency and
/// durability under SIGKILL. Each test gets a fresh, empty store from <see cref="OpenStoreAsync"/>. Only the
/// interface is used here; a backend's own checks (files, schemas, servers) belong in its own test classes.
/// </summary>
public abstract partial class TriviaStoreContract : IAsyncLifetime
{
    protected static readonly Snowflake Ann = new(1), Ben = new(2);

    /// <summary>The clock the store was opened with; starts at <see cref="StoreTestKit.Start"/>.</summary>
    protected ManualTimeProvider Clock { get; } = new(Start);

    protected ITriviaStore Store { get; private set; } = null!;

    private readonly ServiceProvider _metricsServices = new ServiceCollection().AddMetrics().BuildServiceProvider();

    /// <summary>The meter factory a backend opens its stores with, so the suite can check their metrics.</summary>
    protected IMeterFactory Meters => _metricsServices.GetRequiredService<IMeterFactory>();

    /// <summary>A new, empty store of this backend, isolated from every other test, initialised and ready.</summary>
    protected abstract Task<ITriviaStore> OpenStoreAsync(TimeProvider time);

    /// <summary>
    /// The same data the last <see cref="OpenStoreAsync"/> opened, opened again as a new process would after the
    /// previous instance was disposed or its writer process killed.
    /// </summary>
    protected abstract Task<ITriviaStore> ReopenStoreAsync(TimeProvider time);

    /// <summary>
    /// The arguments that point tests/MiracleCell.Storage.CrashWriter at the data <see cref="OpenStoreAsync"/> opened,
    /// e.g. <c>--provider LiteDb --location /tmp/x/scores.litedb</c>.
    /// </summary>
    protected abstract IReadOnlyList<string> CrashWriterTarget { get; }

    /// <summary>Removes what <see cref="OpenStoreAsync"/> created, after the store is disposed.</summary>
    protected abstract Task CleanUpAsync();

    public async Task InitializeAsync() => Store = await OpenStoreAsync(Clock);

    public async Task DisposeAsync()
    {
        await Store.DisposeAsync();
        await CleanUpAsync();
        await _metricsServices.DisposeAsync();
    }

    /// <summary>Disposes the store and opens the same data again, as after a restart.</summary>
    protected async Task RestartAsync()
    {
        await Store.DisposeAsync();
        Store = await ReopenStoreAsync(Clock);
    }

    /// <summary>Closes a game and returns how many answers it held per player (a backend-neutral look at what was
    /// stored).</summary>
    protected async Task<GameClosure> CloseAsync(long game, Snowflake? guild = null)
    {
        var closure = await Store.FinishGameAsync(guild ?? GuildA, game, GameEndState.Finished, Clock.GetUtcNow());
        Assert.NotNull(closure);
        return closure;
    }
}
