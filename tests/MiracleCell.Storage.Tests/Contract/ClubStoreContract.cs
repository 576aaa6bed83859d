using static MiracleCell.Storage.Tests.StoreTestKit;

namespace MiracleCell.Storage.Tests.Contract;

/// <summary>
/// What every <see cref="IClubStore"/> promises, as tests any backend runs by deriving from this class: nothing
/// stored reads as no film and no progress, values are kept as given and replaced, a member's progress can be
/// cleared, servers and members are isolated, settings survive a restart and concurrent writers all land.
/// </summary>
public abstract class ClubStoreContract : IAsyncLifetime
{
    protected static readonly Snowflake Ann = new(1), Ben = new(2);
    protected const string Miracle = "miracle-in-cell-no-7", Remake = "miracle-in-cell-no-7-2019";

    private static CancellationToken None => CancellationToken.None;

    protected IClubStore Store { get; private set; } = null!;

    /// <summary>A club store on a new, empty database of this backend, initialised and ready.</summary>
    protected abstract Task<IClubStore> OpenStoreAsync();

    /// <summary>Closes the store's database and opens the same data again, as a restarted process would.</summary>
    protected abstract Task<IClubStore> ReopenStoreAsync();

    /// <summary>Closes the store's database and removes what <see cref="OpenStoreAsync"/> created.</summary>
    protected abstract Task CleanUpAsync();

    public async Task InitializeAsync() => Store = await OpenStoreAsync();

    public Task DisposeAsync() => CleanUpAsync();

    [Fact]
    public async Task A_server_with_nothing_stored_has_no_current_film_and_no_progress()
    {
        var club = await Store.GetClubAsync(GuildA, None);

        Assert.Null(club.CurrentFilmId);
        Assert.Empty(club.PartsWatchedByFilm);
        Assert.Null(await Store.GetMemberProgressAsync(GuildA, Ann, Miracle, None));
    }

    [Fact]
    public async Task The_current_film_is_kept_and_replaced_by_the_next_choice()
    {
        await Store.SetCurrentFilmAsync(GuildA, Miracle, None);
        Assert.Equal(Miracle, (await Store.GetClubAsync(GuildA, None)).CurrentFilmId);

        await Store.SetCurrentFilmAsync(GuildA, Remake, None);
        var club = await Store.GetClubAsync(GuildA, None);

        Assert.Equal(Remake, club.CurrentFilmId);
        Assert.Empty(club.PartsWatchedByFilm);
    }

    [Fact]
    public async Task Club_progress_is_kept_per_film_as_given_and_replaced()
    {
        await Store.SetClubProgressAsync(GuildA, Miracle, 3, None);
        await Store.SetClubProgressAsync(GuildA, Remake, 0, None);
        await Store.SetClubProgressAsync(GuildA, Miracle, int.MaxValue, None);

        var club = await Store.GetClubAsync(GuildA, None);

        Assert.Null(club.CurrentFilmId);
        Assert.Equal(2, club.PartsWatchedByFilm.Count);
        Assert.Equal(int.MaxValue, club.PartsWatchedByFilm[Miracle]);
        Assert.Equal(0, club.PartsWatchedByFilm[Remake]);
    }

    [Fact]
    public async Task Choosing_a_film_keeps_the_progress_already_made()
    {
        await Store.SetClubProgressAsync(GuildA, Miracle, 5, None);
        await Store.SetCurrentFilmAsync(GuildA, Remake, None);
        await Store.SetCurrentFilmAsync(GuildA, Miracle, None);

        var club = await Store.GetClubAsync(GuildA, None);

        Assert.Equal(Miracle, club.CurrentFilmId);
        Assert.Equal(5, club.PartsWatchedByFilm[Miracle]);
    }

