using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using MiracleCell.Core.Text;
using MiracleCell.Core.Trivia;
using MiracleCell.Discord.Models;

namespace MiracleCell.Bot.Trivia;

/// <summary>
/// One running trivia night. It owns the game's state and handles its events (clicks, timers, stop, shutdown, the
/// results of its posts and answer writes) one at a time from its own queue, so nothing here needs a lock and
/// nothing is shared with other games. Slow work never runs on the queue: answer writes run alongside and report
/// back; channel messages go out in order through the game's outbox and the outcome of a post reports back.
/// </summary>
/// <remarks>
/// A reveal or a stop waits until every answer already accepted is written (and the question being posted is
/// in), so an answer the store refuses can still be taken back while its question is open: the night counts
/// exactly what the store holds. Events that arrive while one waits queue behind it, in order.
/// </remarks>
internal sealed partial class TriviaGameActor
{
    private static readonly TimeSpan PostedWait = TimeSpan.FromSeconds(2);

    private readonly TriviaGameContext _context;
    private readonly Channel<GameEvent> _queue = Channel.CreateUnbounded<GameEvent>(
        new UnboundedChannelOptions { SingleReader = true, AllowSynchronousContinuations = false });
    private readonly Queue<GameEvent> _waiting = new();
    private readonly PendingWork _work = new();
    private Task _outbox = Task.CompletedTask;
    private Task _loop = Task.CompletedTask;
    private bool _ended;

    public TriviaGameActor(
        long id, Snowflake guildId, Snowflake channelId, Snowflake startedBy, Locale locale, TriviaGame game,
        Core.Films.FilmCatalog film, TriviaGameContext context)
    {
        (Id, GuildId, ChannelId, StartedBy, Locale, Game) = (id, guildId, channelId, startedBy, locale, game);
        Film = film;
        _context = context;
    }

    /// <summary>The film of the library the night asks about.</summary>
    public Core.Films.FilmCatalog Film { get; }

    public long Id { get; }
    public Snowflake GuildId { get; }
    public Snowflake ChannelId { get; }
    public Snowflake StartedBy { get; }
    public Locale Locale { get; }

    /// <summary>The engine. Only this actor changes it; others may read it (it is thread-safe).</summary>
    public TriviaGame Game { get; }

    /// <summary>Completes when nothing is queued, being written or being sent for this game.</summary>
    public Task WhenIdleAsync() => _work.WhenIdleAsync();

    /// <summary>Completes when the game's queue is closed and drained and its last message has gone out.</summary>
    public Task Completion => _loop;

    private TimeProvider Time => _context.Time;
    private ILogger Logger => _context.Logger;

    /// <summary>Starts the queue and the night: the start notice, then the first question.</summary>
    public void Start()
    {
        _loop = Task.Run(RunAsync);
        Post(new BeginEvent());
    }

    public Task<TriviaClickResult> AnswerAsync(TriviaClick click)
    {
        var at = Time.GetUtcNow();
        // A click that may beat its question's post gets its bound now, so that it holds whenever the queue takes it.
        var arrived = new ClickEvent(click, at);
        if (Volatile.Read(ref _postingIndex) == click.Button.QuestionIndex)
        {
            arrived.Expiry = TriviaTimer.ArmAt(Time, at + PostedWait, () => Post(new ClickWaitExpiredEvent(arrived)));
        }
        if (!Post(arrived)) arrived.Answer(TriviaClickStatus.GameOver);
        return arrived.Reply.Task;
    }

    public Task<TriviaStopResult> StopAsync(Snowflake userId)
    {
        var stop = new StopEvent(userId);
        if (!Post(stop)) stop.Reply.TrySetResult(new TriviaStopResult(TriviaStopStatus.NoGame));
        return stop.Reply.Task;
    }

    /// <summary>Stops the timers without closing the game in the store (the next start closes it as
    /// interrupted).</summary>
    public void Shutdown() => Post(new ShutdownEvent());

    /// <summary>Queues an event; false when the game has ended and takes no more.</summary>
    private bool Post(GameEvent gameEvent)
    {
        _work.Begin();
        if (_queue.Writer.TryWrite(gameEvent)) return true;
        _work.End();
        return false;
    }

