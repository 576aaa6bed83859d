using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MiracleCell.Core.Films;
using MiracleCell.Core.Trivia;
using MiracleCell.Discord;
using MiracleCell.Storage;

namespace MiracleCell.Bot.Trivia;

/// <summary>
/// Runs every trivia night of this process, one per channel, each as its own <see cref="TriviaGameActor"/>: the
/// coordinator only finds a channel's or a button's game and hands it the click or the stop. A game posts each
/// question as a channel message, starts its timer when the message has been posted, records each answer durably
/// before it is acknowledged, reveals on the timer or when everyone has answered, and closes itself in the store
/// exactly once. Slow work (posting and editing messages) never runs on a button click's path.
/// As a hosted service it first closes games a previous process left running and tells their channels.
/// </summary>
internal sealed partial class TriviaCoordinator : IHostedService, IAsyncDisposable, IDisposable
{
    private readonly ITriviaStore _store;
    private readonly ITriviaMessenger _messenger;
    private readonly FilmLibrary _library;
    private readonly QuestionSelector _selector;
    private readonly TimeProvider _time;
    private readonly DiscordOptions _discord;
    private readonly ILogger<TriviaCoordinator> _logger;
    private readonly TriviaGameContext _context;
    private readonly ConcurrentDictionary<(Snowflake Guild, Snowflake Channel), TriviaGameActor> _byChannel = new();
    private readonly ConcurrentDictionary<long, TriviaGameActor> _byId = new();
    // Every game whose queue or messages are not done yet, including games just closed that still post their table.
    private readonly ConcurrentDictionary<long, TriviaGameActor> _actors = new();
    private readonly SemaphoreSlim _startGate = new(1, 1);
    private readonly SemaphoreSlim _recoveryGate = new(1, 1);
    private readonly CancellationTokenSource _shutdown = new();
    private bool _recovered;
    private bool _disposed;

    public TriviaCoordinator(
        ITriviaStore store, ITriviaMessenger messenger, FilmLibrary library, QuestionSelector selector,
        TimeProvider timeProvider, IOptions<TriviaNightOptions> options, IOptions<DiscordOptions> discord,
        ILogger<TriviaCoordinator> logger)
    {
        _discord = discord.Value;
        _store = store;
        _messenger = messenger;
        _library = library;
        _selector = selector;
        _time = timeProvider;
        _logger = logger;
        _context = new TriviaGameContext(
            store, messenger, timeProvider, options.Value, logger, Forget, Drained, _shutdown.Token);
    }

    /// <summary>How many nights are running in this process.</summary>
    public int RunningGames => _byId.Count;

    /// <summary>
    /// Completes when no game has anything queued, being written or being sent (posts, edits, reveals, closing).
    /// For tests and shutdown.
    /// </summary>
    public async Task WhenIdleAsync()
    {
        while (true)
        {
            var busy = _actors.Values.Select(actor => actor.WhenIdleAsync()).Where(idle => !idle.IsCompleted).ToList();
            if (busy.Count == 0) return;
            await Task.WhenAll(busy);
        }
    }

    /// <summary>
    /// Completes when one game has nothing queued, being written or being sent; at once for a game that has drained.
    /// For tests that need each game's events in a fixed order while other games run alongside.
    /// </summary>
    public Task WhenGameIdleAsync(long gameId) =>
        _actors.TryGetValue(gameId, out var actor) ? actor.WhenIdleAsync() : Task.CompletedTask;

    /// <summary>The question open in a running game, if any (for the console and tests).</summary>
    public GameQuestion? OpenQuestion(long gameId) =>
        _byId.TryGetValue(gameId, out var game) && game.Game.State == TriviaGameState.QuestionOpen
            ? game.Game.CurrentQuestion
            : null;

    /// <summary>The id of the game running in a channel, if any.</summary>
    public long? GameIn(Snowflake guildId, Snowflake channelId) =>
        _byChannel.TryGetValue((guildId, channelId), out var game) ? game.Id : null;

