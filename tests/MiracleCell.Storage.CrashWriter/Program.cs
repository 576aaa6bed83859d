using System.Diagnostics;
using System.Globalization;
using MiracleCell.Core.Films;
using MiracleCell.Core.Text;
using MiracleCell.Core.Trivia;
using Microsoft.Extensions.Options;
using MiracleCell;
using MiracleCell.Storage;
using MiracleCell.Storage.LiteDb;
using MiracleCell.Storage.PostgreSql;

// Usage:
//   crash --provider <P> <target> [--games 6] [--writers 48] [--answers N]
//       records exactly N distinct answers (every tenth delivered twice); prints "GAME <id>" per game, then
//       "ACK <interaction> <result> <game> <user> <points> END" per acknowledged answer, then "DONE", and waits
//       to be killed
//   bench --provider <P> <target> [--answers 50000] [--writers 64]
//       records answers as fast as possible and prints the rate
// <P> is a StorageProvider; <target> is --location <file> for LiteDb and --connection-string <cs> for PostgreSql.
// An answer is acknowledged (printed) only once RecordAnswerAsync has returned, that is after its commit.
var options = ParseOptions(args);
if (options is null)
{
    await Console.Error.WriteLineAsync("Usage: crash|bench --provider LiteDb --location <file> | --provider PostgreSql "
        + "--connection-string <cs> [--games N] [--writers N] [--answers N]");
    return 2;
}
var (mode, provider, target, settings) = options.Value;
var crash = mode == "crash";
var count = settings.GetValueOrDefault("answers", crash ? 100_000 : 50_000);
var writers = settings.GetValueOrDefault("writers", crash ? 48 : 64);
var guild = new Snowflake(7_000_000_000_000_001);
const int QuestionsPerGame = 30;

await using var store = OpenStore(provider, target);
await store.InitializeAsync();

var gameCount = crash ? settings.GetValueOrDefault("games", 6) : Math.Max(1, count / (QuestionsPerGame * 100));
var games = new long[gameCount];
var questions = Enumerable.Range(0, QuestionsPerGame).Select(i => new GameQuestion(i, Question(i), [0, 1, 2, 3]))
    .ToArray();
for (var g = 0; g < gameCount; g++)
{
    var created = await store.CreateGameAsync(
        new NewGame(guild, new Snowflake((ulong)(g + 1)), new Snowflake(1), new TriviaSettings(QuestionsPerGame),
            TimeProvider.System.GetUtcNow(), questions));
    games[g] = created.GameId;
    if (crash) Console.WriteLine($"GAME {created.GameId}");
}

// Answer number n maps to a unique (game, question, user), so every answer is new unless deliberately redelivered.
AnswerRecord Answer(long n) => new(
    InteractionId: new Snowflake((ulong)(1_000_000 + n)),
    GuildId: guild,
    GameId: games[n % gameCount],
    QuestionIndex: (int)(n / gameCount % QuestionsPerGame),
    UserId: new Snowflake((ulong)(n / (gameCount * QuestionsPerGame) + 1)),
    Choice: AnswerChoice.A,
    IsCorrect: n % 3 != 0,
    Points: n % 3 != 0 ? 100 + (int)(n % 51) : 0,
    AnsweredAt: TimeProvider.System.GetUtcNow());

long next = -1;
var stopwatch = Stopwatch.StartNew();
await Task.WhenAll(Enumerable.Range(0, writers).Select(_ => Task.Run(async () =>
{
    long n;
    while ((n = Interlocked.Increment(ref next)) < count)
    {
        var answer = Answer(n);
        var result = await store.RecordAnswerAsync(answer);
        if (!crash) continue;
        Console.WriteLine($"ACK {answer.InteractionId} {result} {answer.GameId} {answer.UserId} {answer.Points} END");
        // Every tenth answer is delivered again, as Discord may do: it must not count twice.
        if (n % 10 == 0)
        {
            var again = await store.RecordAnswerAsync(answer);
            Console.WriteLine(
                $"ACK {answer.InteractionId} {again} {answer.GameId} {answer.UserId} {answer.Points} END");
        }
    }
})));
stopwatch.Stop();
if (crash)
{
    Console.WriteLine("DONE");
    await Task.Delay(Timeout.Infinite);
}
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"{count} durable answers from {writers} concurrent writers in {stopwatch.Elapsed.TotalSeconds:F2} s: "
        + $"{count / stopwatch.Elapsed.TotalSeconds:F0} answers/s"));
return 0;

static ITriviaStore OpenStore(StorageProvider provider, string target) => provider switch
{
    StorageProvider.LiteDb => new LiteDbTriviaStore(new StorageOptions
    {
        DataFolder = Path.GetDirectoryName(Path.GetFullPath(target))!,
        DatabaseFileName = Path.GetFileName(target),
    }, TimeProvider.System),
    StorageProvider.PostgreSql => new PostgreSqlTriviaStore(Options.Create(new StorageOptions
    {
        Provider = StorageProvider.PostgreSql,
        ConnectionString = target,
    }), TimeProvider.System),
    _ => throw new ArgumentOutOfRangeException(nameof(provider), provider,
        "No store for this provider in the crash writer."),
};

static (string Mode, StorageProvider Provider, string Target, Dictionary<string, int> Settings)? ParseOptions(
    string[] args)
{
    if (args.Length < 1 || args[0] is not ("crash" or "bench")) return null;
    StorageProvider? provider = null;
    string? target = null;
    var settings = new Dictionary<string, int>();
    for (var i = 1; i + 1 < args.Length; i += 2)
    {
        switch (args[i])
        {
            case "--provider" when Enum.TryParse<StorageProvider>(args[i + 1], ignoreCase: true, out var p):
                provider = p;
                break;
            case "--location" or "--connection-string":
                target = args[i + 1];
                break;
            case "--games" or "--writers" or "--answers":
                settings[args[i][2..]] = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
                break;
            default:
                return null;
        }
    }
    return provider is { } known && target is not null ? (args[0], known, target, settings) : null;
}

static TriviaQuestion Question(int i) => new($"q{i}", TriviaCategory.Plot, Difficulty.Easy, SpoilerLevel.None,
    LocalizedText.Same("?"), LocalizedText.Same("right"),
    [LocalizedText.Same("w1"), LocalizedText.Same("w2"), LocalizedText.Same("w3")], LocalizedText.Same("."), ["s"]);
