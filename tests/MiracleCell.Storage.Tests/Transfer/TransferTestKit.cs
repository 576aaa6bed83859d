using MiracleCell.Storage.LiteDb;
using MiracleCell.Storage.Transfer;
using MiracleCell.Testing;
using static MiracleCell.Storage.Tests.StoreTestKit;

namespace MiracleCell.Storage.Tests.Transfer;

/// <summary>Fills a store through its public interfaces, and compares two stores through them.</summary>
internal static class TransferTestKit
{
    public static readonly Snowflake Ann = new(1), Ben = new(2), Cat = new(3);
    public const string Film = "miracle-in-cell-no-7", OtherFilm = "fixture-film";

    public static LiteDbTriviaStore OpenLiteDb(string folder, TimeProvider time) =>
        new(new StorageOptions { DataFolder = folder, DatabaseFileName = "scores.litedb" }, time);

    /// <summary>
    /// Two guilds with finished, stopped and running games, answers in two months, a member reset (so totals are
    /// not the sum of answers), and club settings with member progress.
    /// </summary>
    public static async Task FillAsync(ITriviaStore store, IClubStore club, ManualTimeProvider clock)
    {
        var first = await StartGameAsync(store, GuildA, channel: new(1), questions: 3);
        await store.RecordQuestionPostedAsync(GuildA, first, 0, new Snowflake(9001), Start);
        await store.RecordAnswerAsync(Answer(first, 0, Ann, 30, at: Start.AddSeconds(3)));
        await store.RecordAnswerAsync(Answer(first, 0, Ben, 0, at: Start.AddSeconds(4)));
        await store.RecordQuestionRevealedAsync(GuildA, first, 0, Start.AddSeconds(20));
        await store.RecordAnswerAsync(Answer(first, 1, Ann, 20, at: Start.AddSeconds(30)));
        await store.RecordAnswerAsync(Answer(first, 1, Cat, 25, at: Start.AddSeconds(31)));
        await store.FinishGameAsync(GuildA, first, GameEndState.Finished, Start.AddMinutes(2));

        var nextMonth = Start.AddMonths(1);
        clock.Advance(nextMonth - clock.GetUtcNow());
        var second = await StartGameAsync(store, GuildA, channel: new(1), questions: 2, at: nextMonth);
        await store.RecordAnswerAsync(Answer(second, 0, Ben, 40, at: nextMonth.AddSeconds(2)));
        await store.FinishGameAsync(GuildA, second, GameEndState.Stopped, nextMonth.AddMinutes(1));

        var other = await StartGameAsync(store, GuildB, channel: new(7), questions: 2, at: nextMonth);
        await store.RecordAnswerAsync(Answer(other, 0, Ann, 10, guild: GuildB, at: nextMonth));
        await store.RecordAnswerAsync(Answer(other, 0, Ben, 15, guild: GuildB, at: nextMonth));
        await store.FinishGameAsync(GuildB, other, GameEndState.Finished, nextMonth.AddMinutes(1));
        await store.ResetMemberAsync(GuildB, Ben);

        var running = await StartGameAsync(store, GuildA, channel: new(2), questions: 4, at: nextMonth);
        await store.RecordQuestionPostedAsync(GuildA, running, 0, new Snowflake(9002), nextMonth.AddSeconds(1));
        await store.RecordAnswerAsync(Answer(running, 0, Cat, 35, at: nextMonth.AddSeconds(5)));

        await club.SetCurrentFilmAsync(GuildA, Film, CancellationToken.None);
        await club.SetClubProgressAsync(GuildA, Film, 4, CancellationToken.None);
        await club.SetClubProgressAsync(GuildA, OtherFilm, int.MaxValue, CancellationToken.None);
        await club.SetClubProgressAsync(GuildB, Film, 0, CancellationToken.None);
        await club.SetMemberProgressAsync(GuildA, Ann, Film, 6, CancellationToken.None);
        await club.SetMemberProgressAsync(GuildB, Ben, OtherFilm, 1, CancellationToken.None);
    }

    /// <summary>Every row of a store, in an order that does not depend on the store.</summary>
    public static async Task<IReadOnlyList<string>> RowsAsync(IScoresTransfer store) =>
        [.. (await store.ReadAllAsync(CancellationToken.None)).Rows().Select(r => r.ToString())
            .Order(StringComparer.Ordinal)];

    /// <summary>What the bot would show: leaderboards, stats, the running game and the club settings.</summary>
    public static async Task<IReadOnlyList<string>> WhatMembersSeeAsync(ITriviaStore store, IClubStore club)
    {
        var seen = new List<string>();
        foreach (var guild in (Snowflake[])[GuildA, GuildB])
        {
            foreach (var period in (LeaderboardPeriod[])[LeaderboardPeriod.AllTime, LeaderboardPeriod.ThisMonth])
            {
                var board = await store.GetLeaderboardAsync(guild, period, Ann);
                seen.Add($"{guild} {period}: {string.Join(", ", board.Top)}; caller {board.Caller}");
            }
            foreach (var user in (Snowflake[])[Ann, Ben, Cat])
            {
                seen.Add($"{guild} {user}: {await store.GetStatsAsync(guild, user)}");
                var film = await club.GetMemberProgressAsync(guild, user, Film, CancellationToken.None);
                var other = await club.GetMemberProgressAsync(guild, user, OtherFilm, CancellationToken.None);
                seen.Add($"{guild} {user} progress: {film} {other}");
            }
            var settings = await club.GetClubAsync(guild, CancellationToken.None);
            seen.Add($"{guild} club: {settings.CurrentFilmId} "
                + string.Join(", ", settings.PartsWatchedByFilm.OrderBy(p => p.Key, StringComparer.Ordinal)));
        }
        var running = await store.FindRunningGameAsync(GuildA, new Snowflake(2));
        seen.Add($"running: {running}");
        var open = running is null ? null : await store.GetQuestionsLeftOpenAsync(GuildA, running.GameId);
        seen.Add($"left open: {open?.QuestionCount} {string.Join(", ", open?.Questions ?? [])}");
        return seen;
    }
}
