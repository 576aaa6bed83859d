using System.Diagnostics;
using System.Globalization;
using LiteDB;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MiracleCell.Bot.Trivia;

namespace MiracleCell.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project benchmarks/MiracleCell.Benchmarks -- trivia</c>: the real bot in this process
/// against a loopback fake Discord, 100 trivia nights running at once (one per channel, 60 s questions, so the first
/// question stays open for the whole run), and answer-button clicks sent at a steady open-loop rate, each from a new
/// player, spread over the games. Measures frame → callback latency and answers per second beside a bare echo client
/// (the floor) at the same rate, checks that every locked-in answer is in the database, and the memory per running
/// game. Loopback only; every loop is bounded in count and time.
/// </summary>
internal static class TriviaLoadBenchmark
{
    private const int Games = 100;
    private const int WarmupClicks = 2_000;
    private const int BurstClicks = 20_000;
    private const int BurstInFlight = 1_000;
    private static readonly int[] Rates = [1_000, 2_000];
    private static readonly TimeSpan PacedFor = TimeSpan.FromSeconds(8);
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan DelayGranularity = TimeSpan.FromMilliseconds(1);

    public static async Task<int> RunAsync(string[] args)
    {
        var rates = args.Length > 0 ? [.. args.Select(a => int.Parse(a, CultureInfo.InvariantCulture))] : Rates;
        Console.WriteLine($"Trivia load: {Environment.ProcessorCount} cores, {Games} games, {PacedFor.TotalSeconds:0} "
            + $"s of paced clicks per rate, then a burst of {BurstClicks} (≤{BurstInFlight} in flight)");
        // The JIT recompiles hot code (tiered compilation) during the first loaded run in a process, and that run's
        // p99 held the cost (8.6-25 ms against 4.5-5.2 for the same rate run next). Its figures are printed but kept
        // out of the table, which shows steady state; the deployment build is compiled ahead and has no such phase.
        Console.WriteLine($"Warm-up round at {rates[0]}/s, not in the table:");
        await MeasureAsync(rates[0], bot: false);
        var warmup = await MeasureAsync(rates[0], bot: true);
        var rows = new List<(int Rate, Figures Floor, Figures Bot)>();
        foreach (var rate in rates)
        {
            var floor = await MeasureAsync(rate, bot: false);
            var bot = await MeasureAsync(rate, bot: true);
            rows.Add((rate, floor, bot));
        }

        Console.WriteLine();
        Console.WriteLine("| rate (clicks/s) | figure | floor (echo client) | MiracleCell bot | bot − floor |");
        Console.WriteLine("|---:|---|---:|---:|---:|");
        foreach (var (rate, floor, bot) in rows)
        {
            Row(rate, "click → callback p50 (ms)", floor.P50, bot.P50);
            Row(rate, "click → callback p99 (ms)", floor.P99, bot.P99);
            Row(rate, "click → callback max (ms)", floor.Max, bot.Max);
            Row(rate, "p99 counted from each click's due time (ms)", floor.P99FromSchedule, bot.P99FromSchedule);
            Row(rate, "callbacks/s while paced", floor.PacedPerSecond, bot.PacedPerSecond);
            Row(rate, "sender behind schedule, max (ms)", floor.SenderLagMax, bot.SenderLagMax);
            Row(rate, "burst: callbacks/s (answers/s for the bot)", floor.BurstPerSecond, bot.BurstPerSecond);
            Row(rate, "burst: p99 (ms)", floor.BurstP99, bot.BurstP99);
        }
        var last = rows[^1].Bot;
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Managed memory per running game: {last.BytesPerGame / 1024.0:0.0} KiB after the first question is "
                + $"posted, {last.BytesPerGameWithPlayers / 1024.0:0.0} KiB with {last.PlayersPerGame} players each."));
        return warmup.Durable && rows.All(r => r.Bot.Durable) ? 0 : 1;
    }

    private sealed record Figures(
        double P50, double P99, double Max, double P99FromSchedule, double PacedPerSecond, double SenderLagMax,
        double BurstPerSecond, double BurstP99, double BytesPerGame = double.NaN,
        double BytesPerGameWithPlayers = double.NaN, int PlayersPerGame = 0, bool Durable = true);

    private static void Row(int rate, string name, double floor, double bot) =>
        FloorComparison.WriteRow(string.Create(CultureInfo.InvariantCulture, $"{rate} | {name}"), floor, bot,
            decimals: 2);

    private static async Task<Figures> MeasureAsync(int rate, bool bot)
    {
        var name = bot ? "bot" : "floor";
        var folder = Path.Combine(Path.GetTempPath(), "miraclecell-trivia-load-" + Guid.NewGuid().ToString("N"));
        await using var fake = await TriviaLoadFakeDiscord.StartAsync();
        IHost? host = null;
        TransportFloorClient? floor = null;
        var storeEvents = new StoreEventLog();
        using var storeListener = bot ? storeEvents.Listen() : null;
        try
        {
            double bytesPerGame = double.NaN;
            var before = 0L;
            if (bot)
            {
                host = InProcessBot.Build(fake.Discord, folder);
                await host.StartAsync();
                await fake.Discord.CommandsRegistered.WaitAsync(Timeout);
                await fake.Discord.Ready.WaitAsync(Timeout);
                before = GC.GetTotalMemory(forceFullCollection: true);
                await StartGamesAsync(fake, host);
                bytesPerGame = (double)(GC.GetTotalMemory(forceFullCollection: true) - before) / Games;
            }
            else
            {
                floor = await TransportFloorClient.ConnectAsync(fake.Discord.GatewayUrl, fake.Discord.ApiUrl,
                    LoopbackFakeDiscord.Token);
                await floor.Ready.WaitAsync(Timeout);
            }

            var clicks = new ClickSource(fake, bot);
            Console.Error.WriteLine($"{name} @ {rate}/s: warming up");
            await SendBurstAsync(clicks, WarmupClicks, inFlight: 50);
            Console.Error.WriteLine($"{name} @ {rate}/s: paced clicks");
            storeEvents.Clear();
            var paced = await SendPacedAsync(clicks, rate, (int)(rate * PacedFor.TotalSeconds));
            var pacedStore = storeEvents.TakeAll();
            var bytesWithPlayers = bot
                ? (double)(GC.GetTotalMemory(forceFullCollection: true) - before) / Games
                : double.NaN;
            var playersPerGame = clicks.PlayersPerGame;
            Console.Error.WriteLine($"{name} @ {rate}/s: burst");
            var burst = await SendBurstAsync(clicks, BurstClicks, BurstInFlight);
            if (bot)
            {
                StoreEventLog.Report($"store, paced {rate}/s", paced.Phase, pacedStore);
                StoreEventLog.Report($"store, burst after {rate}/s", burst.Phase, storeEvents.TakeAll());
            }

            var durable = true;
            if (bot)
            {
                var locked = paced.LockedIn + burst.LockedIn + clicks.WarmupLockedIn;
                // Stopped first, so the store has closed the file and the count reads every committed answer.
                await host!.StopAsync();
                host.Dispose();
                host = null;
                var stored = CountStoredAnswers(folder);
                durable = stored == locked && paced.LockedIn == paced.Sent && burst.LockedIn == burst.Sent;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"bot @ {rate}/s: {locked} answers locked in (paced {paced.LockedIn}/{paced.Sent}, burst "
                        + $"{burst.LockedIn}/{burst.Sent}), {stored} in the "
                        + $"database{(durable ? "" : "  <-- MISMATCH")}; messages posted {fake.MessagesPosted}, edited "
                        + $"{fake.MessagesEdited}"));
            }

            var figures = new Figures(
                paced.P50, paced.P99, paced.Max, paced.P99FromSchedule, paced.PerSecond, paced.SenderLagMaxMs,
                burst.PerSecond, burst.P99, bytesPerGame, bytesWithPlayers, playersPerGame, durable);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name,-5} @ {rate}/s: p50 {figures.P50:0.00} ms, p99 {figures.P99:0.00} ms, max {figures.Max:0.00} "
                    + $"ms, {figures.PacedPerSecond:0}/s paced, sender lag ≤ {figures.SenderLagMax:0.00} ms; burst "
                    + $"{figures.BurstPerSecond:0}/s, p99 {figures.BurstP99:0.00} ms"));
            return figures;
        }
        finally
        {
            if (floor is not null) await floor.DisposeAsync();
            if (host is not null)
            {
                await host.StopAsync();
                host.Dispose();
            }
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Starts one game per channel through <c>/trivia start</c> and waits until every first question is posted
    /// and open.</summary>
    private static async Task StartGamesAsync(TriviaLoadFakeDiscord fake, IHost host)
    {
        var callbacks = new List<Task<CallbackArrival>>(Games);
        for (var game = 0; game < Games; game++)
        {
            callbacks.Add(
                (await fake.SendTriviaStartAsync(TriviaLoadFakeDiscord.ChannelOf(game),
                    userId: new Snowflake(42))).Callback);
        }
        await Task.WhenAll(callbacks).WaitAsync(Timeout);
        // Posts are limited to Discord's 50 requests/s, so 100 start notices and 100 questions take about four seconds.
        await fake.WhenQuestionsPostedAsync(Games).WaitAsync(Timeout);
        var coordinator = host.Services.GetRequiredService<TriviaCoordinator>();
        for (var game = 0; game < Games; game++)
        {
            var question = fake.Questions[TriviaLoadFakeDiscord.ChannelOf(game)];
            // The question opens once its post has returned; wait for that, bounded.
            var deadline = Stopwatch.GetTimestamp() + (long)(Timeout.TotalSeconds * Stopwatch.Frequency);
            while (coordinator.OpenQuestion(question.GameId) is null)
            {
                if (Stopwatch.GetTimestamp() > deadline)
                    throw new TimeoutException($"Question 1 of game {question.GameId} never opened.");
                await Task.Delay(DelayGranularity);
            }
        }
        if (coordinator.RunningGames != Games)
            throw new InvalidOperationException($"{coordinator.RunningGames} games are running, expected {Games}.");
    }

    private sealed record Run(int Sent, int LockedIn, double P50, double P99, double Max, double P99FromSchedule,
        double PerSecond, double SenderLagMaxMs, Phase Phase);

    /// <summary>Open loop: click i is due at start + i/rate whatever the bot is doing; each latency runs from the
    /// frame's write to its callback.</summary>
    private static async Task<Run> SendPacedAsync(ClickSource clicks, int rate, int count)
    {
        var pending = new Task<(long Sent, CallbackArrival Arrival)>[count];
        var dueTimes = new long[count];
        var interval = Stopwatch.Frequency / (double)rate;
        var start = Stopwatch.GetTimestamp();
        var lagMax = 0L;
        for (var i = 0; i < count; i++)
        {
            var due = dueTimes[i] = start + (long)(i * interval);
            var early = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
            if (early >= DelayGranularity) await Task.Delay(early);
            pending[i] = await clicks.SendAsync();
            lagMax = Math.Max(lagMax, Stopwatch.GetTimestamp() - due);
        }
        return await CollectAsync(pending, start, count, Stopwatch.GetElapsedTime(0, lagMax).TotalMilliseconds,
            dueTimes);
    }

    /// <summary>Closed loop: as fast as the client takes them, at most <paramref name="inFlight"/>
    /// unanswered.</summary>
    private static async Task<Run> SendBurstAsync(ClickSource clicks, int count, int inFlight)
    {
        using var slots = new SemaphoreSlim(inFlight);
        var pending = new Task<(long Sent, CallbackArrival Arrival)>[count];
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < count; i++)
        {
            if (!await slots.WaitAsync(Timeout)) throw new TimeoutException("No callback for 30 s during the burst.");
            pending[i] = await clicks.SendAsync();
            _ = pending[i].ContinueWith(_ => slots.Release(), TaskScheduler.Default);
        }
        return await CollectAsync(pending, start, count, double.NaN, dueTimes: null);
    }

    /// <param name="dueTimes">When each click was due (paced runs): latencies counted from there include any time the
    /// sender fell behind.</param>
    private static async Task<Run> CollectAsync(Task<(long Sent, CallbackArrival Arrival)>[] pending, long start,
        int count, double lagMs, long[]? dueTimes)
    {
        var results = await Task.WhenAll(pending).WaitAsync(Timeout);
        var last = results.Max(r => r.Arrival.At);
        var latencies = results.Select(r => Stopwatch.GetElapsedTime(r.Sent, r.Arrival.At).TotalMilliseconds).Order()
            .ToArray();
        var fromSchedule = dueTimes is null
            ? double.NaN
            : FloorComparison.Percentile(
                [.. results.Select((r, i) => Stopwatch.GetElapsedTime(dueTimes[i], r.Arrival.At).TotalMilliseconds)
                    .Order()],
                0.99);
        return new Run(count, results.Count(r => r.Arrival.HasMarker), FloorComparison.Percentile(latencies, 0.50),
            FloorComparison.Percentile(latencies, 0.99), latencies[^1],
            fromSchedule, count / Stopwatch.GetElapsedTime(start, last).TotalSeconds, lagMs,
            new Phase([.. results.Select(r => new Wait(r.Sent, r.Arrival.At))], start, last));
    }

    /// <summary>Clicks spread round-robin over the games, each from a player who has not answered yet; the letter
    /// cycles A–D.</summary>
    private sealed class ClickSource(TriviaLoadFakeDiscord fake, bool realGames)
    {
        private const ulong FirstPlayer = 10_000_000;
        private int _next;
        private int _warmupLockedIn;

        public int PlayersPerGame => (_next + Games - 1) / Games;

        public int WarmupLockedIn => _warmupLockedIn;

        public async Task<Task<(long Sent, CallbackArrival Arrival)>> SendAsync()
        {
            var n = _next++;
            var game = n % Games;
            var channel = TriviaLoadFakeDiscord.ChannelOf(game);
            // The floor answers anything; give it the same shape of click with a made-up game.
            var gameId = realGames ? fake.Questions[channel].GameId : game + 1;
            var customId = new AnswerButtonId(gameId, 0, (Core.Trivia.AnswerChoice)(n % 4)).ToString();
            var (sent, callback) = await fake.SendClickAsync(fake.Discord.NextInteractionId(), channel,
                new Snowflake(FirstPlayer + (ulong)n), customId);
            var warmup = n < WarmupClicks;
            return callback.ContinueWith(arrived =>
            {
                if (warmup && arrived.Result.HasMarker) Interlocked.Increment(ref _warmupLockedIn);
                return (sent, arrived.Result);
            }, TaskScheduler.Default);
        }
    }

    private static long CountStoredAnswers(string folder)
    {
        using var database = new LiteDatabase(new ConnectionString
        {
            Filename = Path.Combine(folder, "miraclecell.litedb"),
            Connection = ConnectionType.Direct,
            ReadOnly = true,
        });
        return database.GetCollection("answers").LongCount();
    }
}
