namespace MiracleCell.Storage.Transfer;

/// <summary>How many rows of each kind a store or a scores file holds.</summary>
public sealed record TransferCounts(
    long Games, long Questions, long Answers, long Totals, long Monthly, long Clubs, long ClubProgress,
    long MemberProgress)
{
    public static TransferCounts Zero { get; } = new(0, 0, 0, 0, 0, 0, 0, 0);

    public long Total => Games + Questions + Answers + Totals + Monthly + Clubs + ClubProgress + MemberProgress;

    public override string ToString() =>
        $"{Games} games, {Questions} questions, {Answers} answers, {Totals} member totals, {Monthly} monthly points, "
        + $"{Clubs} clubs, {ClubProgress} club progress, {MemberProgress} member progress";
}
