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
        var exit = await BotCli.RunAsync(["check-content", Path.Combine(_root, "nope")], new StringReader(""),
            new StringWriter(), error);

        Assert.Equal(1, exit);
        Assert.Contains($"the film library folder {Path.Combine(_root, "nope")} does not exist", error.ToString(),
            StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task Check_content_reports_each_pack_of_a_library_and_exits_1_when_one_is_bad()
    {
        var library = Directory.CreateDirectory(Path.Combine(_root, "library")).FullName;
        foreach (var name in new[] { "the-lantern-keeper", "misnamed-copy" })
        {
            var target = Directory.CreateDirectory(Path.Combine(library, name)).FullName;
            foreach (var file in Directory.EnumerateFiles(PackFolders.LanternKeeper))
                File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }
        var output = new StringWriter();
        var error = new StringWriter();

        var exit = await BotCli.RunAsync(["check-content", library], new StringReader(""), output, error);

        Assert.Equal(1, exit);
        Assert.Contains($"{Path.Combine(library, "the-lantern-keeper")}: valid", output.ToString(),
            StringComparison.Ordinal);
        Assert.Contains($"{library}: 1 of 2 film pack(s) valid", output.ToString(), StringComparison.Ordinal);
        Assert.Contains($"{Path.Combine(library, "misnamed-copy")}: ", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("film.yaml:", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_content_of_the_shipped_library_passes()
    {
        var output = new StringWriter();
        var error = new StringWriter();

        var exit = await BotCli.RunAsync(["check-content", PackFolders.Shipped], new StringReader(""), output, error);

        Assert.True(exit == 0, error.ToString());
        Assert.Contains("miracle-in-cell-no-7: valid", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_pack_beside_a_good_one_is_a_warning_per_problem_not_a_failure()
    {
        var library = Directory.CreateDirectory(Path.Combine(_root, "films")).FullName;
        foreach (var name in new[] { "the-lantern-keeper", "misnamed-copy" })
        {
            var target = Directory.CreateDirectory(Path.Combine(library, name)).FullName;
            foreach (var file in Directory.EnumerateFiles(PackFolders.LanternKeeper))
                File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }

        var loaded = ContentFolder.LoadLibrary(library);

        Assert.Null(ContentFolder.Unusable(loaded));
        Assert.Equal("the-lantern-keeper", Assert.Single(loaded.Library!.Films).Pack.Film.Id);
        Assert.All(ContentFolder.SkippedPackLines(loaded), line => Assert.StartsWith(
            $"Film pack {Path.Combine(library, "misnamed-copy")} left out: film.yaml:", line,
            StringComparison.Ordinal));
        Assert.NotEmpty(ContentFolder.SkippedPackLines(loaded));
    }
}
