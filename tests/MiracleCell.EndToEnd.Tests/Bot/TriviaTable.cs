using System.Globalization;
using System.Text.Json;
using MiracleCell.EndToEnd.Tests.Infrastructure;

namespace MiracleCell.EndToEnd.Tests.Bot;

/// <summary>
/// One channel of the twin seen as players see a trivia night: run <c>/trivia</c> subcommands, wait for question
/// messages and their edits, click answer buttons. Every wait is a condition the control API polls, never a sleep.
/// </summary>
public sealed class TriviaTable(TwinControlClient control, TwinChannel channel)
{
    /// <summary>Longer than a 10 s question plus the pause before the next one.</summary>
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    public const int EphemeralFlag = 1 << 6;

    public TwinChannel Channel => channel;

    public Task<InteractionHandle> CommandAsync(TwinUser user, string subcommand,
        params CommandOptionInput[] options) =>
        control.SendSlashCommandAsync(user.Id, channel.Id, "trivia",
            [new CommandOptionInput(subcommand, CommandOptionInput.SubCommand,
                Options: options.Length == 0 ? null : options)]);

    public static CommandOptionInput Number(string name, int value) => new(name, CommandOptionInput.Integer, value);

    public static CommandOptionInput UserOption(TwinUser user) => new("user", UserOptionType, user.Id);

    /// <summary>The reply to a command (deferred or not) with its callback, once the reply message exists.</summary>
    public async Task<(TwinMessage Message, InteractionResponseRecord Callback)> ReplyAsync(InteractionHandle sent)
    {
        var message = await control.WaitForReplyMessageAsync(sent.Id, channel.Id, Wait);
        var callback = await control.GetInteractionResponseAsync(sent.Id);
        return (message, callback);
    }

    /// <summary>Waits for question <paramref name="index"/> to be posted with live buttons; the game id comes from the
    /// buttons when not known yet.</summary>
    public async Task<QuestionMessage> WaitForQuestionAsync(int index, long? gameId = null)
    {
        var marker = gameId is { } game
            ? $"\"custom_id\":\"trivia:{game.ToString(CultureInfo.InvariantCulture)}:"
                + $"{index.ToString(CultureInfo.InvariantCulture)}:A\""
            : "\"custom_id\":\"trivia:";
        var messages = await control.WaitForMessagesContainingAsync(channel.Id, marker, wait: Wait);
        var question = messages.Select(QuestionMessage.TryRead).OfType<QuestionMessage>()
            .LastOrDefault(q => q.Index == index && (gameId is null || q.GameId == gameId));
        return question
            ?? throw new InvalidOperationException($"No message with the buttons of question {index} "
                + $"in #{channel.Name}.");
    }

    /// <summary>Waits until a message (or the message <paramref name="messageId"/>) contains <paramref name="text"/>,
    /// e.g. after its reveal edit, and returns it.</summary>
    public async Task<TwinMessage> WaitForMessageContainingAsync(string text, string? messageId = null)
    {
        for (var count = 1; ; count++)
        {
            var matching = (await control.WaitForMessagesContainingAsync(channel.Id, text, count, Wait))
                .Where(m => Shows(m, text)).ToList();
            var found = matching.LastOrDefault(m => messageId is null || m.Id == messageId);
            if (found is not null)
            {
                return found;
            }

            // Other messages matched first: wait for one more.
            count = matching.Count;
        }
    }

    /// <summary>True when the text is in the message's content, embeds or components (as the twin sent them).</summary>
    public static bool Shows(TwinMessage message, string text) =>
        message.Content.Contains(text, StringComparison.Ordinal)
        || message.Embeds.Any(e => e.GetRawText().Contains(text, StringComparison.Ordinal))
        || (message.Components ?? []).Any(c => c.GetRawText().Contains(text, StringComparison.Ordinal));

    /// <summary>Clicks an answer button as <paramref name="user"/> and waits for the bot's callback.</summary>
    public async Task<InteractionResponseRecord> ClickAsync(TwinUser user, QuestionMessage question, char letter)
    {
        var sent = await control.ClickButtonAsync(user.Id, channel.Id, question.Message.Id, question.CustomId(letter));
        return await control.WaitForInteractionResponseAsync(sent.Id, Wait);
    }

    /// <summary>Content and flags of a callback that replied with a message (type 4) or deferred one (type
    /// 5).</summary>
    public static (string Content, bool Ephemeral) CallbackMessage(InteractionResponseRecord callback)
    {
        if (callback.Data is not { ValueKind: JsonValueKind.Object } data)
        {
            return ("", false);
        }

        var content = data.TryGetProperty("content", out var text) ? text.GetString() ?? "" : "";
        var flags = data.TryGetProperty("flags", out var value) ? value.GetInt32() : 0;
        return (content, (flags & EphemeralFlag) != 0);
    }

    private const int UserOptionType = 6;
}

/// <summary>A trivia question message: its game, its index, and its four buttons as the bot last rendered
/// them.</summary>
public sealed record QuestionMessage(TwinMessage Message, long GameId, int Index, IReadOnlyList<AnswerButton> Buttons)
{
    public string CustomId(char letter) => Buttons.Single(b => b.Letter == letter).CustomId;

    public static QuestionMessage? TryRead(TwinMessage message)
    {
        var buttons = (message.Components ?? [])
            .Where(row => row.TryGetProperty("components", out _))
            .SelectMany(row => row.GetProperty("components").EnumerateArray())
            .Where(c =>
                c.TryGetProperty("custom_id", out var id)
                    && id.GetString()!.StartsWith("trivia:", StringComparison.Ordinal))
            .Select(c => new AnswerButton(
                c.GetProperty("custom_id").GetString()!,
                c.TryGetProperty("style", out var style) ? style.GetInt32() : 0,
                c.TryGetProperty("disabled", out var disabled) && disabled.GetBoolean()))
            .ToList();
        if (buttons.Count == 0)
        {
            return null;
        }

        var parts = buttons[0].CustomId.Split(':');
        return new QuestionMessage(message, long.Parse(parts[1], CultureInfo.InvariantCulture),
            int.Parse(parts[2], CultureInfo.InvariantCulture), buttons);
    }
}

/// <summary>One button under a question: <c>trivia:game:question:letter</c>, its style (3 = green) and whether it still
/// works.</summary>
public sealed record AnswerButton(string CustomId, int Style, bool Disabled)
{
    public const int SuccessStyle = 3;

    public char Letter => CustomId[^1];
}
