using System.Collections.Concurrent;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MiracleCell.Bot.Console;
using MiracleCell.Bot.Hosting;
using MiracleCell.Bot.Interactions;
using MiracleCell.Bot.Rendering;
using MiracleCell.Bot.Trivia;
using MiracleCell.Core.Films;
using MiracleCell.Core.Text;
using MiracleCell.Core.Trivia;
using MiracleCell.Discord;
using MiracleCell.Discord.Models;
using MiracleCell.Storage;
using MiracleCell.Storage.LiteDb;
using MiracleCell.Testing;

namespace MiracleCell.Bot.Tests.Trivia;

/// <summary>A channel message the coordinator posted or edited.</summary>
internal sealed record SentMessage(ulong ChannelId, ulong MessageId, MessagePayload Payload, bool IsEdit);

/// <summary>Records every channel message; can be told to fail posts to a channel.</summary>
internal sealed class RecordingMessenger : ITriviaMessenger
{
    private long _nextId = 900_000;
    public ConcurrentQueue<SentMessage> Sent { get; } = new();
    public ConcurrentDictionary<ulong, bool> FailingChannels { get; } = new();

    /// <summary>
    /// When set, a post carrying buttons (a question) is in the channel at once but its response waits for this:
    /// Discord shows a message to players before the bot hears back. <see cref="QuestionPostHeld"/> says when one
    /// waits.
    /// </summary>
    public TaskCompletionSource? HoldQuestionPosts { get; set; }

    public TaskCompletionSource QuestionPostHeld { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async Task<ulong> PostAsync(ulong channelId, MessagePayload message, CancellationToken cancellationToken)
    {
        if (FailingChannels.ContainsKey(channelId)) throw new InvalidOperationException("Missing Access");
        var id = (ulong)Interlocked.Increment(ref _nextId);
        Sent.Enqueue(new SentMessage(channelId, id, message, IsEdit: false));
        if (HoldQuestionPosts is { } hold && message.Components is { Count: > 0 })
        {
            QuestionPostHeld.TrySetResult();
            await hold.Task;
        }
        return id;
    }

    /// <summary>Every edit fails, as when the message was deleted or the bot lost access.</summary>
    public bool FailingEdits { get; set; }

    public Task EditAsync(ulong channelId, ulong messageId, MessagePayload message, CancellationToken cancellationToken)
    {
        if (FailingEdits) throw new InvalidOperationException("Unknown Message");
        Sent.Enqueue(new SentMessage(channelId, messageId, message, IsEdit: true));
        return Task.CompletedTask;
    }

    public IReadOnlyList<SentMessage> In(ulong channelId) => [.. Sent.Where(m => m.ChannelId == channelId)];

    public static string Text(MessagePayload message) => string.Join("\n",
        new[] { message.Content }.Concat((message.Embeds ?? []).SelectMany(e =>
            new[] { e.Title, e.Description, e.Author?.Name, e.Footer?.Text }.Concat(
                (e.Fields ?? []).SelectMany(f => new[] { f.Name, f.Value }))))
                .Where(t => t is not null));
}

/// <summary>
/// The real trivia registrations over a temp LiteDB folder, a manual clock and a recording messenger, driven
/// through the interaction router as Discord would drive it.
/// </summary>
internal sealed class TriviaHarness : IAsyncDisposable
{
    public const ulong Guild = 1_000, OtherGuild = 2_000, Channel = 10, OtherChannel = 11;
    public const ulong Alice = 501, Bob = 502, Carol = 503;
    public const string ManageServer = "32";

    private readonly ServiceProvider _services;
    private long _interactionIds = 10_000_000;

