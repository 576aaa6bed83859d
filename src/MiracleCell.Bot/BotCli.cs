using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MiracleCell.Bot.Console;
using MiracleCell.Bot.Hosting;
using MiracleCell.Bot.Interactions;
using MiracleCell.Core.Films;
using MiracleCell.Core.Text;

namespace MiracleCell.Bot;

/// <summary>
/// The command line: <c>run</c> (default, the Discord bot), <c>console</c>, <c>ask</c>, <c>check-content</c> and
/// <c>scores</c>.
/// Takes its streams and pack source as arguments so tests run it in-process.
/// </summary>
internal static class BotCli
{
    public const string Usage = """
        Usage:
          MiracleCell.Bot [run]                                 run the Discord bot
                                                                (settings: appsettings.json, environment)
          MiracleCell.Bot console [--locale id] [--content DIR] type commands as in Discord and see the replies
          MiracleCell.Bot ask "<line>" [--locale id] [--json] [--content DIR]
                                                                one command; reply on stdout (exit 0),
                                                                input errors on stderr (exit 2)
          MiracleCell.Bot check-content [DIR]                   validate each film pack of a library
                                                                (exit 0 all valid, 1 not)
          MiracleCell.Bot scores export <file>                  write every stored score and club setting to a file
          MiracleCell.Bot scores import <file> [--replace]      load such a file into the configured (empty) store
        """;

    /// <param name="loadPack">Supplies the film for console and ask (given the --content folder, if any); null to load
    /// the library from disk.</param>
    /// <param name="readLine">Reads console input; null to read <paramref name="input"/> line by line.</param>
    public static async Task<int> RunAsync(
        string[] args, TextReader input, TextWriter output, TextWriter error,
        Func<string?, FilmPack?>? loadPack = null, Func<ConsoleSession, Func<string?>>? readLine = null,
        CancellationToken cancellationToken = default)
    {
        var mode = args.Length == 0 || args[0].StartsWith("--", StringComparison.Ordinal) ? "run" : args[0];
        var rest = args.Length == 0 || mode != args[0] ? args : args[1..];
        Func<string?, FilmLibrary?> loadLibrary = loadPack is null
            ? folder => BotHost.LoadForConsole(folder, error)
            : folder => loadPack(folder) is { } pack ? FilmLibrary.Of(pack) : null;
        try
        {
            switch (mode)
            {
                case "run":
                    return await BotHost.RunAsync(rest, error, cancellationToken);
                case "check-content":
                    return CheckContent(rest, output, error);
                case "scores":
                    return await ScoresCli.RunAsync(
                        rest, output, error, Directory.GetCurrentDirectory(), cancellationToken);
                case "console":
                case "ask":
                    var parsed = ConsoleArguments.Parse(rest, expectLine: mode == "ask");
                    var library = loadLibrary(parsed.ContentFolder);
                    if (library is null) return ConsoleSession.ExitFailed;
                    await using (var services = BuildServices(library, error))
                    {
                        var session = new ConsoleSession(services.GetRequiredService<InteractionRouter>(),
                            parsed.Locale, services.GetService<Console.ConsoleTriviaMessenger>(),
                            services.GetService<Trivia.TriviaCoordinator>());
                        if (mode == "ask")
                            return await session.AskAsync(parsed.Line!, parsed.Json, output, error, cancellationToken);
                        var read = readLine?.Invoke(session) ?? input.ReadLine;
                        await session.RunAsync(read, output, cancellationToken);
                        return ConsoleSession.ExitOk;
                    }
                case "help" or "-h" or "--help":
                    await output.WriteLineAsync(Usage);
                    return 0;
                default:
                    await error.WriteLineAsync($"Unknown mode '{mode}'.\n{Usage}");
                    return ConsoleSession.ExitUsage;
            }
        }
        catch (ConsoleInputException problem)
        {
            await error.WriteLineAsync($"{problem.Message}\n{Usage}");
            return ConsoleSession.ExitUsage;
        }
    }

    /// <summary>The same registrations the bot host makes, with handler errors logged to
    /// <paramref name="error"/>.</summary>
    /// <param name="replace">Registers replacements (a store, a progress) after the bot's own registrations.</param>
    public static ServiceProvider BuildServices(
        FilmPack pack, TextWriter error, Action<IServiceCollection>? replace = null) =>
        BuildServices(FilmLibrary.Of(pack), error, replace);

