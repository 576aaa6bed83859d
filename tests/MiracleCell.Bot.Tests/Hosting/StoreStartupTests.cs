using MiracleCell.Bot.Hosting;
using MiracleCell.Storage;
using MiracleCell.Storage.LiteDb;

namespace MiracleCell.Bot.Tests.Hosting;

public sealed class StoreStartupTests : IDisposable
{
    private readonly string _dataFolder = Path.Combine(Path.GetTempPath(), "miraclecell-tests",
        Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        try { Directory.Delete(_dataFolder, recursive: true); } catch (DirectoryNotFoundException) { }
    }

    private static string RealContentFolder()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var pack = Path.Combine(folder.FullName, "data", "films", "miracle-in-cell-no-7");
            if (Directory.Exists(pack)) return pack;
        }
        throw new InvalidOperationException("The repository's content pack was not found above the test binaries.");
    }

    [Fact]
    public async Task A_second_bot_on_a_data_folder_in_use_stops_before_connecting_with_one_line_and_exit_code_78()
    {
        await using var running = new LiteDbTriviaStore(new StorageOptions { DataFolder = _dataFolder },
            TimeProvider.System);
        await running.InitializeAsync();
        using var error = new StringWriter();

        var exitCode = await BotHost.RunAsync(
            ["--Discord:Token=test-token", "--Discord:GatewayUrl=ws://127.0.0.1:9/gateway",
                $"--Bot:ContentFolder={RealContentFolder()}",
             $"--Storage:DataFolder={_dataFolder}", "--Logging:LogLevel:Default=None"],
            error, CancellationToken.None);

        Assert.Equal(ExitCodes.Configuration, exitCode);
        var line = Assert.Single(error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("MiracleCell cannot start: The score database ", line, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(_dataFolder, "miraclecell.litedb"), line, StringComparison.Ordinal);
        Assert.Contains("in use by another running MiracleCell", line, StringComparison.Ordinal);
    }
}
