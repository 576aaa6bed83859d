namespace MiracleCell.Storage.LiteDb;

/// <summary>
/// What the writer needs to know about a running game to take an answer without querying the file: its guild, its
/// questions, its answers by interaction and by slot, and every answer as the game's close adds it to the totals.
/// Loaded from the file when the game is first answered after it starts or after a rollback, then kept in step with
/// every insert on the writer thread.
/// </summary>
internal sealed class RunningGameAnswers(long guild, IEnumerable<int> questions, long? firstAnswer)
{
    private readonly HashSet<int> _questions = [.. questions];
    private readonly Dictionary<long, (int Question, long User)> _byInteraction = [];
    private readonly HashSet<(int Question, long User)> _slots = [];
    private readonly List<GameAnswer> _answers = [];

    public long Guild { get; } = guild;

    /// <summary>The lowest interaction id among the game's answers as the file records it (the game's
    /// <c>firstAnswer</c>), null before its first answer.</summary>
    public long? FirstAnswer { get; set; } = firstAnswer;

    public IReadOnlyList<GameAnswer> Answers => _answers;

    public bool HasQuestion(int questionIndex) => _questions.Contains(questionIndex);

    /// <summary>The slot an interaction already answered in this game, if it did.</summary>
    public (int Question, long User)? SlotOf(long interactionId) =>
        _byInteraction.TryGetValue(interactionId, out var slot) ? slot : null;

    public bool IsTaken(int questionIndex, long userId) => _slots.Contains((questionIndex, userId));

    public void Add(long interactionId, GameAnswer answer)
    {
        _byInteraction[interactionId] = (answer.QuestionIndex, answer.User);
        _slots.Add((answer.QuestionIndex, answer.User));
        _answers.Add(answer);
    }
}

/// <summary>One answer of a game as its close and its open questions read it.</summary>
internal sealed record GameAnswer(long User, int QuestionIndex, bool IsCorrect, int Points, long AnsweredAtMs);
