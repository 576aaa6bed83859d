namespace MiracleCell.Core.Trivia;

/// <summary>
/// One trivia night as a state machine: no I/O, no Discord. The caller posts each question, then calls
/// <see cref="OpenQuestion(DateTimeOffset)"/> with the time the message was posted (that is when the
/// timer starts), feeds button clicks to <see cref="RecordAnswer(int, Snowflake, AnswerChoice, DateTimeOffset)"/>,
/// and calls <see cref="Reveal"/> when the deadline passes or an answer reports that everyone has answered.
/// Safe to call from many threads at once: each player gets exactly one answer per question.
/// </summary>
/// <remarks>
/// Early reveal: once a question is open, the round ends early when every player who answered an earlier
/// question of this game has answered this one. On the first question nobody has played yet, so it
/// always runs its full time.
/// </remarks>
public sealed class TriviaGame
{
    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly Dictionary<Snowflake, PlayerTally> _players = [];
    private readonly Dictionary<Snowflake, PlayerAnswer> _currentAnswers = [];
    private HashSet<Snowflake> _rosterBeforeQuestion = [];
    private int _currentIndex = -1;
    private long _answerSequence;
    private DateTimeOffset? _deadline;
    private GameResult? _result;

    public TriviaGame(IReadOnlyList<GameQuestion> questions, TriviaSettings settings, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(questions);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(timeProvider);
        if (questions.Count == 0) throw new ArgumentException("A game needs at least one question.", nameof(questions));
        for (var i = 0; i < questions.Count; i++)
        {
            if (questions[i].Index != i)
            {
                throw new ArgumentException($"Question {i} has index {questions[i].Index}: questions must be "
                    + "numbered 0..n-1 in order.", nameof(questions));
            }
        }
        var problems = settings.Validate();
        if (problems.Count > 0) throw new ArgumentException(string.Join(" ", problems), nameof(settings));
        Questions = questions;
        Settings = settings;
        _time = timeProvider;
    }

    public IReadOnlyList<GameQuestion> Questions { get; }
    public TriviaSettings Settings { get; }
    public TimeSpan AnswerTime => Settings.AnswerTime;

    public TriviaGameState State { get { lock (_gate) { return StateUnlocked; } } }

    /// <summary>The open or last revealed question, or null before the first one.</summary>
    public GameQuestion? CurrentQuestion
    {
        get { lock (_gate) { return _currentIndex < 0 ? null : Questions[_currentIndex]; } }
    }

    /// <summary>The question to post next, or null when there is none (or the game is over).</summary>
    public GameQuestion? NextQuestion
    {
        get
        {
            lock (_gate)
            {
                return StateUnlocked is TriviaGameState.Created or TriviaGameState.Revealed
                    && _currentIndex + 1 < Questions.Count
                    ? Questions[_currentIndex + 1]
                    : null;
            }
        }
    }

    /// <summary>When the open question closes, or null when none is open. Arm the reveal timer for this.</summary>
    public DateTimeOffset? Deadline { get { lock (_gate) { return _deadline; } } }

    /// <summary>The final result once the game has finished or been stopped.</summary>
    public GameResult? Result { get { lock (_gate) { return _result; } } }

    public int PlayerCount { get { lock (_gate) { return _players.Count; } } }

    private TriviaGameState StateUnlocked { get; set; } = TriviaGameState.Created;

    /// <summary>Opens the next question; its timer runs from <paramref name="postedAt"/>, when its message was
    /// posted.</summary>
    /// <exception cref="InvalidOperationException">A question is already open, or there is no next
    /// question.</exception>
    public GameQuestion OpenQuestion(DateTimeOffset postedAt)
    {
        lock (_gate)
        {
            if (StateUnlocked is not (TriviaGameState.Created or TriviaGameState.Revealed)
                || _currentIndex + 1 >= Questions.Count)
            {
                throw new InvalidOperationException($"Cannot open a question while the game is {StateUnlocked} after "
                    + $"question {_currentIndex + 1} of {Questions.Count}.");
            }
            _currentIndex++;
            _currentAnswers.Clear();
            _rosterBeforeQuestion = [.. _players.Keys];
            _deadline = postedAt + Settings.AnswerTime;
            StateUnlocked = TriviaGameState.QuestionOpen;
            return Questions[_currentIndex];
        }
    }

