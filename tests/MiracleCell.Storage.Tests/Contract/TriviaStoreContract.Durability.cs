using System.Diagnostics;
using System.Reflection;
using System.Text;
using MiracleCell.Testing;

namespace MiracleCell.Storage.Tests.Contract;

public abstract partial class TriviaStoreContract
{
    private const int AcknowledgementsBeforeKill = 3_000;
    private const int CrashWriterGames = 6;

    private static string CrashWriterPath()
    {
        var path = typeof(TriviaStoreContract).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "CrashWriterPath").Value!;
        Assert.True(File.Exists(path), $"The crash writer is not built at {path}: build "
            + "tests/MiracleCell.Storage.CrashWriter.");
        return path;
    }

    /// <summary>
    /// Runs the CrashWriter as a child process on this store's data, lets it record exactly K answers, kills it with
    /// SIGKILL the moment the K-th is acknowledged, and checks that the reopened store holds exactly those K answers,
    /// each once, with the acknowledged points, and that recovery adds them to the totals once.
    /// </summary>
    [SuiteFact]
    public async Task Every_acknowledged_answer_survives_a_kill_and_recovery_counts_each_once()
    {
        await Store.DisposeAsync(); // the writer process must be the only one with the data open
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true,
            UseShellExecute = false };
        start.ArgumentList.Add(CrashWriterPath());
        start.ArgumentList.Add("crash");
        foreach (var arg in CrashWriterTarget) start.ArgumentList.Add(arg);
        foreach (var arg in new[] { "--games", $"{CrashWriterGames}", "--writers", "48", "--answers",
            $"{AcknowledgementsBeforeKill}" })
            start.ArgumentList.Add(arg);
        using var writer = Process.Start(start)!;
        var errors = new StringBuilder();
        writer.ErrorDataReceived += (_, e) => { lock (errors) errors.AppendLine(e.Data); };
        writer.BeginErrorReadLine();

        var acknowledged = new Dictionary<Snowflake, (long Game, Snowflake User, int Points)>();
        var redelivered = 0;
        string? line;
        while (acknowledged.Count < AcknowledgementsBeforeKill
            && (line = await ReadLineAsync(writer, errors, timeout.Token)) is not null)
        {
            if (line.Split(' ') is not ["ACK", var id, var result, var game, var user, var points, "END"]) continue;
            var interaction = Snowflake.Parse(id);
            if (acknowledged.ContainsKey(interaction))
            {
                Assert.Equal("Redelivered", result);
                redelivered++;
                continue;
            }
            Assert.Equal("Recorded", result);
            acknowledged[interaction] = (long.Parse(game), Snowflake.Parse(user), int.Parse(points));
        }
        writer.Kill(entireProcessTree: true); // SIGKILL, right after the K-th acknowledgement
        await writer.WaitForExitAsync(timeout.Token);
        Assert.True(acknowledged.Count == AcknowledgementsBeforeKill, "The crash writer stopped after "
            + $"{acknowledged.Count} answers: {errors}");

        var reopened = await ReopenStoreAsync(Clock);
        await using (reopened.ConfigureAwait(false))
        {
            var recovered = await reopened.RecoverInterruptedGamesAsync();
            Assert.Empty(await reopened.RecoverInterruptedGamesAsync());

            Assert.Equal(CrashWriterGames, recovered.Count);
            Assert.True(redelivered > 0);
            var expected = acknowledged.Values.GroupBy(a => (a.Game, a.User))
                .ToDictionary(g => g.Key, g => (Points: g.Sum(a => a.Points), Answers: g.Count()));
            var stored = recovered.SelectMany(c =>
                c.Scores.Select(s => (Key: (c.GameId, s.UserId), s.Points, s.Answers)))
                .ToDictionary(s => s.Key, s => (s.Points, s.Answers));
            Assert.Equal(AcknowledgementsBeforeKill, stored.Values.Sum(s => s.Answers));
            Assert.Equal(expected.OrderBy(e => e.Key), stored.OrderBy(s => s.Key));
            var guild = recovered[0].GuildId;
            var totals = 0L;
            foreach (var user in expected.Keys.Select(k => k.User).Distinct())
                totals += (await reopened.GetStatsAsync(guild, user))!.Points;
            Assert.Equal(expected.Values.Sum(e => (long)e.Points), totals);
        }
        Store = await ReopenStoreAsync(Clock); // for DisposeAsync
    }

    private static async Task<string?> ReadLineAsync(Process writer, StringBuilder errors,
        CancellationToken cancellationToken)
    {
        try
        {
            return await writer.StandardOutput.ReadLineAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            writer.Kill(entireProcessTree: true);
            lock (errors) Assert.Fail($"The crash writer printed nothing in time. Its errors: {errors}");
            throw;
        }
    }
}
