using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Options;
using MiracleCell.Core.Films;
using MiracleCell.Core.Text;
using MiracleCell.Core.Trivia;
using MiracleCell.Storage;
using MiracleCell.Storage.PostgreSql;
using MiracleCell.Testing;

namespace MiracleCell.Benchmarks;

/// <summary>
/// Durable answers per second on the PostgreSQL store: a private server (initdb on loopback, fsync and
/// synchronous_commit on, as installed), answers from many concurrent writers, each acknowledged only after its
/// group commit. Prints one line per writer count, in the same words as the embedded store's benchmark.
/// </summary>
public static class PostgreSqlStoreBenchmark
{
    private const ulong Guild = 7_000_000_000_000_001;
    private const int QuestionsPerGame = 30;

    public static async Task<int> RunAsync(string[] args)
    {
        var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 20_000;
        int[] writerCounts = args.Length > 1 ? [.. args[1..].Select(a => int.Parse(a, CultureInfo.InvariantCulture))] : [1, 64];
        if (PostgreSqlBinaries.MissingReason is { } missing)
        {
            await Console.Error.WriteLineAsync(missing);
            return 1;
        }
        var server = new PostgreSqlServer();
        await server.InitializeAsync();
        try
        {
            foreach (var writers in writerCounts)
            {
                var answers = writers == 1 ? Math.Min(count, 2_000) : count;
                var rate = await MeasureAsync(await server.CreateDatabaseAsync(), answers, writers);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"PostgreSQL: {answers} durable answers from {writers} concurrent writers in {rate.Elapsed.TotalSeconds:F2} s: {answers / rate.Elapsed.TotalSeconds:F0} answers/s"));
            }
        }
        finally
        {
            await server.DisposeAsync();
        }
        return 0;
    }

    private static async Task<Stopwatch> MeasureAsync(string connectionString, int count, int writers)
    {
        var options = new StorageOptions { Provider = StorageProvider.PostgreSql, ConnectionString = connectionString };
        await using var store = new PostgreSqlTriviaStore(Options.Create(options), TimeProvider.System);
        await store.InitializeAsync();
        var questions = Enumerable.Range(0, QuestionsPerGame).Select(i => new GameQuestion(i, Question(i), [0, 1, 2, 3])).ToArray();
        var games = new long[Math.Max(1, count / (QuestionsPerGame * 100))];
        for (var g = 0; g < games.Length; g++)
        {
            games[g] = (await store.CreateGameAsync(new NewGame(Guild, (ulong)(g + 1), 1, new TriviaSettings(QuestionsPerGame),
                TimeProvider.System.GetUtcNow(), questions))).GameId;
        }

        // Answer number n maps to a unique (game, question, user), so every answer is new.
        AnswerRecord Answer(long n) => new((ulong)(1_000_000 + n), Guild, games[n % games.Length],
            (int)(n / games.Length % QuestionsPerGame), (ulong)(n / (games.Length * QuestionsPerGame) + 1),
            AnswerChoice.A, n % 3 != 0, n % 3 != 0 ? 100 + (int)(n % 51) : 0, TimeProvider.System.GetUtcNow());

        long next = -1;
        var stopwatch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, writers).Select(_ => Task.Run(async () =>
        {
            long n;
            while ((n = Interlocked.Increment(ref next)) < count)
            {
                if (await store.RecordAnswerAsync(Answer(n)) != AnswerWriteResult.Recorded) throw new InvalidOperationException($"Answer {n} was not recorded.");
            }
        })));
        stopwatch.Stop();
        return stopwatch;
    }

    private static TriviaQuestion Question(int i) => new($"q{i}", TriviaCategory.Plot, Difficulty.Easy, SpoilerLevel.None,
        LocalizedText.Same("?"), LocalizedText.Same("right"),
        [LocalizedText.Same("w1"), LocalizedText.Same("w2"), LocalizedText.Same("w3")], LocalizedText.Same("."), ["s"]);
}