    /// <summary>Opens the next question with its timer starting now.</summary>
    public GameQuestion OpenQuestion() => OpenQuestion(_time.GetUtcNow());

    /// <summary>Records a click on a question's button, timed now.</summary>
    public AnswerReceipt RecordAnswer(int questionIndex, Snowflake userId, AnswerChoice choice) =>
        RecordAnswer(questionIndex, userId, choice, _time.GetUtcNow());

    /// <summary>
    /// Records a click on button <paramref name="choice"/> of question <paramref name="questionIndex"/> made at
    /// <paramref name="at"/>. Only the first answer of each player to the open question counts.
    /// </summary>
    public AnswerReceipt RecordAnswer(int questionIndex, Snowflake userId, AnswerChoice choice, DateTimeOffset at)
    {
        if (!AnswerChoices.IsValid(choice)) return AnswerReceipt.Rejected(AnswerResult.UnknownChoice);
        lock (_gate)
        {
            if (StateUnlocked is TriviaGameState.Finished or TriviaGameState.Stopped)
                return AnswerReceipt.Rejected(AnswerResult.GameOver);
            if (StateUnlocked != TriviaGameState.QuestionOpen || questionIndex != _currentIndex
                || at >= _deadline!.Value)
            {
                return AnswerReceipt.Rejected(AnswerResult.QuestionClosed);
            }
            if (_currentAnswers.ContainsKey(userId)) return AnswerReceipt.Rejected(AnswerResult.AlreadyAnswered);

            var question = Questions[_currentIndex];
            var correct = choice == question.Correct;
            var points = TriviaScoring.PointsFor(correct, _deadline.Value - at, Settings.AnswerTime);
            _currentAnswers.Add(userId, new PlayerAnswer(userId, choice, correct, points, at));
            if (!_players.TryGetValue(userId, out var tally))
            {
                tally = new PlayerTally(userId, ++_answerSequence);
                _players.Add(userId, tally);
            }
            tally.Add(correct, points, ++_answerSequence);
            return new AnswerReceipt(AnswerResult.Accepted, correct, points, EveryoneAnsweredUnlocked());
        }
    }

    /// <summary>
    /// Takes back an answer <see cref="RecordAnswer(int, Snowflake, AnswerChoice, DateTimeOffset)"/> accepted, while
    /// its question is still open, so the player can answer again: for an answer that could not be saved, so that the
    /// night counts only what was kept. False when there is no such answer or its question has closed.
    /// </summary>
    public bool WithdrawAnswer(int questionIndex, Snowflake userId)
    {
        lock (_gate)
        {
            if (StateUnlocked != TriviaGameState.QuestionOpen || questionIndex != _currentIndex
                || !_currentAnswers.Remove(userId, out var answer))
                return false;
            var tally = _players[userId];
            tally.Undo(answer.IsCorrect, answer.Points);
            if (tally.Answers == 0) _players.Remove(userId);
            return true;
        }
    }

    /// <summary>True when a question is open and every player so far has answered it (see remarks on the
    /// class).</summary>
    public bool EveryoneAnswered { get { lock (_gate) { return EveryoneAnsweredUnlocked(); } } }

    /// <summary>True when the open question should be revealed now: its deadline has passed or everyone
    /// answered.</summary>
    public bool IsRevealDue
    {
        get
        {
            lock (_gate)
            {
                return StateUnlocked == TriviaGameState.QuestionOpen
                    && (_time.GetUtcNow() >= _deadline!.Value || EveryoneAnsweredUnlocked());
            }
        }
    }

