using System.Collections.Concurrent;
using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MiracleCell.Bot.Console;
using MiracleCell.Bot.Hosting;
using MiracleCell.Bot.Interactions;
using MiracleCell.Bot.Trivia;
using MiracleCell.Core.Films;
using MiracleCell.Core.Text;
using MiracleCell.Core.Trivia;
using MiracleCell.Discord.Models;

namespace MiracleCell.Benchmarks;

/// <summary>
/// Button clicks through the router while 100 nights run at once, each answer a durable LiteDB write. The clock
/// is frozen so questions stay open; messages go nowhere. Per-click latencies of the burst are printed as p50/p99
/// at the end, with the memory each running game holds.
/// </summary>
[MemoryDiagnoser]
public class TriviaBenchmarks
{
    public const int Games = 100;
    public const int BurstClicks = 1000;

    private readonly ConcurrentBag<double> _burstLatenciesMs = [];
    private string _folder = "";
    private ServiceProvider _services = null!;
    private InteractionRouter _router = null!;
    private long[] _gameIds = [];
    private long _nextUser = 1;
    private long _nextInteraction = 1_000_000;
    private long _bytesPerGame;

    [GlobalSetup]
    public void Setup()
    {
        _folder = Path.Combine(Path.GetTempPath(), "miraclecell-trivia-bench", Guid.NewGuid().ToString("N"));
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:DataFolder"] = _folder }).Build();
        var services = new ServiceCollection();
        services.AddMiracleCellBot(configuration, BenchmarkPack.Load() with { Trivia = Questions() },
            BotTransport.Console);
        services.AddSingleton<TimeProvider>(new FrozenTimeProvider());
        services.AddSingleton<ITriviaMessenger, NowhereMessenger>();
        _services = services.BuildServiceProvider();
        _router = _services.GetRequiredService<InteractionRouter>();
        var coordinator = _services.GetRequiredService<TriviaCoordinator>();
        coordinator.EnsureRecoveredAsync().GetAwaiter().GetResult();

        var before = GC.GetTotalMemory(forceFullCollection: true);
        _gameIds = new long[Games];
        for (var i = 0; i < Games; i++)
        {
            var start = new TriviaStartRequest(new Snowflake(1), new Snowflake((ulong)(i + 1)), new Snowflake(42),
                new TriviaSettings(30, 60), Locale.English);
            _gameIds[i] = coordinator.StartGameAsync(start, CancellationToken.None).GetAwaiter().GetResult().GameId;
        }
        coordinator.WhenIdleAsync().GetAwaiter().GetResult();
        _bytesPerGame = (GC.GetTotalMemory(forceFullCollection: true) - before) / Games;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        var sorted = _burstLatenciesMs.Order().ToArray();
        if (sorted.Length > 0)
        {
            Console.WriteLine($"// trivia click→ack during bursts with {Games} games: n={sorted.Length} "
                + $"p50={Percentile(sorted, 0.50):F2} ms p99={Percentile(sorted, 0.99):F2} ms");
        }
        Console.WriteLine($"// trivia memory per running game (30 questions, before answers): {_bytesPerGame} bytes");
        _services.GetRequiredService<TriviaCoordinator>().StopAsync(CancellationToken.None).GetAwaiter().GetResult();
        _services.DisposeAsync().AsTask().GetAwaiter().GetResult();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }

    /// <summary>One click, alone: the latency of one durable answer from interaction to acknowledgement body.</summary>
    [Benchmark]
    public async Task<InteractionResponse> OneClick() =>
        (await _router.HandleAsync(Click(Random.Shared.Next(Games)), CancellationToken.None)).Response;

    /// <summary>A burst of simultaneous clicks spread over every game: answers per second under group commit.</summary>
    [Benchmark(OperationsPerInvoke = BurstClicks)]
    public async Task BurstOfClicksAcrossGames()
    {
        var clicks = new Task[BurstClicks];
        for (var i = 0; i < BurstClicks; i++)
        {
            var interaction = Click(i % Games);
            clicks[i] = Task.Run(async () =>
            {
                var started = Stopwatch.GetTimestamp();
                var result = await _router.HandleAsync(interaction, CancellationToken.None);
                _burstLatenciesMs.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (result.Outcome != InteractionOutcome.Replied)
                    throw new InvalidOperationException(result.Response.Data?.Content);
            });
        }
        await Task.WhenAll(clicks);
    }

    private Interaction Click(int game)
    {
        var user = (ulong)Interlocked.Increment(ref _nextUser);
        return new Interaction
        {
            Id = new Snowflake((ulong)Interlocked.Increment(ref _nextInteraction)),
            ApplicationId = new Snowflake(1),
            Type = InteractionType.MessageComponent,
            Data = new InteractionData {
                CustomId = new AnswerButtonId(_gameIds[game], 0, (AnswerChoice)(user % 4)).ToString(),
                ComponentType = ComponentType.Button },
            GuildId = new Snowflake(1),
            ChannelId = new Snowflake((ulong)(game + 1)),
            Member = new GuildMember { User = new User { Id = new Snowflake(user), Username = "player" },
                Permissions = "0" },
            Token = "benchmark",
            Locale = "en-US",
        };
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    private static TriviaQuestion[] Questions() => [.. Enumerable.Range(0, 40).Select(i => new TriviaQuestion(
        $"q{i}", TriviaCategory.Plot, Difficulty.Easy, SpoilerLevel.None, LocalizedText.Same($"Question {i}?"),
        LocalizedText.Same("Right"),
        [LocalizedText.Same("Wrong 1"), LocalizedText.Same("Wrong 2"), LocalizedText.Same("Wrong 3")],
        LocalizedText.Same("Because."), ["film-site"]))];

    /// <summary>A clock that never moves and whose timers never fire: every question stays open.</summary>
    private sealed class FrozenTimeProvider : TimeProvider
    {
        private readonly DateTimeOffset _now = DateTimeOffset.UtcNow;

        public override DateTimeOffset GetUtcNow() => _now;

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
            new NeverTimer();

        private sealed class NeverTimer : ITimer
        {
            public bool Change(TimeSpan dueTime, TimeSpan period) => true;
            public void Dispose() { }
            public ValueTask DisposeAsync() => ValueTask.CompletedTask;
        }
    }

    private sealed class NowhereMessenger : ITriviaMessenger
    {
        private long _id;
        public Task<Snowflake> PostAsync(Snowflake channelId, MessagePayload message,
            CancellationToken cancellationToken) =>
            Task.FromResult(new Snowflake((ulong)Interlocked.Increment(ref _id)));
        public Task EditAsync(Snowflake channelId, Snowflake messageId, MessagePayload message,
            CancellationToken cancellationToken) =>
            Task.CompletedTask;
    }
}
