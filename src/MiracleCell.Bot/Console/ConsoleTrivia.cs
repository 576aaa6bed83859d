using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MiracleCell.Bot.Trivia;
using MiracleCell.Discord.Models;

namespace MiracleCell.Bot.Console;

/// <summary>
/// Trivia in the console: channel messages are printed, and the latest question's live buttons can be pressed
/// by typing <c>a</c>–<c>d</c>. Timers run on the real clock.
/// </summary>
internal sealed class ConsoleTriviaMessenger : ITriviaMessenger
{
    private readonly Lock _gate = new();
    private readonly Dictionary<Snowflake, MessagePayload> _messages = [];
    private TextWriter _output = TextWriter.Null;
    private ulong _lastId = 700_000_000_000_000_000;

    /// <summary>Where channel messages are printed from now on (the console's output).</summary>
    public void Attach(TextWriter output) => _output = TextWriter.Synchronized(output);

    public Task<Snowflake> PostAsync(Snowflake channelId, MessagePayload message, CancellationToken cancellationToken)
    {
        Snowflake id;
        lock (_gate)
        {
            id = new Snowflake(++_lastId);
            _messages[id] = message;
        }
        Print($"── the bot posts in the channel (message {id}) ──", message);
        return Task.FromResult(id);
    }

    public Task EditAsync(Snowflake channelId, Snowflake messageId, MessagePayload message,
        CancellationToken cancellationToken)
    {
        lock (_gate) { _messages[messageId] = message; }
        Print($"── the bot edits message {messageId} ──", message);
        return Task.CompletedTask;
    }

    /// <summary>The newest message with enabled answer buttons: the question a player can answer now.</summary>
    public MessagePayload? OpenQuestion
    {
        get
        {
            lock (_gate)
            {
                return _messages.OrderByDescending(m => m.Key).Select(m => m.Value)
                    .FirstOrDefault(m => Buttons(m).Any(b => b.Disabled != true
                        && b.CustomId?.StartsWith(AnswerButtonId.Prefix + ":", StringComparison.Ordinal) == true));
            }
        }
    }

    public static IEnumerable<Component> Buttons(MessagePayload message) =>
        (message.Components ?? []).SelectMany(r => r.Components ?? []);

    private void Print(string heading, MessagePayload message)
    {
        var text = new StringWriter();
        text.WriteLine(heading);
        ReplyPrinter.Print(
            new InteractionResponse { Type = InteractionCallbackType.ChannelMessageWithSource,
                Data = InteractionCallbackData.FromMessage(message) },
            text);
        _output.Write(text.ToString());
        _output.Flush();
    }
}

internal static class ConsoleTriviaServices
{
    /// <summary>
    /// The console's settings: a database of its own (<c>data/state/console-playground.db</c>), so a playground
    /// never closes a live bot's games, and a short pause between questions.
    /// </summary>
    public static IConfiguration PlaygroundSettings() =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:DatabaseFileName"] = "console-playground.db",
            ["Trivia:BetweenQuestions"] = "00:00:03",
        }).Build();

    /// <summary>Trivia channel messages are printed on the console.</summary>
    internal static IServiceCollection AddConsoleTriviaMessenger(this IServiceCollection services)
    {
        services.TryAddSingleton<ConsoleTriviaMessenger>();
        services.TryAddSingleton<ITriviaMessenger>(sp => sp.GetRequiredService<ConsoleTriviaMessenger>());
        return services;
    }
}
