using System.Collections.Concurrent;
using MiracleCell.Core.Text;
using MiracleCell.Core.Trivia;

namespace MiracleCell.Bot.Trivia;

/// <summary>
/// One trivia night held by the coordinator: the engine's game plus what Discord needs (the channel, the open
/// question's message, the timers). Lifecycle steps (post, reveal, stop) run one at a time under
/// <see cref="Lifecycle"/>; answers only touch the engine, which is thread-safe, and the counters here.
/// </summary>
internal sealed class RunningGame(long id, ulong guildId, ulong channelId, ulong startedBy, Locale locale, TriviaGame game)
{
    private readonly Lock _gate = new();
    private readonly ConcurrentDictionary<ulong, (ulong InteractionId, AnswerChoice Choice)> _lockedIn = new();
    private ITimer? _revealTimer;
    private ITimer? _countTimer;
    private ITimer? _nextTimer;
    private int _answered;
    private TaskCompletionSource _questionPosted = NewSignal();

    public long Id { get; } = id;
    public ulong GuildId { get; } = guildId;
    public ulong ChannelId { get; } = channelId;
    public ulong StartedBy { get; } = startedBy;
    public Locale Locale { get; } = locale;
    public TriviaGame Game { get; } = game;

    public SemaphoreSlim Lifecycle { get; } = new(1, 1);

    /// <summary>Answer writes accepted by the engine and not yet durable: drained before the game is closed in the store.</summary>
    public PendingWork AnswerWrites { get; } = new();

    /// <summary>Set once the game is closed (finished, stopped or shut down): no more posts, edits or timers.</summary>
    public bool Ended { get; set; }

    public ulong? QuestionMessageId { get; private set; }
    public int QuestionIndex { get; private set; } = -1;
    public DateTimeOffset LastCountEditAt { get; private set; }
    public bool CountEditScheduled { get; private set; }
    public int Answered => Volatile.Read(ref _answered);

    /// <summary>Prepares for a new question before it is opened in the engine.</summary>
    public void BeginQuestion(int index)
    {
        lock (_gate)
        {
            CancelTimersUnlocked();
            _lockedIn.Clear();
            _answered = 0;
            QuestionIndex = index;
            QuestionMessageId = null;
            CountEditScheduled = false;
            _questionPosted.TrySetResult();
            _questionPosted = NewSignal();
        }
    }

    /// <summary>True while question <paramref name="index"/> is being posted: its buttons may be seen, but it is not open yet.</summary>
    public bool IsPosting(int index)
    {
        lock (_gate) { return !Ended && QuestionIndex == index && QuestionMessageId is null; }
    }

    /// <summary>Completes when the question being posted has opened, or when the game no longer waits for it.</summary>
    public Task WhenQuestionPostedAsync()
    {
        lock (_gate) { return _questionPosted.Task; }
    }

    public void QuestionPosted(ulong messageId, DateTimeOffset postedAt, ITimer revealTimer)
    {
        lock (_gate)
        {
            QuestionMessageId = messageId;
            LastCountEditAt = postedAt;
            _revealTimer = revealTimer;
            _questionPosted.TrySetResult();
        }
    }

    public void ReplaceRevealTimer(ITimer timer)
    {
        lock (_gate)
        {
            _revealTimer?.Dispose();
            _revealTimer = timer;
        }
    }

    public void LockedIn(ulong userId, ulong interactionId, AnswerChoice choice)
    {
        _lockedIn.TryAdd(userId, (interactionId, choice));
        Interlocked.Increment(ref _answered);
    }

    /// <summary>Undoes <see cref="LockedIn"/> for an answer the engine took back.</summary>
    public void Withdrawn(ulong userId)
    {
        if (_lockedIn.TryRemove(userId, out _)) Interlocked.Decrement(ref _answered);
    }

    public (ulong InteractionId, AnswerChoice Choice)? LockedInAnswer(ulong userId) =>
        _lockedIn.TryGetValue(userId, out var locked) ? locked : null;

    /// <summary>Claims the next answer-count edit; false when one is already scheduled.</summary>
    public bool TryScheduleCountEdit()
    {
        lock (_gate)
        {
            if (CountEditScheduled || Ended) return false;
            CountEditScheduled = true;
            return true;
        }
    }

    public void SetCountTimer(ITimer timer)
    {
        lock (_gate)
        {
            _countTimer?.Dispose();
            _countTimer = timer;
        }
    }

    /// <summary>Called when the scheduled count edit runs: later answers may schedule another.</summary>
    public void CountEditStarted(DateTimeOffset at)
    {
        lock (_gate)
        {
            CountEditScheduled = false;
            LastCountEditAt = at;
        }
    }

    public void SetNextTimer(ITimer timer)
    {
        lock (_gate)
        {
            _nextTimer?.Dispose();
            _nextTimer = timer;
        }
    }

    public void CancelTimers()
    {
        lock (_gate) { CancelTimersUnlocked(); }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private void CancelTimersUnlocked()
    {
        // Stopping or closing: clicks waiting for a question that will not open are let go.
        _questionPosted.TrySetResult();
        _revealTimer?.Dispose();
        _countTimer?.Dispose();
        _nextTimer?.Dispose();
        _revealTimer = _countTimer = _nextTimer = null;
    }
}
