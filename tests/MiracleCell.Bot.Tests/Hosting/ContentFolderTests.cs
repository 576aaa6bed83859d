using MiracleCell.Bot.Hosting;

namespace MiracleCell.Bot.Tests.Hosting;

public sealed class ContentFolderTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("miraclecell-").FullName;

    [Fact]
    public void A_relative_folder_is_found_by_walking_up_from_the_build_output()
    {
        var pack = Directory.CreateDirectory(Path.Combine(_root, "data", "films", "x")).FullName;
        var output = Directory.CreateDirectory(Path.Combine(_root, "src", "Bot", "bin", "Debug")).FullName;
        var elsewhere = Directory.CreateDirectory(Path.Combine(_root, "..", Path.GetFileName(_root) + "-cwd")).FullName;

        Assert.Equal(pack, ContentFolder.Resolve("data/films/x", elsewhere, output));
        Assert.Equal(pack, ContentFolder.Resolve("data/films/x", _root, "/nonexistent"));
        Directory.Delete(elsewhere);
    }

    [Fact]
    public void A_missing_folder_is_reported_as_a_problem_not_an_exception()
    {
        var missing = ContentFolder.Resolve("data/films/none", _root, _root);
        var result = ContentFolder.Load(missing);

        Assert.False(result.IsValid);
        Assert.Contains("does not exist", result.Problems.Single().Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_content_exits_1_and_prints_each_problem_for_a_bad_folder()
    {
        var error = new StringWriter();
        var exit = await BotCli.RunAsync(["check-content", Path.Combine(_root, "nope")], new StringReader(""), new StringWriter(), error);

        Assert.Equal(1, exit);
        Assert.Contains($"the film library folder {Path.Combine(_root, "nope")} does not exist", error.ToString(),
            StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
