using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using MiracleCell.Discord.Models;

namespace MiracleCell.Benchmarks;

/// <summary>
/// The loopback Discord for trivia load: <see cref="LoopbackFakeDiscord"/> plus a REST side that accepts channel
/// messages and edits (learning each channel's game from its question's buttons), and senders for <c>/trivia start</c>
/// and answer-button clicks. A callback's <see cref="CallbackArrival.HasMarker"/> says whether it locked an answer in.
/// </summary>
internal sealed partial class TriviaLoadFakeDiscord : IAsyncDisposable
{
    public static readonly Snowflake FirstChannelId = new(2_000_000_000_000_000);

    private static readonly byte[] LockedInMarker = Encoding.UTF8.GetBytes("Locked in");

    private readonly ConcurrentDictionary<Snowflake, OpenQuestion> _questions = new();
    private readonly TaskCompletionSource _questionsPosted = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _questionsExpected = int.MaxValue;
    private long _nextMessageId = 3_000_000_000_000_000;
    private long _messagesPosted;
    private long _messagesEdited;

    private TriviaLoadFakeDiscord()
    {
    }

    /// <summary>The gateway, callbacks and command registration this fake builds on.</summary>
    public LoopbackFakeDiscord Discord { get; private set; } = null!;

    public long MessagesPosted => Interlocked.Read(ref _messagesPosted);
    public long MessagesEdited => Interlocked.Read(ref _messagesEdited);

    /// <summary>The open first question of each channel's game, as learnt from the message the bot posted.</summary>
    public IReadOnlyDictionary<Snowflake, OpenQuestion> Questions => _questions;

    public static async Task<TriviaLoadFakeDiscord> StartAsync()
    {
        var fake = new TriviaLoadFakeDiscord();
        fake.Discord = await LoopbackFakeDiscord.StartAsync(fake.MapMessageRoutes, LockedInMarker);
        return fake;
    }

    private void MapMessageRoutes(IEndpointRouteBuilder routes)
    {
        var firstChannel = FirstChannelId.ToString();
        routes.MapPost("/api/v10/channels/{channel}/messages", (Delegate)PostMessageAsync);
        routes.MapPatch("/api/v10/channels/{channel}/messages/{message}",
            (HttpContext _, string channel, string message) => Edited(channel, message));
        routes.MapPatch("/api/v10/webhooks/{app}/{token}/messages/{message}",
            (HttpContext _) => Edited(firstChannel, "1"));
        routes.MapPost("/api/v10/webhooks/{app}/{token}", (HttpContext _) => Edited(firstChannel, "1"));
    }

    /// <summary>Completes when <paramref name="count"/> channels have an open first question.</summary>
    public Task WhenQuestionsPostedAsync(int count)
    {
        Volatile.Write(ref _questionsExpected, count);
        if (_questions.Count >= count) _questionsPosted.TrySetResult();
        return _questionsPosted.Task;
    }

    public static Snowflake ChannelOf(int game) => new(FirstChannelId.Value + (ulong)game);

    /// <summary><c>/trivia start questions:5 seconds:60</c> in a channel, as <paramref name="userId"/>.</summary>
    public Task<(long Sent, Task<CallbackArrival> Callback)> SendTriviaStartAsync(Snowflake channelId, Snowflake userId)
    {
        const string data = "{\"id\":\"1000000000000005\",\"name\":\"trivia\",\"type\":1,"
            + "\"options\":[{\"name\":\"start\",\"type\":1,\"options\":[{\"name\":\"questions\",\"type\":4,"
            + "\"value\":5},{\"name\":\"seconds\",\"type\":4,\"value\":60}]}]}";
        return SendAsPlayerAsync(Discord.NextInteractionId(), 2, channelId, userId, data);
    }

    /// <summary>A click on an answer button; returns the time just before the frame was written and the callback's
    /// arrival.</summary>
    public Task<(long Sent, Task<CallbackArrival> Callback)> SendClickAsync(Snowflake id, Snowflake channelId,
        Snowflake userId, string customId) =>
        SendAsPlayerAsync(id, 3, channelId, userId, "{\"custom_id\":\"" + customId + "\",\"component_type\":2}");

    private Task<(long Sent, Task<CallbackArrival> Callback)> SendAsPlayerAsync(Snowflake id, int type,
        Snowflake channelId, Snowflake userId, string data) =>
        Discord.SendInteractionAsync(id, type, channelId, userId,
            string.Create(CultureInfo.InvariantCulture, $"player{userId}"), data);

    private async Task<IResult> PostMessageAsync(HttpContext context, string channel)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync();
        var messageId = (ulong)Interlocked.Increment(ref _nextMessageId);
        Interlocked.Increment(ref _messagesPosted);
        var button = FirstQuestionButton().Match(body);
        if (button.Success && Snowflake.TryParse(channel, out var channelId))
        {
            _questions[channelId] = new OpenQuestion(long.Parse(button.Groups[1].Value, CultureInfo.InvariantCulture),
                new Snowflake(messageId));
            if (_questions.Count >= Volatile.Read(ref _questionsExpected)) _questionsPosted.TrySetResult();
        }
        return Message(channel, messageId.ToString(CultureInfo.InvariantCulture));
    }

    private IResult Edited(string channel, string message)
    {
        Interlocked.Increment(ref _messagesEdited);
        return Message(channel, message);
    }

    private static IResult Message(string channel, string message) =>
        Results.Content($"{{\"id\":\"{message}\",\"channel_id\":\"{channel}\",\"content\":\"\"}}", "application/json");

    [GeneratedRegex("\"custom_id\":\"trivia:(\\d+):0:A\"")]
    private static partial Regex FirstQuestionButton();

    public ValueTask DisposeAsync() => Discord.DisposeAsync();
}

/// <summary>A game's first question: the game id in its buttons and the message that carries them.</summary>
internal sealed record OpenQuestion(long GameId, Snowflake MessageId);