    private async Task RunAsync()
    {
        var reader = _queue.Reader;
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (reader.TryRead(out var next)) await DispatchAsync(next);
        }
        await _outbox;
        _context.Drained(this);
    }

    private async Task DispatchAsync(GameEvent next)
    {
        if (!_ended && !IsOutcome(next) && (_waiting.Count > 0 || (WaitsForWrites(next) && Busy)))
        {
            _waiting.Enqueue(next);
            return;
        }
        await HandleSafelyAsync(next);
        while (_waiting.TryPeek(out var waiting) && (_ended || !WaitsForWrites(waiting) || !Busy))
        {
            await HandleSafelyAsync(_waiting.Dequeue());
        }
    }

    /// <summary>Outcomes of this game's own work: handled at once, since what waits is waiting for them.</summary>
    private static bool IsOutcome(GameEvent e) =>
        e is AnswerWrittenEvent or QuestionPostedEvent or PostFailedEvent or StartPostedEvent or ShutdownEvent;

    /// <summary>Events that end a question or the game: they wait for accepted answers to be written.</summary>
    private static bool WaitsForWrites(GameEvent e) => e is RevealDueEvent or StopEvent;

    private bool Busy => _pendingWrites > 0 || _postingQuestion;

    private async Task HandleSafelyAsync(GameEvent next)
    {
        try
        {
            if (_ended) HandleAfterEnd(next);
            else await HandleAsync(next);
        }
        catch (Exception ex)
        {
            LogEventFailed(Logger, ex, Id, next.GetType().Name);
            if (next is ClickEvent click) click.Reply.TrySetException(ex);
            if (next is StopEvent stop) stop.Reply.TrySetException(ex);
        }
        finally
        {
            _work.End();
        }
    }

    private Task HandleAsync(GameEvent next) => next switch
    {
        BeginEvent => Begin(),
        StartPostedEvent => PostNextQuestion(),
        ClickEvent click => HandleClick(click),
        AnswerWrittenEvent written => AnswerWrittenAsync(written),
        QuestionPostedEvent posted => QuestionPostedAsync(posted),
        PostFailedEvent failed => PostFailedAsync(failed),
        RevealDueEvent due => RevealAsync(due.Index, early: false, Time.GetUtcNow()),
        CountEditDueEvent due => EditAnswerCount(due.Index),
        NextQuestionDueEvent due => NextQuestionDue(due.AfterIndex),
        ClickWaitExpiredEvent expired => ClickWaitExpired(expired.Click),
        StopEvent stop => StopGameAsync(stop),
        ShutdownEvent => ShutDown(),
        _ => throw new InvalidOperationException($"Unknown trivia event {next.GetType().Name}."),
    };

    /// <summary>Once the game has ended every request gets its final answer and everything else is moot.</summary>
    private void HandleAfterEnd(GameEvent next)
    {
        switch (next)
        {
            case ClickEvent click:
                click.Answer(TriviaClickStatus.GameOver);
                break;
            case StopEvent stop:
                stop.Reply.TrySetResult(new TriviaStopResult(TriviaStopStatus.NoGame));
                break;
            case AnswerWrittenEvent written:
                _pendingWrites--;
                if (!written.Saved) AnswerUnsaved(written);
                break;
        }
    }

    /// <summary>Sends a channel message after every message this game sent before; failures are logged, not
    /// fatal.</summary>
    private void Send(Func<CancellationToken, Task> send, CancellationToken cancellationToken)
    {
        _work.Begin();
        _outbox = SendAfterAsync(_outbox, send, cancellationToken);
    }

    private async Task SendAfterAsync(Task previous, Func<CancellationToken, Task> send,
        CancellationToken cancellationToken)
    {
        try
        {
            await previous;
            await send(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            LogNotSent(Logger, ex, Id);
        }
        finally
        {
            _work.End();
        }
    }

    /// <summary>Replaces one of this game's messages; a lost edit costs a stale display, not the game.</summary>
    private void Edit(Snowflake messageId, MessagePayload message) =>
        Send(ct => _context.Messenger.EditAsync(ChannelId, messageId, message, ct), _context.Shutdown);
}
