using System.Diagnostics;
using System.Globalization;
using MiracleCell.Core.Films;
using MiracleCell.Core.Text;
using MiracleCell.Core.Trivia;
using MiracleCell.Storage;
using MiracleCell.Storage.LiteDb;

namespace MiracleCell.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project benchmarks/MiracleCell.Benchmarks -- store [answers] [rounds]</c>: durable
/// answers per second into each store in this build, side by side in one run (the SQLite store it was compared
/// with is gone; its figures from the last run that had both are in the README): a burst of new answers from 64 concurrent writers
/// over 20 running games (group commit batches whatever is waiting), each acknowledged only after its commit reached
/// the disk. Every round uses a fresh file in the temp folder; the run prints each round and the range.
/// </summary>
internal static class StoreBenchmark
{
    private const int Writers = 64;
    private const int GamesRunning = 20;
    private const int QuestionsPerGame = 30;
    private const ulong Guild = 7_000_000_000_000_001;

    public static async Task<int> RunAsync(string[] args)
    {
        var answers = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 30_000;
        var rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3;
        Console.WriteLine($"Store: {Environment.ProcessorCount} cores, {answers} answers per round from {Writers} writers over {GamesRunning} games, {rounds} rounds per store, temp folder {Path.GetTempPath()}");
        var stores = new (string Name, Func<string, ITriviaStore> Open)[]
        {
            ("LiteDB", folder => new LiteDbTriviaStore(new StorageOptions { DataFolder = folder }, TimeProvider.System)),
        };
        var results = stores.ToDictionary(s => s.Name, _ => new List<double>());
        for (var round = 0; round < rounds; round++)
        {
            foreach (var (name, open) in stores)
            {
                var perSecond = await MeasureAsync(open, answers);
                results[name].Add(perSecond);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"round {round + 1} {name,-6}: {perSecond:0} durable answers/s"));
            }
        }
        Console.WriteLine();
        Console.WriteLine("| store | durable answers/s (median) | range over the rounds |");
        Console.WriteLine("|---|---:|---:|");
        foreach (var (name, figures) in results)
        {
            var sorted = figures.Order().ToArray();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {sorted[sorted.Length / 2]:0} | {sorted[0]:0}–{sorted[^1]:0} |"));
        }
        return 0;
    }

    private static async Task<double> MeasureAsync(Func<string, ITriviaStore> open, int answers)
    {
        var folder = Path.Combine(Path.GetTempPath(), "miraclecell-store-benchmark", Guid.NewGuid().ToString("N"));
        try
        {
            await using var store = open(folder);
            await store.InitializeAsync();
            var questions = Enumerable.Range(0, QuestionsPerGame).Select(i => new GameQuestion(i, Question(i), [0, 1, 2, 3])).ToArray();
            var games = new long[GamesRunning];
            for (var g = 0; g < GamesRunning; g++)
            {
                games[g] = (await store.CreateGameAsync(new NewGame(Guild, (ulong)(g + 1), 1, new TriviaSettings(QuestionsPerGame), DateTimeOffset.UtcNow, questions))).GameId;
            }
            long next = -1;
            var stopwatch = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, Writers).Select(_ => Task.Run(async () =>
            {
                long n;
                while ((n = Interlocked.Increment(ref next)) < answers)
                {
                    var answer = new AnswerRecord((ulong)(1_000_000 + n), Guild, games[n % GamesRunning], (int)(n / GamesRunning % QuestionsPerGame),
                        (ulong)(n / (GamesRunning * QuestionsPerGame) + 1), AnswerChoice.A, n % 3 != 0, n % 3 != 0 ? 120 : 0, DateTimeOffset.UtcNow);
                    if (await store.RecordAnswerAsync(answer) != AnswerWriteResult.Recorded) throw new InvalidOperationException($"Answer {n} was not recorded.");
                }
            })));
            stopwatch.Stop();
            return answers / stopwatch.Elapsed.TotalSeconds;
        }
        finally
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }

    private static TriviaQuestion Question(int i) => new($"q{i}", TriviaCategory.Plot, Difficulty.Easy, SpoilerLevel.None,
        LocalizedText.Same("?"), LocalizedText.Same("right"),
        [LocalizedText.Same("w1"), LocalizedText.Same("w2"), LocalizedText.Same("w3")], LocalizedText.Same("."), ["s"]);
}
