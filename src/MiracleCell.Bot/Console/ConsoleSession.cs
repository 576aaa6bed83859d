using System.Text.Json;
using System.Text.RegularExpressions;
using MiracleCell.Bot.Interactions;
using MiracleCell.Core.Text;
using MiracleCell.Discord.Models;

namespace MiracleCell.Bot.Console;

/// <summary>
/// The console transport: lines in, the same interactions Discord sends through the same router, and the
/// replies printed as Discord would show them.
/// </summary>
internal sealed partial class ConsoleSession(InteractionRouter router, Locale locale,
    ConsoleTriviaMessenger? trivia = null, Trivia.TriviaCoordinator? coordinator = null)
{
    public const int ExitOk = 0;
    public const int ExitFailed = 1;
    public const int ExitUsage = 2;

    private readonly ConsoleInteractions _interactions = new(router, locale);
    private MessagePayload? _lastMessage;

    /// <summary>
    /// One line, as <c>ask</c>: the reply on <paramref name="output"/> (or its callback JSON with
    /// <paramref name="json"/>) and exit 0; an unknown command, a malformed line or a bad option on
    /// <paramref name="error"/> and exit 2; a handler crash exit 1. An unknown name is not an input error: its "did you
    /// mean" reply is printed, exit 0.
    /// </summary>
    public async Task<int> AskAsync(string line, bool json, TextWriter output, TextWriter error,
        CancellationToken cancellationToken)
    {
        InteractionResult result;
        try
        {
            result = await router.HandleAsync(_interactions.FromLine(_interactions.Parse(line)), cancellationToken);
        }
        catch (ConsoleInputException problem)
        {
            await error.WriteLineAsync(problem.Message);
            return ExitUsage;
        }
        switch (result)
        {
            case { Outcome: InteractionOutcome.Failed }:
                await error.WriteLineAsync(result.Response.Data?.Content);
                return ExitFailed;
            case { Outcome: InteractionOutcome.UserError, Error.Kind: not UserErrorKind.NotFound }:
                await error.WriteLineAsync(result.Error!.Message[locale]);
                return ExitUsage;
        }
        if (json)
            await output.WriteLineAsync(
                JsonSerializer.Serialize(result.Response, DiscordJsonContext.Default.InteractionResponse));
        else ReplyPrinter.Print(result.Response, output);
        return ExitOk;
    }

    /// <summary>The prompt loop; returns at <c>exit</c>, <c>quit</c> or end of input.</summary>
    public async Task RunAsync(Func<string?> readLine, TextWriter output, CancellationToken cancellationToken)
    {
        await output.WriteLineAsync("MiracleCell console. Type a command as in Discord (/help), end a line with ? for "
            + "suggestions, `press <n>` to press a button, `exit` to quit.");
        if (trivia is not null)
        {
            trivia.Attach(output);
            if (coordinator is not null) await coordinator.StartAsync(cancellationToken);
            await output.WriteLineAsync("Trivia: `/trivia start` plays a night here; type a, b, c or d to "
                + "answer the open question.");
        }
        while (!cancellationToken.IsCancellationRequested)
        {
            var line = readLine()?.Trim();
            if (line is null || line is "exit" or "quit") return;
            if (line.Length == 0) continue;
            try
            {
                var interaction = line.StartsWith("press", StringComparison.OrdinalIgnoreCase) ? Press(line)
                    : IsAnswerLetter(line) ? Answer(line)
                    : _interactions.FromLine(_interactions.Parse(line));
                var result = await router.HandleAsync(interaction, cancellationToken);
                ReplyPrinter.Print(result.Response, output);
                foreach (var action in result.Actions) await output.WriteLineAsync($"(then: {Describe(action)})");
                if (result.Response.Data is { Choices: null } data && result.Outcome == InteractionOutcome.Replied)
                    _lastMessage = result.EditOriginalBody! with { Flags = data.Flags ?? _lastMessage?.Flags };
            }
            catch (ConsoleInputException problem)
            {
                await output.WriteLineAsync($"error: {problem.Message}");
            }
            await output.WriteLineAsync();
        }
    }

    /// <summary>Tab completion: command names, then option names, then suggestions for autocomplete options.</summary>
    public IReadOnlyList<string> Complete(string typed)
    {
        if (!typed.Contains(' ', StringComparison.Ordinal))
        {
            return [.. router.Definitions.Where(d => d.Type == ApplicationCommandType.ChatInput)
                .Select(d => $"/{d.Name} ").Where(c => c.StartsWith(typed, StringComparison.OrdinalIgnoreCase))
                    .Order(StringComparer.Ordinal)];
        }
        var name = typed[1..typed.IndexOf(' ', StringComparison.Ordinal)];
        var definition = _interactions.Find(name);
        if (definition?.Options is not { } options) return [];

        var start = typed.LastIndexOf(' ') + 1;
        var partial = typed[start..];
        var unused = options.Where(o => !typed.Contains($" {o.Name}:", StringComparison.Ordinal)).ToList();
        if (partial.Length > 0 && !partial.Contains(':', StringComparison.Ordinal)
            && unused.Any(o => o.Name.StartsWith(partial, StringComparison.Ordinal)))
            return [.. unused.Where(o => o.Name.StartsWith(partial, StringComparison.Ordinal))
                .Select(o => $"{typed[..start]}{o.Name}:")];

        var value = CurrentValue().Match(typed);
        if (value.Success
            && options.FirstOrDefault(o => o.Name == value.Groups["key"].Value) is { Autocomplete: true } option)
        {
            var line = _interactions.Parse($"/{definition.Name} {option.Name}:\"{value.Groups["value"].Value}\"?");
            var result = router.HandleAsync(_interactions.FromLine(line), CancellationToken.None).GetAwaiter()
                .GetResult();
            var head = typed[..value.Groups["key"].Index];
            return [.. (result.Response.Data?.Choices ?? [])
                .Select(c => $"{head}{option.Name}:{c.Value.GetString()} ")];
        }
        return partial.Length == 0 ? [.. unused.Select(o => $"{typed}{o.Name}:")] : [];
    }

    private Interaction Press(string line)
    {
        var buttons = (_lastMessage?.Components ?? []).SelectMany(r => r.Components ?? []).ToList();
        var which = line[5..].Trim();
        var button = int.TryParse(which, System.Globalization.CultureInfo.InvariantCulture, out var n) && n >= 1
            && n <= buttons.Count
            ? buttons[n - 1]
            : buttons.FirstOrDefault(b =>
                b.Label is { } label && label.Contains(which, StringComparison.OrdinalIgnoreCase) && which.Length > 0);
        if (button?.CustomId is null)
            throw new ConsoleInputException(buttons.Count == 0
                ? "The last reply has no buttons."
                : $"Press a button by number (1–{buttons.Count}) or by its label.");
        if (button.Disabled == true) throw new ConsoleInputException($"[{button.Label}] is disabled.");
        return _interactions.ButtonPress(button.CustomId, _lastMessage!);
    }

    private static bool IsAnswerLetter(string line) =>
        line.Length == 1 && char.ToUpperInvariant(line[0]) is >= 'A' and <= 'D';

    // Typing a–d clicks that button of the open trivia question, as the console user.
    private Interaction Answer(string line)
    {
        var question = trivia?.OpenQuestion
            ?? throw new ConsoleInputException("No trivia question is open. Start a night with /trivia start.");
        var suffix = ":" + char.ToUpperInvariant(line[0]);
        var button = ConsoleTriviaMessenger.Buttons(question)
            .First(b => b.CustomId!.EndsWith(suffix, StringComparison.Ordinal));
        return _interactions.ButtonPress(button.CustomId!, question);
    }

    private static string Describe(FollowUpAction action) => action switch
    {
        DeleteTargetMessage delete => $"the transport deletes message {delete.MessageId} in channel {delete.ChannelId}",
        _ => action.ToString(),
    };

    [GeneratedRegex("""(?:^|\s)(?<key>[a-z_-]+):"?(?<value>[^":]*)$""")]
    private static partial Regex CurrentValue();
}