    [Fact]
    public async Task Member_progress_is_kept_replaced_and_cleared()
    {
        await Store.SetMemberProgressAsync(GuildA, Ann, Miracle, 2, None);
        Assert.Equal(2, await Store.GetMemberProgressAsync(GuildA, Ann, Miracle, None));

        await Store.SetMemberProgressAsync(GuildA, Ann, Miracle, int.MaxValue, None);
        Assert.Equal(int.MaxValue, await Store.GetMemberProgressAsync(GuildA, Ann, Miracle, None));

        await Store.SetMemberProgressAsync(GuildA, Ann, Miracle, 0, None);
        Assert.Equal(0, await Store.GetMemberProgressAsync(GuildA, Ann, Miracle, None));

        await Store.SetMemberProgressAsync(GuildA, Ann, Miracle, null, None);
        Assert.Null(await Store.GetMemberProgressAsync(GuildA, Ann, Miracle, None));

        await Store.SetMemberProgressAsync(GuildA, Ann, Miracle, null, None); // clearing nothing is fine
        Assert.Null(await Store.GetMemberProgressAsync(GuildA, Ann, Miracle, None));
    }

    [Fact]
    public async Task Member_progress_does_not_change_the_club_progress()
    {
        await Store.SetMemberProgressAsync(GuildA, Ann, Miracle, 4, None);

        Assert.Empty((await Store.GetClubAsync(GuildA, None)).PartsWatchedByFilm);
    }

    [Fact]
    public async Task Negative_progress_is_refused_and_nothing_is_stored()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(
            () => Store.SetClubProgressAsync(GuildA, Miracle, -1, None).AsTask());
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(
            () => Store.SetMemberProgressAsync(GuildA, Ann, Miracle, int.MinValue, None).AsTask());

