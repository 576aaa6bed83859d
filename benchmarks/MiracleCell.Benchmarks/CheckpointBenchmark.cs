using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using MiracleCell.Core.Films;
using MiracleCell.Core.Text;
using MiracleCell.Core.Trivia;
using MiracleCell.Storage;
using MiracleCell.Storage.LiteDb;

namespace MiracleCell.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project benchmarks/MiracleCell.Benchmarks -- checkpoint [rate ...]</c>: the LiteDB
/// store alone, opened as the bot opens it, under the trivia benchmark's load shape (100 running games, each answer
/// from a new player to the open question, interaction ids rising): paced answers at each rate for 8 s, then a burst
/// of 20,000 with at most 1,000 in flight. From the store's own metrics it reports, per phase, commits per second,
/// answers per commit, log pages per commit and per answer, the log fsync, and every checkpoint's duration against
/// the pages it copied (with a least-squares fixed + per-page cost), and which answers' waits overlapped a checkpoint.
/// Without the Discord path and the bot around it, what is left is the store's share of the click → ack latency.
/// </summary>
internal static class CheckpointBenchmark
{
    private const int Games = 100;
    private const int QuestionsPerGame = 10;
    private const int WarmupAnswers = 2_000;
    private const int BurstAnswers = 20_000;
    private const int BurstInFlight = 1_000;
    private static readonly Snowflake Guild = new(7_000_000_000_000_002);
    private static readonly int[] Rates = [1_000, 2_000];
    private static readonly TimeSpan PacedFor = TimeSpan.FromSeconds(8);
    private static readonly TimeSpan DelayGranularity = TimeSpan.FromMilliseconds(1);

    public static async Task<int> RunAsync(string[] args)
    {
        var rates = args.Length > 0 ? [.. args.Select(a => int.Parse(a, CultureInfo.InvariantCulture))] : Rates;
        Console.WriteLine($"Checkpoint: {Environment.ProcessorCount} cores, {Games} games, {PacedFor.TotalSeconds:0} s "
            + $"paced per rate, then a burst of {BurstAnswers} (≤{BurstInFlight} in flight); temp folder "
            + $"{Path.GetTempPath()}");
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var events = new StoreEventLog();
        using var listener = events.Listen();
        foreach (var rate in rates)
        {
            var folder = Path.Combine(Path.GetTempPath(), "miraclecell-checkpoint-" + Guid.NewGuid().ToString("N"));
            try
            {
                await using var store = new LiteDbTriviaStore(new StorageOptions { DataFolder = folder },
                    TimeProvider.System, meterFactory: services.GetRequiredService<IMeterFactory>());
                await store.InitializeAsync();
                var answers = new AnswerSource(await StartGamesAsync(store));
                await SendBurstAsync(store, answers, WarmupAnswers, inFlight: 50);
                events.Clear();
                var paced = await SendPacedAsync(store, answers, rate, (int)(rate * PacedFor.TotalSeconds));
                StoreEventLog.Report($"paced {rate}/s", paced, events.TakeAll());
                var burst = await SendBurstAsync(store, answers, BurstAnswers, BurstInFlight);
                StoreEventLog.Report($"burst after {rate}/s", burst, events.TakeAll());
            }
            finally
            {
                if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
            }
        }
        return 0;
    }

    private static async Task<long[]> StartGamesAsync(LiteDbTriviaStore store)
    {
        var questions = Enumerable.Range(0, QuestionsPerGame)
            .Select(i => new GameQuestion(i, BenchmarkQuestion(i), [0, 1, 2, 3])).ToArray();
        var games = new long[Games];
        for (var g = 0; g < Games; g++)
        {
            games[g] = (await store.CreateGameAsync(new NewGame(Guild, new Snowflake((ulong)(g + 1)), new Snowflake(1),
                new TriviaSettings(QuestionsPerGame), DateTimeOffset.UtcNow, questions))).GameId;
        }
        return games;
    }

    private static async Task<Phase> SendPacedAsync(
        LiteDbTriviaStore store, AnswerSource answers, int rate, int count)
    {
        var pending = new Task<Wait>[count];
        var interval = Stopwatch.Frequency / (double)rate;
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < count; i++)
        {
            var due = start + (long)(i * interval);
            var early = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
            if (early >= DelayGranularity) await Task.Delay(early);
            pending[i] = RecordAsync(store, answers.Next(), due);
        }
        var waits = await Task.WhenAll(pending);
        return new Phase(waits, start, waits.Max(w => w.Acked));
    }

    private static async Task<Phase> SendBurstAsync(
        LiteDbTriviaStore store, AnswerSource answers, int count, int inFlight)
    {
        using var slots = new SemaphoreSlim(inFlight);
        var pending = new Task<Wait>[count];
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < count; i++)
        {
            await slots.WaitAsync();
            pending[i] = RecordAsync(store, answers.Next(), Stopwatch.GetTimestamp());
            _ = pending[i].ContinueWith(_ => slots.Release(), TaskScheduler.Default);
        }
        var waits = await Task.WhenAll(pending);
        return new Phase(waits, start, waits.Max(w => w.Acked));
    }

    private static async Task<Wait> RecordAsync(LiteDbTriviaStore store, AnswerRecord answer, long from)
    {
        var result = await store.RecordAnswerAsync(answer);
        var acked = Stopwatch.GetTimestamp();
        if (result != AnswerWriteResult.Recorded)
            throw new InvalidOperationException($"Answer {answer.InteractionId} was {result}, not recorded.");
        return new Wait(from, acked);
    }

    /// <summary>Each answer from a new player to question 0, round-robin over the games, interaction ids
    /// rising like Discord's snowflakes.</summary>
    private sealed class AnswerSource(long[] games)
    {
        private const ulong FirstInteraction = 1_300_000_000_000_000_000;
        private const ulong FirstPlayer = 10_000_000;
        private long _next;

        public AnswerRecord Next()
        {
            var n = _next++;
            var correct = n % 4 == 0;
            return new AnswerRecord(new Snowflake(FirstInteraction + (ulong)n * 4_194_304), Guild, games[n % Games],
                0, new Snowflake(FirstPlayer + (ulong)n), (AnswerChoice)(n % 4), correct, correct ? 100 : 0,
                DateTimeOffset.UtcNow);
        }
    }

    private static TriviaQuestion BenchmarkQuestion(int i) =>
        new($"q{i}", TriviaCategory.Plot, Difficulty.Easy, SpoilerLevel.None,
            LocalizedText.Same("?"), LocalizedText.Same("right"),
            [LocalizedText.Same("w1"), LocalizedText.Same("w2"),
                LocalizedText.Same("w3")], LocalizedText.Same("."), ["s"]);
}
