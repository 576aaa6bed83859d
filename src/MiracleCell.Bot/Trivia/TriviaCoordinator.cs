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
/// Runs every trivia night of this process, one per channel. It posts each question as a channel message, starts
/// its timer when the message has been posted, records each answer durably before it is acknowledged, reveals on
/// the timer or when everyone has answered, and closes the game in the store exactly once. Slow work (posting and
/// editing messages) runs in the background, never on a button click's path.
/// As a hosted service it first closes games a previous process left running and tells their channels.
/// </summary>
public sealed partial class TriviaCoordinator : IHostedService, IAsyncDisposable, IDisposable
{
    private readonly ITriviaStore _store;
    private readonly ITriviaMessenger _messenger;
    private readonly FilmCatalog _catalog;
    private readonly QuestionSelector _selector;
    private readonly TimeProvider _time;
    private readonly TriviaNightOptions _options;
    private readonly DiscordOptions _discord;
    private readonly ILogger<TriviaCoordinator> _logger;
    private readonly ConcurrentDictionary<(ulong Guild, ulong Channel), RunningGame> _byChannel = new();
    private readonly ConcurrentDictionary<long, RunningGame> _byId = new();
    private readonly SemaphoreSlim _startGate = new(1, 1);
    private readonly SemaphoreSlim _recoveryGate = new(1, 1);
    private readonly PendingWork _background = new();
    private readonly CancellationTokenSource _shutdown = new();
    private bool _recovered;
    private bool _disposed;

    public TriviaCoordinator(
        ITriviaStore store, ITriviaMessenger messenger, FilmCatalog catalog, QuestionSelector selector,
        TimeProvider timeProvider, IOptions<TriviaNightOptions> options, IOptions<DiscordOptions> discord, ILogger<TriviaCoordinator> logger)
    {
        _discord = discord.Value;
        _store = store;
        _messenger = messenger;
        _catalog = catalog;
        _selector = selector;
        _time = timeProvider;
        _options = options.Value;
        _logger = logger;
    }

    /// <summary>How many nights are running in this process.</summary>
    public int RunningGames => _byId.Count;

    /// <summary>Completes when no background work (posts, edits, reveals, closing) is in progress. For tests and shutdown.</summary>
    public Task WhenIdleAsync() => _background.WhenIdleAsync();

    /// <summary>The question open in a running game, if any (for the console and tests).</summary>
    public GameQuestion? OpenQuestion(long gameId) =>
        _byId.TryGetValue(gameId, out var run) && run.Game.State == TriviaGameState.QuestionOpen ? run.Game.CurrentQuestion : null;