    /// <summary>The same registrations the bot host makes over a library of films.</summary>
    public static ServiceProvider BuildServices(
        FilmLibrary library, TextWriter error, Action<IServiceCollection>? replace = null)
    {
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.ClearProviders().AddProvider(new TextWriterLoggerProvider(error)));
        services.AddMiracleCellBot(ConsoleTriviaServices.PlaygroundSettings(), library, BotTransport.Console);
        replace?.Invoke(services);
        return services.BuildServiceProvider();
    }

    /// <summary>
    /// Validates every pack of a library (or the one pack of a folder holding film.yaml) and reports each: its counts
    /// when valid, its problems when not. Exit 0 when every pack is valid, 1 otherwise.
    /// </summary>
    private static int CheckContent(string[] args, TextWriter output, TextWriter error)
    {
        var folder = ContentFolder.Resolve(args.Length > 0 ? args[0] : BotOptions.DefaultContentFolder);
        var library = ContentFolder.LoadLibrary(folder);
        if (library.Packs.Count == 0)
        {
            error.WriteLine(ContentFolder.Unusable(library));
            return 1;
        }
        foreach (var pack in library.Packs)
        {
            if (pack.Result.IsValid) WriteSummary(pack.Folder, pack.Result.Pack!, output);
            else
            {
                error.WriteLine($"{pack.Folder}: {pack.Result.Problems.Count} problem(s)");
                ContentFolder.WriteProblems(pack.Result, error);
            }
        }
        if (library.Packs.Count > 1)
            output.WriteLine($"{folder}: {library.Valid.Count} of {library.Packs.Count} film pack(s) valid");
        return library.Invalid.Count == 0 ? 0 : 1;
    }

    private static void WriteSummary(string folder, FilmPack pack, TextWriter output)
    {
        output.WriteLine($"{folder}: valid");
        output.WriteLine($"  film:          {pack.Film.Titles.Display.En} ({pack.Film.Year})");
        output.WriteLine($"  sources:       {pack.Film.Sources.Count}");
        output.WriteLine($"  characters:    {pack.Characters.Count} "
            + $"({pack.Characters.Sum(c => c.Aliases.Count)} aliases, "
            + $"{pack.Characters.Sum(c => c.Facts.Count)} facts, {pack.Characters.Sum(c => c.Relationships.Count)} "
            + "relationships)");
        output.WriteLine($"  cast:          {pack.Cast.Count} "
            + $"({pack.Cast.Count(a => a.Roles.Count == 0)} without a role "
            + "in the sources)");
        output.WriteLine($"  recap parts:   {pack.Recap.Count} ({pack.Recap.Sum(p => p.Beats.Count)} beats, "
            + $"{pack.Recap.Sum(p => p.Beats.Count(b => b.Disputed))} disputed)");
        output.WriteLine($"  trivia:        {pack.Trivia.Count} questions");
        output.WriteLine($"  film facts:    {pack.Film.Facts.Count}; remakes: {pack.Film.Remakes.Count}");
    }

    private sealed record ConsoleArguments(Locale Locale, bool Json, string? ContentFolder, string? Line)
    {
        public static ConsoleArguments Parse(string[] args, bool expectLine)
        {
            var locale = Locale.English;
            var json = false;
            string? folder = null;
            string? line = null;
            for (var i = 0; i < args.Length; i++)
            {
                switch (args[i])
                {
                    case "--locale" when i + 1 < args.Length:
                        var code = args[++i];
                        if (code is not ("en" or "id") && !code.StartsWith("en-", StringComparison.Ordinal))
                            throw new ConsoleInputException($"--locale must be en or id, not '{code}'.");
                        locale = Locales.FromCode(code);
                        break;
                    case "--json" when expectLine:
                        json = true;
                        break;
                    case "--content" when i + 1 < args.Length:
                        folder = args[++i];
                        break;
                    case var text when expectLine && line is null && !text.StartsWith("--", StringComparison.Ordinal):
                        line = text;
                        break;
                    default:
                        throw new ConsoleInputException($"Unexpected argument '{args[i]}'.");
                }
            }
            if (expectLine && line is null)
                throw new ConsoleInputException("ask needs the line to run, e.g. ask \"/recap part:ending\".");
            return new ConsoleArguments(locale, json, folder, line);
        }
    }
}
