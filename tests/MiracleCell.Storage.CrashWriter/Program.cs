using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Options;
using MiracleCell.Core.Films;
using MiracleCell.Core.Text;
using MiracleCell.Core.Trivia;
using MiracleCell.Storage;
using MiracleCell.Storage.Sqlite;

// Usage:
//   crash <data-folder> [games] [writers]     record answers until killed; prints "GAME <id>" per game, then
//                                              "ACK <interaction> <result> <game> <user> <points> END" per acknowledged answer
//   bench <data-folder> [answers] [writers]   record answers as fast as possible and print the rate
if (args.Length < 2 || args[0] is not ("crash" or "bench"))
{
    await Console.Error.WriteLineAsync("Usage: crash|bench <data-folder> [count] [writers]");
    return 2;
}

var mode = args[0];
var folder = args[1];
var count = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : (mode == "crash" ? 20 : 50_000);
var writers = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 64;
const ulong Guild = 7_000_000_000_000_001;
const int QuestionsPerGame = 30;

await using var store = new SqliteTriviaStore(Options.Create(new StorageOptions { DataFolder = folder }), TimeProvider.System);
await store.InitializeAsync();

var gameCount = mode == "crash" ? count : Math.Max(1, count / (QuestionsPerGame * 100));
var games = new long[gameCount];
var questions = Enumerable.Range(0, QuestionsPerGame).Select(i => new GameQuestion(i, Question(i), [0, 1, 2, 3])).ToArray();
for (var g = 0; g < gameCount; g++)
{
    var created = await store.CreateGameAsync(new NewGame(Guild, (ulong)(g + 1), 1, new TriviaSettings(QuestionsPerGame), TimeProvider.System.GetUtcNow(), questions));
    games[g] = created.GameId;
    if (mode == "crash") Console.WriteLine($"GAME {created.GameId}");
}

// Answer number n maps to a unique (game, question, user), so every answer is new unless deliberately redelivered.
AnswerRecord Answer(long n) => new(
    InteractionId: (ulong)(1_000_000 + n),
    GuildId: Guild,
    GameId: games[n % gameCount],
    QuestionIndex: (int)(n / gameCount % QuestionsPerGame),
    UserId: (ulong)(n / (gameCount * QuestionsPerGame) + 1),
    Choice: AnswerChoice.A,
    IsCorrect: n % 3 != 0,
    Points: n % 3 != 0 ? 100 + (int)(n % 51) : 0,
    AnsweredAt: TimeProvider.System.GetUtcNow());

long next = -1;
var limit = mode == "crash" ? long.MaxValue : count;
var stopwatch = Stopwatch.StartNew();
await Task.WhenAll(Enumerable.Range(0, writers).Select(_ => Task.Run(async () =>
{
    long n;
    while ((n = Interlocked.Increment(ref next)) < limit)
    {
        var answer = Answer(n);
        var result = await store.RecordAnswerAsync(answer);
        if (mode == "crash")
        {
            Console.WriteLine($"ACK {answer.InteractionId} {result} {answer.GameId} {answer.UserId} {answer.Points} END");
            // Every tenth answer is delivered again, as Discord may do: it must not count twice.
            if (n % 10 == 0)
            {
                var again = await store.RecordAnswerAsync(answer);
                Console.WriteLine($"ACK {answer.InteractionId} {again} {answer.GameId} {answer.UserId} {answer.Points} END");
            }
        }
    }
})));
stopwatch.Stop();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"{count} durable answers from {writers} concurrent writers in {stopwatch.Elapsed.TotalSeconds:F2} s: {count / stopwatch.Elapsed.TotalSeconds:F0} answers/s"));
return 0;

static TriviaQuestion Question(int i) => new($"q{i}", TriviaCategory.Plot, Difficulty.Easy, SpoilerLevel.None,
    LocalizedText.Same("?"), LocalizedText.Same("right"),
    [LocalizedText.Same("w1"), LocalizedText.Same("w2"), LocalizedText.Same("w3")], LocalizedText.Same("."), ["s"]);