    /// <summary>The engine of a running game, to read (for tests).</summary>
    internal TriviaGame? EngineOf(long gameId) => _byId.TryGetValue(gameId, out var game) ? game.Game : null;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await EnsureRecoveredAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The host began stopping before start-up finished (e.g. Discord refused the token): failing its start
            // here would crash the process and hide the real exit code. Games left running are closed at the next
            // start.
            _logger.LogInformation("Trivia recovery skipped: the bot is stopping before it finished starting");
        }
    }

    /// <summary>
    /// Stops the timers of every running night without closing them: the next start finds them in the store,
    /// closes them as interrupted (points kept) and tells their channels.
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_disposed) return;
        await _shutdown.CancelAsync();
        foreach (var game in _actors.Values) game.Shutdown();
        await Task.WhenAll(_actors.Values.Select(game => game.Completion))
            .WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        foreach (var game in _actors.Values) game.Shutdown();
        _shutdown.Cancel();
        _shutdown.Dispose();
    }

    /// <summary>
    /// Starts a night about a film of the library in a channel unless one is running there. The start message and
    /// questions follow in the background.
    /// </summary>
    public async Task<TriviaStartResult> StartGameAsync(TriviaStartRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var problems = request.Settings.Validate();
        if (problems.Count > 0) throw new ArgumentException(string.Join(" ", problems), nameof(request));
        await EnsureRecoveredAsync(cancellationToken);

        var key = (request.GuildId, request.ChannelId);
        if (_byChannel.TryGetValue(key, out var existing)) return Busy(existing);
        var film = request.FilmId is null ? _library.Default : _library.Find(request.FilmId)
            ?? throw new ArgumentException($"The library holds no film '{request.FilmId}'.", nameof(request));
        var pack = film.Pack;
        var pool = request.WithinProgress is { } progress
            ? [.. pack.Trivia.Where(q => progress.Covers(pack, q))]
            : pack.Trivia;
        var selection = _selector.Select(pool, request.Settings);
        if (!selection.IsSuccess)
            return new TriviaStartResult(TriviaStartStatus.NotEnoughQuestions, Available: selection.Available);

        TriviaGameActor game;
        await _startGate.WaitAsync(cancellationToken);
        try
        {
            if (_byChannel.TryGetValue(key, out existing)) return Busy(existing);
            var created = await _store.CreateGameAsync(
                new NewGame(request.GuildId, request.ChannelId, request.StartedBy,
                request.Settings, _time.GetUtcNow(), selection.Questions, request.Locale), cancellationToken);
            if (!created.IsCreated)
            {
                // Running in the store but not here: another process of this bot holds it.
                var other = await _store.FindRunningGameAsync(request.GuildId, request.ChannelId, cancellationToken);
                return new TriviaStartResult(TriviaStartStatus.ChannelBusy, created.GameId,
                    other?.StartedBy ?? default);
            }
            game = new TriviaGameActor(created.GameId, request.GuildId, request.ChannelId, request.StartedBy,
                request.Locale, new TriviaGame(selection.Questions, request.Settings, _time), film, _context);
            _actors[game.Id] = game;
            _byId[game.Id] = game;
            _byChannel[key] = game;
        }
        finally
        {
            _startGate.Release();
        }

        LogStarted(_logger, game.Id, game.ChannelId, game.StartedBy, request.Settings.QuestionCount, pack.Film.Id);
        game.Start();
        return new TriviaStartResult(TriviaStartStatus.Started, game.Id);

        static TriviaStartResult Busy(TriviaGameActor running) =>
            new(TriviaStartStatus.ChannelBusy, running.Id, running.StartedBy);
    }

    /// <summary>
    /// Ends the night in a channel, if <paramref name="userId"/> started it or <paramref name="canManageServer"/>.
    /// Points scored so far count; the standings are posted to the channel.
    /// </summary>
    public async Task<TriviaStopResult> StopGameAsync(Snowflake guildId, Snowflake channelId, Snowflake userId,
        bool canManageServer, CancellationToken cancellationToken)
    {
        if (!_byChannel.TryGetValue((guildId, channelId), out var game))
            return new TriviaStopResult(TriviaStopStatus.NoGame);
        if (game.StartedBy != userId && !canManageServer)
            return new TriviaStopResult(TriviaStopStatus.NotAllowed, game.StartedBy);
        return await game.StopAsync(userId).WaitAsync(cancellationToken);
    }

    /// <summary>
    /// Records a click on an answer button. The game decides (one answer per player, before the deadline) and the
    /// answer is written durably, keyed by the interaction id, before this returns
    /// <see cref="TriviaClickStatus.LockedIn"/>. A redelivered interaction gets the same reply and is not counted
    /// again. Message edits happen in the background.
    /// </summary>
    public async Task<TriviaClickResult> AnswerAsync(TriviaClick click, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(click);
        var button = click.Button;
        if (!_byId.TryGetValue(button.GameId, out var game) || game.GuildId != click.GuildId
            || game.ChannelId != click.ChannelId || button.QuestionIndex >= game.Game.Questions.Count)
        {
            return new TriviaClickResult(TriviaClickStatus.UnknownGame);
        }
        return await game.AnswerAsync(click).WaitAsync(cancellationToken);
    }

    /// <summary>A game closed in the store: its channel is free and its buttons belong to no running night.</summary>
    private void Forget(TriviaGameActor game)
    {
        _byChannel.TryRemove(new KeyValuePair<(Snowflake, Snowflake), TriviaGameActor>((game.GuildId, game.ChannelId),
            game));
        _byId.TryRemove(game.Id, out _);
    }

    private void Drained(TriviaGameActor game) => _actors.TryRemove(game.Id, out _);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Trivia game {GameId} started in channel {ChannelId} by {UserId}: {Count} questions about {Film}")]
    private static partial void LogStarted(
        ILogger logger, long gameId, Snowflake channelId, Snowflake userId, int count, string film);
}
