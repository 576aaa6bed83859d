using System.Net;
using System.Net.Sockets;
using MiracleCell.Storage.PostgreSql;
using MiracleCell.Testing;
using static MiracleCell.Storage.Tests.StoreTestKit;

namespace MiracleCell.Storage.Tests.PostgreSql;

public sealed class PostgreSqlFaultTests(PostgreSqlServer server) : PostgreSqlStoreTests(server)
{
    private static int ClosedLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port; // closed again when disposed: nothing listens there
    }

    [PostgreSqlFact]
    public async Task An_unreachable_server_at_start_is_retried_a_bounded_number_of_times_then_reported_in_one_line()
    {
        var port = ClosedLoopbackPort();
        await using var store = PostgreSqlTestKit.Open(
            $"Host=127.0.0.1;Port={port};Username=postgres;Database=x;Password=secret",
            TimeProvider.System, connectAttempts: 3);

        var error = await Assert.ThrowsAsync<StoreUnavailableException>(() => store.InitializeAsync());

        Assert.Contains($"127.0.0.1:{port}/x after 3 attempt(s)", error.Message);
        Assert.Contains("Storage:ConnectionString", error.Message);
        Assert.DoesNotContain('\n', error.Message);
        Assert.DoesNotContain("secret", error.Message);
    }

    [PostgreSqlFact]
    public async Task A_database_that_does_not_exist_is_reported_in_one_line_naming_it()
    {
        await using var store = PostgreSqlTestKit.Open(Server.ConnectionString("no_such_database"), TimeProvider.System,
            connectAttempts: 2);

        var error = await Assert.ThrowsAsync<StoreUnavailableException>(() => store.InitializeAsync());

        Assert.Contains("no_such_database", error.Message);
        Assert.Contains("3D000", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [PostgreSqlFact]
    public async Task While_the_server_is_down_an_answer_fails_clearly_and_the_click_after_its_restart_is_counted_once()
    {
        var game = await StartGameAsync(Store, questions: 3);
        Assert.Equal(AnswerWriteResult.Recorded,
            await Store.RecordAnswerAsync(Answer(game, 0, user: new(1), points: 150, interaction: new(11))));
        var lost = Answer(game, 0, user: new(2), points: 120, interaction: new(21));

        await Server.StopAsync();
        try
        {
            var refused = await Assert.ThrowsAsync<StoreUnavailableException>(() => Store.RecordAnswerAsync(lost));
            Assert.Contains("not saved", refused.Message);
            await Assert.ThrowsAsync<StoreUnavailableException>(() =>
                Store.GetLeaderboardAsync(GuildA, LeaderboardPeriod.AllTime, new Snowflake(1)));
        }
        finally
        {
            await Server.StartAsync();
        }

        // The player clicks again (a new interaction); the first click may also be redelivered.
        var clickedAgain = await Store.RecordAnswerAsync(lost with { InteractionId = new Snowflake(22) });
        var redelivered = await Store.RecordAnswerAsync(lost);
        var closure = (await Store.FinishGameAsync(GuildA, game, GameEndState.Finished, Start))!;

        Assert.Equal((AnswerWriteResult.Recorded, AnswerWriteResult.AlreadyAnswered), (clickedAgain, redelivered));
        Assert.Equal([(new Snowflake(1), 150), (new Snowflake(2), 120)], closure.Scores.Select(s => (s.UserId,
            s.Points)));
        Assert.Equal((120L, 1),
            ((await Store.GetStatsAsync(GuildA, new Snowflake(2)))!.Points, (await Store.GetStatsAsync(GuildA,
                new Snowflake(2)))!.Answers));
    }

    [PostgreSqlFact]
    public async Task The_readiness_check_fails_while_the_server_is_down_and_passes_again_after_its_restart()
    {
        var check = new PostgreSqlReadinessCheck(Store);
        var before = await check.IsReadyAsync(CancellationToken.None);

        await Server.StopAsync();
        bool whileDown;
        try
        {
            whileDown = await check.IsReadyAsync(CancellationToken.None);
        }
        finally
        {
            await Server.StartAsync();
        }
        var after = await check.IsReadyAsync(CancellationToken.None);

        Assert.Equal((true, false, true), (before, whileDown, after));
    }
}