    /// <summary>
    /// Closes the open question and tells how it went. Returns null when no question is open — for example
    /// when the timer and an early reveal race, exactly one of them gets the reveal.
    /// After the last question the game is finished and the reveal carries the final <see cref="GameResult"/>.
    /// </summary>
    public QuestionReveal? Reveal()
    {
        lock (_gate)
        {
            if (StateUnlocked != TriviaGameState.QuestionOpen) return null;
            var early = _time.GetUtcNow() < _deadline!.Value;
            var counts = new int[AnswerChoices.Count];
            foreach (var answer in _currentAnswers.Values) counts[(int)answer.Choice]++;
            var correct = _currentAnswers.Values.Where(a => a.IsCorrect).OrderBy(a => a.AnsweredAt)
                .ThenBy(a => a.UserId).ToArray();
            _deadline = null;
            StateUnlocked = TriviaGameState.Revealed;
            if (_currentIndex + 1 == Questions.Count) Finish(TriviaGameState.Finished);
            return new QuestionReveal(Questions[_currentIndex], counts, correct, StandingsUnlocked(), early, _result);
        }
    }

    /// <summary>Reveals the open question only if it is due (<see cref="IsRevealDue"/>): what a timer callback
    /// calls.</summary>
    public QuestionReveal? RevealIfDue()
    {
        lock (_gate)
        {
            return IsRevealDue ? Reveal() : null;
        }
    }

    /// <summary>
    /// Ends the night now. Points already scored count, including answers to a question that is open and
    /// will not be revealed. Calling it on a game that is already over returns that game's result.
    /// </summary>
    public GameResult Stop()
    {
        lock (_gate)
        {
            if (_result is not null) return _result;
            _deadline = null;
            return Finish(TriviaGameState.Stopped);
        }
    }

    /// <summary>
    /// Current standings. Equal points share a rank; among them the player who reached that score first
    /// is listed first.
    /// </summary>
    public IReadOnlyList<Standing> Standings()
    {
        lock (_gate) { return StandingsUnlocked(); }
    }

    private bool EveryoneAnsweredUnlocked() =>
        StateUnlocked == TriviaGameState.QuestionOpen
        && _rosterBeforeQuestion.Count > 0
        && _rosterBeforeQuestion.All(_currentAnswers.ContainsKey);

    private GameResult Finish(TriviaGameState endState)
    {
        StateUnlocked = endState;
        var standings = StandingsUnlocked();
        var enough = standings.Count >= TriviaScoring.MinPlayersForWinner;
        var winner = TriviaScoring.WinnerOf(standings.Select(s => (s.UserId, s.Points)));
        _result = new GameResult(endState, standings, enough, winner, _currentIndex + 1);
        return _result;
    }

    private IReadOnlyList<Standing> StandingsUnlocked() =>
        TriviaScoring.AssignRanks([.. _players.Values
            .OrderByDescending(p => p.Points)
            .ThenBy(p => p.ReachedScoreAt)
            .Select(p => (p.UserId, p.Points, p.Correct, p.Answers))]);

    private sealed class PlayerTally(Snowflake userId, long firstSeen)
    {
        public Snowflake UserId { get; } = userId;
        public int Points { get; private set; }
        public int Correct { get; private set; }
        public int Answers { get; private set; }

        /// <summary>Order in which the player reached their current score: the tie-break for display.</summary>
        public long ReachedScoreAt { get; private set; } = firstSeen;

        private long _reachedBefore;

        public void Add(bool correct, int points, long sequence)
        {
            Answers++;
            if (!correct) return;
            Correct++;
            Points += points;
            _reachedBefore = ReachedScoreAt;
            ReachedScoreAt = sequence;
        }

        /// <summary>Undoes the latest <see cref="Add"/>.</summary>
        public void Undo(bool correct, int points)
        {
            Answers--;
            if (!correct) return;
            Correct--;
            Points -= points;
            ReachedScoreAt = _reachedBefore;
        }
    }
}
