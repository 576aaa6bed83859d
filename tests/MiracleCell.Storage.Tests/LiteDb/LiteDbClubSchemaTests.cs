using LiteDB;
using MiracleCell.Storage.LiteDb;

namespace MiracleCell.Storage.Tests.LiteDb;

/// <summary>
/// The club settings' place in the LiteDB file's schema versions: older files upgrade, newer are refused.
/// </summary>
public sealed class LiteDbClubSchemaTests : IDisposable
{
    private readonly TempFolder _folder = new();

    private StorageOptions Options => new() { DataFolder = _folder.Path, DatabaseFileName = "scores.litedb" };

    [Fact]
    public async Task A_file_written_before_club_settings_is_upgraded_and_keeps_its_scores()
    {
        Directory.CreateDirectory(_folder.Path);
        using (var old = new LiteDatabase(LiteDbFileOpener.Settings(Options.DatabasePath, readOnly: false)))
        {
            old.GetCollection("totals").Insert(new BsonDocument { ["_id"] = "100:1", ["guild"] = 100L, ["user"] = 1L,
                ["points"] = 30L, ["games"] = 1, ["wins"] = 1, ["answers"] = 3, ["correct"] = 3, ["bestStreak"] = 3,
                ["streak"] = 3 });
            old.UserVersion = 1;
        }

        await using (var trivia = new LiteDbTriviaStore(Options, TimeProvider.System))
        {
            var club = new LiteDbClubStore(trivia);
            await club.SetMemberProgressAsync(new Snowflake(100), new Snowflake(1), "film", 2, CancellationToken.None);
            Assert.Equal(2, await club.GetMemberProgressAsync(new Snowflake(100), new Snowflake(1), "film",
                CancellationToken.None));
            Assert.Equal(30, (await trivia.GetStatsAsync(new Snowflake(100), new Snowflake(1)))!.Points);
        }

        using var upgraded = new LiteDatabase(LiteDbFileOpener.Settings(Options.DatabasePath, readOnly: true));
        Assert.Equal(ScoreDocuments.SchemaVersion, upgraded.UserVersion);
        Assert.Equal(4, ScoreDocuments.SchemaVersion);
        var indexes = upgraded.GetCollection("$indexes")
            .Find(BsonExpression.Create("$.collection = @0", "memberProgress"));
        Assert.Contains(indexes, index => index["name"].AsString == "guild");
    }

    [Fact]
    public async Task A_file_from_a_newer_build_is_refused_and_left_as_it_was()
    {
        Directory.CreateDirectory(_folder.Path);
        using (var newer = new LiteDatabase(LiteDbFileOpener.Settings(Options.DatabasePath, readOnly: false)))
        {
            newer.UserVersion = ScoreDocuments.SchemaVersion + 1;
        }
        var before = await File.ReadAllBytesAsync(Options.DatabasePath);

        await using var trivia = new LiteDbTriviaStore(Options, TimeProvider.System);
        var club = new LiteDbClubStore(trivia);
        var error = await Assert.ThrowsAsync<StoreUnavailableException>(
            () => club.GetClubAsync(new Snowflake(100), CancellationToken.None).AsTask());

        Assert.Contains($"schema version {ScoreDocuments.SchemaVersion + 1}", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, await File.ReadAllBytesAsync(Options.DatabasePath));
    }

    public void Dispose() => _folder.Dispose();
}
