using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Options;
using MiracleCell.Core.Films;
using MiracleCell.Core.Text;
using MiracleCell.Core.Trivia;
using MiracleCell.Storage;
using MiracleCell.Storage.LiteDb;
using MiracleCell.Storage.PostgreSql;
using MiracleCell.Testing;

namespace MiracleCell.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project benchmarks/MiracleCell.Benchmarks -- store [answers] [rounds]</c>: durable
/// answers per second into each store, side by side in one run and one table: LiteDB (a fresh file in the temp folder
/// each round) and PostgreSQL (a fresh database each round on a private server started with initdb on loopback as the
/// tests do, fsync and synchronous_commit on; skipped with a line when PostgreSQL is not installed). Each round is a
/// burst of new answers from 64 concurrent writers over 20 running games (group commit batches whatever is waiting),
/// each acknowledged only after its commit is durable. The rounds alternate between the stores.
/// </summary>
internal static class StoreBenchmark
{
    private const int Writers = 64;
    private const int GamesRunning = 20;
    private const int QuestionsPerGame = 30;
    private static readonly Snowflake Guild = new(7_000_000_000_000_001);

    /// <summary>One store under test: opens a fresh, empty store and says how to remove what it made.</summary>
    private sealed record Backend(string Name, Func<Task<(ITriviaStore Store, Func<Task> CleanUp)>> OpenFresh);

    public static async Task<int> RunAsync(string[] args)
    {
        var answers = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 30_000;
        var rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3;
        Console.WriteLine($"Store: {Environment.ProcessorCount} cores, {answers} answers per round from "
            + $"{Writers} writers over "
            + $"{GamesRunning} games, {rounds} rounds per store, temp folder {Path.GetTempPath()}");
        var backends = new List<Backend> { LiteDb() };
        var skipped = new Dictionary<string, string>();
        PostgreSqlServer? server = null;
        if (PostgreSqlBinaries.MissingReason is { } missing)
        {
            skipped["PostgreSQL"] = missing;
            Console.WriteLine($"PostgreSQL skipped: {missing}");
        }
        else
        {
            server = new PostgreSqlServer();
            await server.InitializeAsync();
            backends.Add(PostgreSql(server));
        }
        try
        {
            var results = backends.ToDictionary(b => b.Name, _ => new List<double>());
            for (var round = 0; round < rounds; round++)
            {
                foreach (var backend in backends)
                {
                    var perSecond = await MeasureAsync(backend, answers);
                    results[backend.Name].Add(perSecond);
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"round {round + 1} {backend.Name,-10}: {perSecond:0} durable answers/s"));
                }
            }
            Console.WriteLine();
            Console.WriteLine("| store | durable answers/s (median) | range over the rounds |");
            Console.WriteLine("|---|---:|---:|");
            foreach (var (name, figures) in results)
            {
                var sorted = figures.Order().ToArray();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {name} | {sorted[sorted.Length / 2]:0} | {sorted[0]:0}–{sorted[^1]:0} |"));
            }
            foreach (var (name, reason) in skipped) Console.WriteLine($"| {name} | skipped | {reason} |");
        }
        finally
        {
            if (server is not null) await server.DisposeAsync();
        }
        return 0;
    }

    private static Backend LiteDb() => new("LiteDB", () =>
    {
        var folder = Path.Combine(Path.GetTempPath(), "miraclecell-store-benchmark", Guid.NewGuid().ToString("N"));
        ITriviaStore store = new LiteDbTriviaStore(new StorageOptions { DataFolder = folder }, TimeProvider.System);
        return Task.FromResult<(ITriviaStore, Func<Task>)>((store, () =>
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
            return Task.CompletedTask;
        }));
    });

    private static Backend PostgreSql(PostgreSqlServer server) => new("PostgreSQL", async () =>
    {
        var database = await server.CreateDatabaseAsync();
        var options = new StorageOptions { Provider = StorageProvider.PostgreSql, ConnectionString = database };
        ITriviaStore store = new PostgreSqlTriviaStore(Options.Create(options), TimeProvider.System);
        return (store, () => server.DropDatabaseAsync(database));
    });

    private static async Task<double> MeasureAsync(Backend backend, int answers)
    {
        var (store, cleanUp) = await backend.OpenFresh();
        try
        {
            await store.InitializeAsync();
            var questions = Enumerable.Range(0, QuestionsPerGame)
                .Select(i => new GameQuestion(i, Question(i), [0, 1, 2, 3])).ToArray();
            var games = new long[GamesRunning];
            for (var g = 0; g < GamesRunning; g++)
            {
                games[g] = (await store.CreateGameAsync(new NewGame(Guild, new Snowflake((ulong)(g + 1)),
                    new Snowflake(1), new TriviaSettings(QuestionsPerGame), DateTimeOffset.UtcNow, questions))).GameId;
            }
            long next = -1;
            var stopwatch = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, Writers).Select(_ => Task.Run(async () =>
            {
                long n;
                while ((n = Interlocked.Increment(ref next)) < answers)
                {
                    // Answer number n maps to a unique (game, question, user), so every answer is new.
                    var answer = new AnswerRecord(new Snowflake((ulong)(1_000_000 + n)), Guild,
                        games[n % GamesRunning], (int)(n / GamesRunning % QuestionsPerGame),
                        new Snowflake((ulong)(n / (GamesRunning * QuestionsPerGame) + 1)),
                        AnswerChoice.A, n % 3 != 0, n % 3 != 0 ? 120 : 0, DateTimeOffset.UtcNow);
                    if (await store.RecordAnswerAsync(answer) != AnswerWriteResult.Recorded)
                    {
                        throw new InvalidOperationException($"Answer {n} was not recorded.");
                    }
                }
            })));
            stopwatch.Stop();
            return answers / stopwatch.Elapsed.TotalSeconds;
        }
        finally
        {
            await store.DisposeAsync();
            await cleanUp();
        }
    }

    private static TriviaQuestion Question(int i) =>
        new($"q{i}", TriviaCategory.Plot, Difficulty.Easy, SpoilerLevel.None,
        LocalizedText.Same("?"), LocalizedText.Same("right"),
        [LocalizedText.Same("w1"), LocalizedText.Same("w2"), LocalizedText.Same("w3")], LocalizedText.Same("."), ["s"]);
}
