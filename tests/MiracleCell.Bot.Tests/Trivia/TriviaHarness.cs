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
internal sealed record SentMessage(Snowflake ChannelId, Snowflake MessageId, MessagePayload Payload, bool IsEdit);

/// <summary>Records every channel message; can be told to fail posts to a channel.</summary>
internal sealed class RecordingMessenger : ITriviaMessenger
{
    private long _nextId = 900_000;
    public ConcurrentQueue<SentMessage> Sent { get; } = new();
    public ConcurrentDictionary<Snowflake, bool> FailingChannels { get; } = new();

    /// <summary>
    /// When set, a post carrying buttons (a question) is in the channel at once but its response waits for this:
    /// Discord shows a message to players before the bot hears back. <see cref="QuestionPostHeld"/> says when one
    /// waits.
    /// </summary>
    public TaskCompletionSource? HoldQuestionPosts { get; set; }

    public TaskCompletionSource QuestionPostHeld { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async Task<Snowflake> PostAsync(Snowflake channelId, MessagePayload message,
        CancellationToken cancellationToken)
    {
        if (FailingChannels.ContainsKey(channelId)) throw new InvalidOperationException("Missing Access");
        var id = new Snowflake((ulong)Interlocked.Increment(ref _nextId));
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

    public Task EditAsync(Snowflake channelId, Snowflake messageId, MessagePayload message,
        CancellationToken cancellationToken)
    {
        if (FailingEdits) throw new InvalidOperationException("Unknown Message");
        Sent.Enqueue(new SentMessage(channelId, messageId, message, IsEdit: true));
        return Task.CompletedTask;
    }

    public IReadOnlyList<SentMessage> In(Snowflake channelId) => [.. Sent.Where(m => m.ChannelId == channelId)];

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
    public static readonly Snowflake Guild = new(1_000), OtherGuild = new(2_000), Channel = new(10),
        OtherChannel = new(11);
    public static readonly Snowflake Alice = new(501), Bob = new(502), Carol = new(503);
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

    /// <param name="guild"><see cref="Guild"/> when left out.</param>
    /// <param name="channel"><see cref="Channel"/> when left out.</param>
    public Interaction Command(string line, Snowflake user, Snowflake? guild = null, Snowflake? channel = null,
        string permissions = "0", Locale locale = Locale.English)
    {
        var factory = new ConsoleInteractions(Router, locale);
        return Stamp(factory.FromLine(factory.Parse(line)), user, guild, channel, permissions);
    }

    public Task<InteractionResult> Run(string line, Snowflake user, Snowflake? guild = null,
        Snowflake? channel = null, string permissions = "0", Locale locale = Locale.English) =>
        Router.HandleAsync(Command(line, user, guild, channel, permissions, locale), CancellationToken.None);

    /// <summary>Starts a night and waits until its first question is posted; returns the game id.</summary>
    public async Task<long> StartAsync(string options = "questions:3 seconds:20", Snowflake? user = null,
        Snowflake? guild = null, Snowflake? channel = null, Locale locale = Locale.English)
    {
        var result = await Run($"/trivia start {options}", user ?? Alice, guild, channel, locale: locale);
        Assert.True(result.Outcome == InteractionOutcome.Replied, result.Response.Data?.Content);
        await Coordinator.WhenIdleAsync();
        return Coordinator.GameIn(guild ?? Guild,
            channel ?? Channel) ?? throw new InvalidOperationException("No game started.");
    }

    public Interaction Button(string customId, Snowflake user, Snowflake? guild = null, Snowflake? channel = null,
        string permissions = "0", Snowflake? interactionId = null, Locale locale = Locale.English)
    {
        var factory = new ConsoleInteractions(Router, locale);
        var press = factory.ButtonPress(customId, new MessagePayload { Content = "question" });
        return Stamp(press, user, guild, channel, permissions) with { Id = interactionId ?? NextInteractionId() };
    }

    public Task<InteractionResult> Click(string customId, Snowflake user, Snowflake? guild = null,
        Snowflake? channel = null, string permissions = "0", Snowflake? interactionId = null) =>
        Router.HandleAsync(Button(customId, user, guild, channel, permissions, interactionId), CancellationToken.None);

    public Task<InteractionResult> Answer(long gameId, AnswerChoice choice, Snowflake user, Snowflake? guild = null,
        Snowflake? channel = null, Snowflake? interactionId = null)
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

    public Snowflake NextInteractionId() => new((ulong)Interlocked.Increment(ref _interactionIds));

    public static void AssertWithinLimits(MessagePayload message) => Assert.Empty(MessageLimits.Check(message));

    public static string Content(InteractionResult result) => result.Response.Data?.Content ?? "";

    public static bool IsEphemeral(InteractionResult result) =>
        result.Response.Data?.Flags?.HasFlag(MessageFlags.Ephemeral) == true;

    private static Interaction Stamp(Interaction interaction, Snowflake user, Snowflake? guild, Snowflake? channel,
        string permissions) =>
        interaction with
    {
        GuildId = guild ?? Guild,
        ChannelId = channel ?? Channel,
        Member = new GuildMember { User = new User { Id = user, Username = $"user{user}" },
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