    /// <summary>The id of the game running in a channel, if any.</summary>
    public long? GameIn(ulong guildId, ulong channelId) => _byChannel.TryGetValue((guildId, channelId), out var run) ? run.Id : null;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await EnsureRecoveredAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The host began stopping before start-up finished (e.g. Discord refused the token): failing its start
            // here would crash the process and hide the real exit code. Games left running are closed at the next start.
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
        foreach (var run in _byId.Values)
        {
            run.Ended = true;
            run.CancelTimers();
        }
        await _background.WhenIdleAsync().WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
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
        foreach (var run in _byId.Values)
        {
            run.Ended = true;
            run.CancelTimers();
        }
        _shutdown.Cancel();
        _shutdown.Dispose();
    }

    /// <summary>Starts a night in a channel unless one is running there. The start message and questions follow in the background.</summary>
    public async Task<TriviaStartResult> StartGameAsync(TriviaStartRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var problems = request.Settings.Validate();
        if (problems.Count > 0) throw new ArgumentException(string.Join(" ", problems), nameof(request));
        await EnsureRecoveredAsync(cancellationToken);

        var key = (request.GuildId, request.ChannelId);
        if (_byChannel.TryGetValue(key, out var existing)) return new TriviaStartResult(TriviaStartStatus.ChannelBusy, existing.Id, existing.StartedBy);
        var selection = _selector.Select(_catalog.Pack.Trivia, request.Settings);
        if (!selection.IsSuccess) return new TriviaStartResult(TriviaStartStatus.NotEnoughQuestions, Available: selection.Available);

        RunningGame run;
        await _startGate.WaitAsync(cancellationToken);
        try
        {
            if (_byChannel.TryGetValue(key, out existing)) return new TriviaStartResult(TriviaStartStatus.ChannelBusy, existing.Id, existing.StartedBy);
            var created = await _store.CreateGameAsync(
                new NewGame(request.GuildId, request.ChannelId, request.StartedBy, request.Settings, _time.GetUtcNow(), selection.Questions, request.Locale), cancellationToken);
            if (!created.IsCreated)
            {
                // Running in the store but not here: another process of this bot holds it.
                var other = await _store.FindRunningGameAsync(request.GuildId, request.ChannelId, cancellationToken);
                return new TriviaStartResult(TriviaStartStatus.ChannelBusy, created.GameId, other?.StartedBy ?? 0);
            }
            run = new RunningGame(created.GameId, request.GuildId, request.ChannelId, request.StartedBy, request.Locale,
                new TriviaGame(selection.Questions, request.Settings, _time));
            _byId[run.Id] = run;
            _byChannel[key] = run;
        }
        finally
        {
            _startGate.Release();
        }

        _logger.LogInformation("Trivia game {GameId} started in channel {ChannelId} by {UserId}: {Count} questions", run.Id, run.ChannelId, run.StartedBy, request.Settings.QuestionCount);
        InBackground(() => BeginAsync(run));
        return new TriviaStartResult(TriviaStartStatus.Started, run.Id);
    }

    /// <summary>
    /// Ends the night in a channel, if <paramref name="userId"/> started it or <paramref name="canManageServer"/>.
    /// Points scored so far count; the standings are posted to the channel.
    /// </summary>
    public async Task<TriviaStopResult> StopGameAsync(ulong guildId, ulong channelId, ulong userId, bool canManageServer, CancellationToken cancellationToken)
    {
        if (!_byChannel.TryGetValue((guildId, channelId), out var run)) return new TriviaStopResult(TriviaStopStatus.NoGame);
        if (run.StartedBy != userId && !canManageServer) return new TriviaStopResult(TriviaStopStatus.NotAllowed, run.StartedBy);

        await run.Lifecycle.WaitAsync(cancellationToken);
        try
        {
            if (run.Ended) return new TriviaStopResult(TriviaStopStatus.NoGame);
            var openQuestion = run.Game.State == TriviaGameState.QuestionOpen ? run.Game.CurrentQuestion : null;
            var result = run.Game.Stop();
            run.CancelTimers();
            if (openQuestion is not null && run.QuestionMessageId is { } messageId)
            {
                var closed = TriviaMessages.QuestionStopped(run.Id, openQuestion, run.Game.Questions.Count, run.Answered, run.Locale);
                InBackground(() => _messenger.EditAsync(run.ChannelId, messageId, closed, _shutdown.Token));
            }
            await CloseAsync(run, result, GameEndState.Stopped, stoppedBy: userId, endedEarly: false);
            return new TriviaStopResult(TriviaStopStatus.Stopped, run.StartedBy, result);
        }
        finally
        {
            run.Lifecycle.Release();
        }
    }

    /// <summary>Runs slow work off the caller's path; failures are logged, and <see cref="WhenIdleAsync"/> waits for it.</summary>
    private void InBackground(Func<Task> work)
    {
        _background.Begin();
        _ = Task.Run(async () =>
        {
            try
            {
                await work();
            }
            catch (OperationCanceledException) when (_shutdown.IsCancellationRequested)
            {
            }
            catch (Exception ex)
            {
                _logger.LogError(ex, "Trivia background work failed");
            }
            finally
            {
                _background.End();
            }
        });
    }
}
