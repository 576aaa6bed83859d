namespace MiracleCell.Storage.LiteDb;

/// <summary>
/// What the writer needs to know about a running game to take an answer without querying the file: its guild, its
/// questions, and the answers it holds by interaction and by slot. Loaded from the file when the game is first
/// answered after it starts or after a rollback, then kept in step with every insert on the writer thread.
/// </summary>
internal sealed class RunningGameAnswers(long guild, IEnumerable<int> questions)
{
    private readonly HashSet<int> _questions = [.. questions];
    private readonly Dictionary<long, (int Question, long User)> _byInteraction = [];
    private readonly HashSet<(int Question, long User)> _slots = [];

    public long Guild { get; } = guild;

    public bool HasQuestion(int questionIndex) => _questions.Contains(questionIndex);

    /// <summary>The slot an interaction already answered in this game, if it did.</summary>
    public (int Question, long User)? SlotOf(long interactionId) =>
        _byInteraction.TryGetValue(interactionId, out var slot) ? slot : null;

    public bool IsTaken(int questionIndex, long userId) => _slots.Contains((questionIndex, userId));

    public void Add(long interactionId, int questionIndex, long userId)
    {
        _byInteraction[interactionId] = (questionIndex, userId);
        _slots.Add((questionIndex, userId));
    }
}