        Assert.Empty((await Store.GetClubAsync(GuildA, None)).PartsWatchedByFilm);
        Assert.Null(await Store.GetMemberProgressAsync(GuildA, Ann, Miracle, None));
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public async Task A_blank_film_id_is_refused(string filmId)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Store.SetCurrentFilmAsync(GuildA, filmId, None).AsTask());
        await Assert.ThrowsAsync<ArgumentException>(() => Store.SetClubProgressAsync(GuildA, filmId, 1, None).AsTask());
        await Assert.ThrowsAsync<ArgumentException>(
            () => Store.SetMemberProgressAsync(GuildA, Ann, filmId, 1, None).AsTask());

        var club = await Store.GetClubAsync(GuildA, None);
        Assert.Null(club.CurrentFilmId);
        Assert.Empty(club.PartsWatchedByFilm);
    }

    [Fact]
    public async Task Servers_are_isolated()
    {
        await Store.SetCurrentFilmAsync(GuildA, Miracle, None);
        await Store.SetClubProgressAsync(GuildA, Miracle, 7, None);
        await Store.SetMemberProgressAsync(GuildA, Ann, Miracle, 3, None);
        await Store.SetCurrentFilmAsync(GuildB, Remake, None);
        await Store.SetClubProgressAsync(GuildB, Miracle, 1, None);

        var a = await Store.GetClubAsync(GuildA, None);
        var b = await Store.GetClubAsync(GuildB, None);

        Assert.Equal((Miracle, 7), (a.CurrentFilmId, a.PartsWatchedByFilm[Miracle]));
        Assert.Equal((Remake, 1), (b.CurrentFilmId, b.PartsWatchedByFilm[Miracle]));
        Assert.Null(await Store.GetMemberProgressAsync(GuildB, Ann, Miracle, None));
    }

    [Fact]
    public async Task Members_and_films_are_isolated()
    {
        await Store.SetMemberProgressAsync(GuildA, Ann, Miracle, 3, None);
        await Store.SetMemberProgressAsync(GuildA, Ben, Miracle, 9, None);
        await Store.SetMemberProgressAsync(GuildA, Ann, Remake, 1, None);

        await Store.SetMemberProgressAsync(GuildA, Ben, Miracle, null, None);

        Assert.Equal(3, await Store.GetMemberProgressAsync(GuildA, Ann, Miracle, None));
        Assert.Equal(1, await Store.GetMemberProgressAsync(GuildA, Ann, Remake, None));
        Assert.Null(await Store.GetMemberProgressAsync(GuildA, Ben, Miracle, None));
        Assert.Null(await Store.GetMemberProgressAsync(GuildA, Ben, Remake, None));
    }

    [Fact]
    public async Task Film_ids_and_snowflakes_are_kept_exactly()
    {
        Snowflake bigGuild = new(ulong.MaxValue), bigUser = new((ulong)long.MaxValue + 1);
        const string odd = "film:with:colons/ünïcode", alsoOdd = "Film:With:Colons/ünïcode";

        await Store.SetCurrentFilmAsync(bigGuild, odd, None);
        await Store.SetClubProgressAsync(bigGuild, odd, 2, None);
        await Store.SetClubProgressAsync(bigGuild, alsoOdd, 6, None);
        await Store.SetMemberProgressAsync(bigGuild, bigUser, odd, 4, None);

        var club = await Store.GetClubAsync(bigGuild, None);

        Assert.Equal(odd, club.CurrentFilmId);
        Assert.Equal(2, club.PartsWatchedByFilm[odd]);
        Assert.Equal(6, club.PartsWatchedByFilm[alsoOdd]);
        Assert.Equal(4, await Store.GetMemberProgressAsync(bigGuild, bigUser, odd, None));
        Assert.Null(await Store.GetMemberProgressAsync(bigGuild, bigUser, alsoOdd, None));
        Assert.Null(await Store.GetMemberProgressAsync(new Snowflake(bigGuild.Value - 1), bigUser, odd, None));
    }

    [Fact]
    public async Task Settings_survive_a_restart()
    {
        await Store.SetCurrentFilmAsync(GuildA, Miracle, None);
        await Store.SetClubProgressAsync(GuildA, Miracle, 7, None);
        await Store.SetMemberProgressAsync(GuildA, Ann, Miracle, 3, None);

        Store = await ReopenStoreAsync();

        var club = await Store.GetClubAsync(GuildA, None);
        Assert.Equal(Miracle, club.CurrentFilmId);
        Assert.Equal(7, club.PartsWatchedByFilm[Miracle]);
        Assert.Equal(3, await Store.GetMemberProgressAsync(GuildA, Ann, Miracle, None));
    }

    [Fact]
    public async Task Concurrent_writers_all_land()
    {
        const int writers = 64;
        var work = Enumerable.Range(0, writers).Select(i => Task.Run(async () =>
        {
            await Store.SetMemberProgressAsync(GuildA, new Snowflake((ulong)i + 10), Miracle, i, None);
            await Store.SetClubProgressAsync(GuildA, $"film-{i}", i, None);
            await Store.SetMemberProgressAsync(GuildB, new Snowflake((ulong)i + 10), Miracle, i, None);
            if (i % 2 == 0) await Store.SetMemberProgressAsync(GuildB, new Snowflake((ulong)i + 10), Miracle, null,
                None);
        }));
        await Task.WhenAll([.. work, Store.SetCurrentFilmAsync(GuildA, Miracle, None).AsTask()]);

        var club = await Store.GetClubAsync(GuildA, None);
        Assert.Equal(Miracle, club.CurrentFilmId);
        Assert.Equal(writers, club.PartsWatchedByFilm.Count);
        for (var i = 0; i < writers; i++)
        {
            Assert.Equal(i, club.PartsWatchedByFilm[$"film-{i}"]);
            Assert.Equal(i, await Store.GetMemberProgressAsync(GuildA, new Snowflake((ulong)i + 10), Miracle, None));
            var expected = i % 2 == 0 ? (int?)null : i;
            Assert.Equal(expected, await Store.GetMemberProgressAsync(GuildB, new Snowflake((ulong)i + 10), Miracle,
                None));
        }
    }
}