    /// <param name="failAnswerWrites">When set, answer writes fail while it is true: a full disk, say.</param>
    /// <param name="shard">This process's shard and the shard count, as in
    /// <c>Discord:ShardId</c>/<c>ShardCount</c>.</param>
    /// <param name="wrapStore">When set, the coordinator uses the store it returns around the real one.</param>
    /// <param name="storage">Further <c>Storage</c> settings, e.g. <c>Provider</c> and <c>ConnectionString</c> for
    /// PostgreSQL.</param>
    public TriviaHarness(string? folder = null, IReadOnlyList<TriviaQuestion>? questions = null,
        ManualTimeProvider? time = null, Func<bool>? failAnswerWrites = null, (int Id, int Count)? shard = null,
        Func<ITriviaStore, ITriviaStore>? wrapStore = null, IReadOnlyDictionary<string, string>? storage = null)
    {
        Folder = folder ?? Path.Combine(Path.GetTempPath(), "miraclecell-trivia-tests", Guid.NewGuid().ToString("N"));
        Time = time ?? new ManualTimeProvider(new DateTimeOffset(2024, 5, 10, 20, 0, 0, TimeSpan.Zero));
        var pack = TestPacks.MiracleInCellNo7() with { Trivia = questions ?? TriviaQuestions.Mixed() };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:DataFolder"] = Folder,
            ["Trivia:BetweenQuestions"] = "00:00:05",
            ["Trivia:AnswerCountEditInterval"] = "00:00:02",
        })
            .AddInMemoryCollection(
                (storage ?? new Dictionary<string, string>())
                    .Select(s => KeyValuePair.Create("Storage:" + s.Key, (string?)s.Value)))
            .Build();
        var services = new ServiceCollection();
        services.AddMiracleCellBot(configuration, pack, BotTransport.Console);
        services.AddSingleton<TimeProvider>(Time);
        services.AddSingleton<ITriviaMessenger>(Messenger);
        services.AddSingleton(new QuestionSelector(new Random(7)));
        if (shard is var (shardId, shardCount))
            services.Configure<DiscordOptions>(discord =>
                (discord.ShardId, discord.ShardCount) = (shardId, shardCount));
        if (failAnswerWrites is not null)
            services.AddSingleton<ITriviaStore>(provider =>
                new AnswerFailingStore(provider.GetRequiredService<LiteDbTriviaStore>(), failAnswerWrites));
        if (wrapStore is not null)
            services.AddSingleton<ITriviaStore>(provider =>
                wrapStore(provider.GetRequiredService<LiteDbTriviaStore>()));
        _services = services.BuildServiceProvider();
        Router = _services.GetRequiredService<InteractionRouter>();
        Coordinator = _services.GetRequiredService<TriviaCoordinator>();
        Store = _services.GetRequiredService<ITriviaStore>();
    }

    public string Folder { get; }
    public ManualTimeProvider Time { get; }
    public RecordingMessenger Messenger { get; } = new();
    public InteractionRouter Router { get; }
    public TriviaCoordinator Coordinator { get; }
    public ITriviaStore Store { get; }
    public IServiceProvider Services => _services;

    public Interaction Command(string line, ulong user, ulong guild = Guild, ulong channel = Channel,
        string permissions = "0", Locale locale = Locale.English)
    {
        var factory = new ConsoleInteractions(Router, locale);
        return Stamp(factory.FromLine(factory.Parse(line)), user, guild, channel, permissions);
    }

    public Task<InteractionResult> Run(string line, ulong user, ulong guild = Guild, ulong channel = Channel,
        string permissions = "0", Locale locale = Locale.English) =>
        Router.HandleAsync(Command(line, user, guild, channel, permissions, locale), CancellationToken.None);

    /// <summary>Starts a night and waits until its first question is posted; returns the game id.</summary>
    public async Task<long> StartAsync(string options = "questions:3 seconds:20", ulong user = Alice,
        ulong guild = Guild, ulong channel = Channel, Locale locale = Locale.English)
    {
        var result = await Run($"/trivia start {options}", user, guild, channel, locale: locale);
        Assert.True(result.Outcome == InteractionOutcome.Replied, result.Response.Data?.Content);
        await Coordinator.WhenIdleAsync();
        return Coordinator.GameIn(guild, channel) ?? throw new InvalidOperationException("No game started.");
    }

    public Interaction Button(string customId, ulong user, ulong guild = Guild, ulong channel = Channel,
        string permissions = "0", ulong? interactionId = null, Locale locale = Locale.English)
    {
        var factory = new ConsoleInteractions(Router, locale);
        var press = factory.ButtonPress(customId, new MessagePayload { Content = "question" });
        return Stamp(press, user, guild, channel, permissions) with { Id = new Snowflake(interactionId
            ?? NextInteractionId()) };
    }

    public Task<InteractionResult> Click(string customId, ulong user, ulong guild = Guild, ulong channel = Channel,
        string permissions = "0", ulong? interactionId = null) =>
        Router.HandleAsync(Button(customId, user, guild, channel, permissions, interactionId), CancellationToken.None);

    public Task<InteractionResult> Answer(long gameId, AnswerChoice choice, ulong user, ulong guild = Guild,
        ulong channel = Channel, ulong? interactionId = null)
    {
        var question = Coordinator.OpenQuestion(gameId) ?? throw new InvalidOperationException("No question is open.");
        return Click(new AnswerButtonId(gameId, question.Index, choice).ToString(), user, guild, channel,
            interactionId: interactionId);
    }

    public AnswerChoice Right(long gameId) => Coordinator.OpenQuestion(gameId)!.Correct;

    public static AnswerChoice Wrong(AnswerChoice right) => (AnswerChoice)(((int)right + 1) % 4);

    /// <summary>Moves the clock and waits for whatever the timers started (reveals, next questions, edits).</summary>
    public async Task AdvanceAsync(TimeSpan by)
    {
        Time.Advance(by);
        await Coordinator.WhenIdleAsync();
    }

    public ulong NextInteractionId() => (ulong)Interlocked.Increment(ref _interactionIds);

    public static void AssertWithinLimits(MessagePayload message) => Assert.Empty(MessageLimits.Check(message));

    public static string Content(InteractionResult result) => result.Response.Data?.Content ?? "";

    public static bool IsEphemeral(InteractionResult result) =>
        result.Response.Data?.Flags?.HasFlag(MessageFlags.Ephemeral) == true;

    private static Interaction Stamp(Interaction interaction, ulong user, ulong guild, ulong channel,
        string permissions) =>
        interaction with
    {
        GuildId = new Snowflake(guild),
        ChannelId = new Snowflake(channel),
        Member = new GuildMember { User = new User { Id = new Snowflake(user), Username = $"user{user}" },
            Permissions = permissions },
    };

    public async ValueTask DisposeAsync()
    {
        await Coordinator.StopAsync(CancellationToken.None);
        await _services.DisposeAsync();
        try { Directory.Delete(Folder, recursive: true); }
        catch (DirectoryNotFoundException) { }
        catch (IOException) { }
    }

    /// <summary>Stops the services without closing the games or deleting the folder: a process that died.</summary>
    public async ValueTask CrashAsync()
    {
        await Coordinator.StopAsync(CancellationToken.None);
        await _services.DisposeAsync();
    }
}

internal static class TriviaQuestions
{
    private static LocalizedText T(string text) => new(text, text + " (id)");

    public static TriviaQuestion Question(int i, SpoilerLevel spoiler) => new(
        $"q{i}", TriviaCategory.Plot, (Difficulty)(i % 3), spoiler,
        T($"Question {i}?"), T($"Right {i}"), [T($"Wrong {i}a"), T($"Wrong {i}b"), T($"Wrong {i}c")],
        T($"Because {i}."), ["film-site"], spoiler == SpoilerLevel.None ? null : "part-4");

    /// <summary>Thirty spoiler-free questions and ten with major spoilers.</summary>
    public static IReadOnlyList<TriviaQuestion> Mixed() =>
        [.. Enumerable.Range(0, 30).Select(i => Question(i, SpoilerLevel.None)),
            .. Enumerable.Range(30, 10).Select(i => Question(i, SpoilerLevel.Major))];

    public static IReadOnlyList<TriviaQuestion> SpoilersOnly() =>
        [.. Enumerable.Range(0, 5).Select(i => Question(i, SpoilerLevel.Major))];
}
