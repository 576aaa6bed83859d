using MiracleCell.Storage.LiteDb;
using MiracleCell.Storage.PostgreSql;
using MiracleCell.Storage.Tests.PostgreSql;
using MiracleCell.Storage.Transfer;
using MiracleCell.Testing;
using static MiracleCell.Storage.Tests.StoreTestKit;
using static MiracleCell.Storage.Tests.Transfer.TransferTestKit;

namespace MiracleCell.Storage.Tests.Transfer;

/// <summary>
/// scores export and import between the two stores, both ways, through a real file and a real server.
/// </summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class ScoresTransferTests(PostgreSqlServer server) : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly ManualTimeProvider _clock = new(Start);

    private string FilePath => Path.Combine(Directory.CreateDirectory(_folder.Path).FullName, "scores.jsonl");

    [PostgreSqlFact]
    public async Task LiteDb_scores_exported_and_imported_into_PostgreSql_show_the_same_leaderboards()
    {
        await using var source = OpenLiteDb(Path.Combine(_folder.Path, "source"), _clock);
        var sourceClub = new LiteDbClubStore(source);
        await FillAsync(source, sourceClub, _clock);
        await using var target = PostgreSqlTestKit.Open(await server.CreateDatabaseAsync(), _clock);
        var targetClub = new PostgreSqlClubStore(target);

        var exported = await ScoresTransfer.ExportAsync(source, FilePath, _clock, CancellationToken.None);
        var imported = await ScoresTransfer.ImportAsync(target, FilePath, replace: false, CancellationToken.None);

        Assert.Equal(new TransferCounts(4, 11, 8, 4, 4, 1, 3, 2), exported);
        Assert.Equal(exported, imported);
        Assert.Equal(await RowsAsync(source), await RowsAsync(target));
        Assert.Equal(await WhatMembersSeeAsync(source, sourceClub), await WhatMembersSeeAsync(target, targetClub));
        await PlayOnAsync(target);
    }

    [PostgreSqlFact]
    public async Task PostgreSql_scores_exported_and_imported_into_LiteDb_show_the_same_leaderboards()
    {
        await using var source = PostgreSqlTestKit.Open(await server.CreateDatabaseAsync(), _clock);
        var sourceClub = new PostgreSqlClubStore(source);
        await FillAsync(source, sourceClub, _clock);
        await using var target = OpenLiteDb(Path.Combine(_folder.Path, "target"), _clock);
        var targetClub = new LiteDbClubStore(target);

        var exported = await ScoresTransfer.ExportAsync(source, FilePath, _clock, CancellationToken.None);
        var imported = await ScoresTransfer.ImportAsync(target, FilePath, replace: false, CancellationToken.None);

        Assert.Equal(new TransferCounts(4, 11, 8, 4, 4, 1, 3, 2), exported);
        Assert.Equal(exported, imported);
        Assert.Equal(await RowsAsync(source), await RowsAsync(target));
        Assert.Equal(await WhatMembersSeeAsync(source, sourceClub), await WhatMembersSeeAsync(target, targetClub));
        await PlayOnAsync(target);
    }

    [PostgreSqlFact]
    public async Task A_target_holding_data_is_refused_unless_replace_is_given()
    {
        await using var source = OpenLiteDb(Path.Combine(_folder.Path, "source"), _clock);
        await FillAsync(source, new LiteDbClubStore(source), _clock);
        await ScoresTransfer.ExportAsync(source, FilePath, _clock, CancellationToken.None);
        await using var target = PostgreSqlTestKit.Open(await server.CreateDatabaseAsync(), _clock);
        await new PostgreSqlClubStore(target).SetCurrentFilmAsync(GuildB, "already-here", CancellationToken.None);

        var refused = await Assert.ThrowsAsync<ScoresImportRefusedException>(
            () => ScoresTransfer.ImportAsync(target, FilePath, replace: false, CancellationToken.None));
        Assert.Contains("--replace", refused.Message, StringComparison.Ordinal);
        Assert.Equal(new TransferCounts(0, 0, 0, 0, 0, 1, 0, 0), await target.CountAsync(CancellationToken.None));

        await ScoresTransfer.ImportAsync(target, FilePath, replace: true, CancellationToken.None);
        Assert.Equal(await RowsAsync(source), await RowsAsync(target));
    }

    [Fact]
    public async Task Importing_into_LiteDb_again_with_replace_keeps_only_the_files_data()
    {
        await using var source = OpenLiteDb(Path.Combine(_folder.Path, "source"), _clock);
        await FillAsync(source, new LiteDbClubStore(source), _clock);
        await ScoresTransfer.ExportAsync(source, FilePath, _clock, CancellationToken.None);
        await using var target = OpenLiteDb(Path.Combine(_folder.Path, "target"), _clock);
        await StartGameAsync(target, GuildB, channel: new(99));

        await Assert.ThrowsAsync<ScoresImportRefusedException>(
            () => ScoresTransfer.ImportAsync(target, FilePath, replace: false, CancellationToken.None));
        await ScoresTransfer.ImportAsync(target, FilePath, replace: true, CancellationToken.None);

        Assert.Equal(await RowsAsync(source), await RowsAsync(target));
        Assert.Null(await target.FindRunningGameAsync(GuildB, new Snowflake(99)));
    }

    /// <summary>The imported running game takes answers, and a new game gets an id no imported game has.</summary>
    private async Task PlayOnAsync(ITriviaStore target)
    {
        var running = await target.FindRunningGameAsync(GuildA, new Snowflake(2));
        Assert.NotNull(running);
        Assert.Equal(AnswerWriteResult.Recorded, await target.RecordAnswerAsync(Answer(running.GameId, 0, Ann, 5)));
        Assert.Equal(AnswerWriteResult.AlreadyAnswered,
            await target.RecordAnswerAsync(Answer(running.GameId, 0, Cat, 5, interaction: new(777))));
        var fresh = await StartGameAsync(target, GuildB, channel: new(50));
        Assert.True(fresh > running.GameId);
        Assert.Equal(AnswerWriteResult.Recorded,
            await target.RecordAnswerAsync(Answer(fresh, 0, Cat, 5, guild: GuildB)));
    }

    public void Dispose() => _folder.Dispose();
}
