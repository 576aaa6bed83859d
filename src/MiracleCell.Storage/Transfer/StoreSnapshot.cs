namespace MiracleCell.Storage.Transfer;

/// <summary>Everything a store holds, row by row, as moved between stores by a scores file.</summary>
public sealed class StoreSnapshot
{
    public List<GameRow> Games { get; } = [];
    public List<QuestionRow> Questions { get; } = [];
    public List<AnswerRow> Answers { get; } = [];
    public List<TotalRow> Totals { get; } = [];
    public List<MonthlyRow> Monthly { get; } = [];
    public List<ClubRow> Clubs { get; } = [];
    public List<ClubProgressRow> ClubProgress { get; } = [];
    public List<MemberProgressRow> MemberProgress { get; } = [];

    public TransferCounts Counts => new(Games.Count, Questions.Count, Answers.Count, Totals.Count, Monthly.Count,
        Clubs.Count, ClubProgress.Count, MemberProgress.Count);

    /// <summary>
    /// Every row, in an order an importer can insert them in (games before their questions and answers).
    /// </summary>
    public IEnumerable<TransferLine> Rows() =>
        Games.Concat<TransferLine>(Questions).Concat(Answers).Concat(Totals).Concat(Monthly)
            .Concat(Clubs).Concat(ClubProgress).Concat(MemberProgress);

    public void Add(TransferLine row)
    {
        switch (row)
        {
            case GameRow game: Games.Add(game); break;
            case QuestionRow question: Questions.Add(question); break;
            case AnswerRow answer: Answers.Add(answer); break;
            case TotalRow total: Totals.Add(total); break;
            case MonthlyRow monthly: Monthly.Add(monthly); break;
            case ClubRow club: Clubs.Add(club); break;
            case ClubProgressRow progress: ClubProgress.Add(progress); break;
            case MemberProgressRow member: MemberProgress.Add(member); break;
            default: throw new ArgumentException($"{row.GetType().Name} is not a stored row.", nameof(row));
        }
    }
}
