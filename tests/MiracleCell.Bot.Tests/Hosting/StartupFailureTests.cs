using System.Runtime.Versioning;
using MiracleCell.Bot.Hosting;
using MiracleCell.Testing;

namespace MiracleCell.Bot.Tests.Hosting;

/// <summary>
/// Start-up failures that are not a setting's value end with one line on stderr and exit code 78, through the same
/// entry point the bot runs. Tests that take a permission away skip when run as root, which ignores permissions.
/// </summary>
public sealed class StartupFailureTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("miraclecell-startup-").FullName;

    // A data folder of the test's own, so the default one (beside the binaries) never decides the outcome; a test's
    // own Storage:DataFolder comes later and wins.
    private string[] Arguments(params string[] settings) =>
        [.. new[]
            {
                "Discord:Token=abc.def.ghi", "Discord:GatewayUrl=ws://127.0.0.1:9/gateway",
                $"Storage:DataFolder={Path.Combine(_folder, "data")}",
            }
            .Concat(settings).Select(setting => "--" + setting)];

    private async Task<string> RunExpectingConfigurationExit(params string[] settings)
    {
        using var error = new StringWriter();
        var exitCode = await BotHost.RunAsync(Arguments(settings), error, _folder, CancellationToken.None);
        Assert.Equal(ExitCodes.Configuration, exitCode);
        return Assert.Single(error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task A_data_folder_that_is_a_regular_file_is_one_line_naming_Storage_DataFolder()
    {
        var file = Path.Combine(_folder, "state");
        await File.WriteAllTextAsync(file, "not a folder");

        var line = await RunExpectingConfigurationExit($"Storage:DataFolder={file}");

        Assert.StartsWith($"MiracleCell cannot start: Storage:DataFolder {file} is a file, not a folder", line,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_data_folder_that_cannot_be_created_is_one_line_saying_what_to_do()
    {
        var file = Path.Combine(_folder, "in-the-way");
        await File.WriteAllTextAsync(file, "a file where a parent folder should be");
        var folder = Path.Combine(file, "state");

        var line = await RunExpectingConfigurationExit($"Storage:DataFolder={folder}");

        Assert.StartsWith($"MiracleCell cannot start: Storage:DataFolder {folder} cannot be created", line,
            StringComparison.Ordinal);
        Assert.Contains("point Storage:DataFolder at a folder", line, StringComparison.Ordinal);
    }

    [NotAsRootFact]
    [UnsupportedOSPlatform("windows")]
    public async Task A_data_folder_without_write_permission_is_one_line_saying_what_to_do()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_folder, "read-only")).FullName;
        File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserExecute);

        var line = await RunExpectingConfigurationExit($"Storage:DataFolder={folder}");

        Assert.StartsWith($"MiracleCell cannot start: Storage:DataFolder {folder} is not writable", line,
            StringComparison.Ordinal);
        Assert.Contains("give the bot's user write access to it", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_settings_file_that_is_a_folder_is_one_line_naming_it()
    {
        var settings = Directory.CreateDirectory(Path.Combine(_folder, SettingsFiles.FileName)).FullName;

        var line = await RunExpectingConfigurationExit();

        Assert.Equal($"MiracleCell cannot start: the settings file {settings} is a folder, not a file: remove the "
            + "folder, or put the settings in a file of that name (appsettings.example.json shows its shape).", line);
    }

    [NotAsRootFact]
    [UnsupportedOSPlatform("windows")]
    public async Task A_settings_file_without_read_permission_is_one_line_naming_it()
    {
        var settings = Path.Combine(_folder, SettingsFiles.FileName);
        await File.WriteAllTextAsync(settings, "{}");
        File.SetUnixFileMode(settings, UnixFileMode.None);

        var line = await RunExpectingConfigurationExit();

        Assert.StartsWith($"MiracleCell cannot start: the settings file {settings} cannot be read", line,
            StringComparison.Ordinal);
        Assert.EndsWith("give the bot's user read access to it, or move it away.", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task At_debug_level_the_line_is_followed_by_the_full_exception()
    {
        var file = Path.Combine(_folder, "state");
        await File.WriteAllTextAsync(file, "not a folder");
        using var error = new StringWriter();

        var exitCode = await BotHost.RunAsync(Arguments($"Storage:DataFolder={file}", "Logging:LogLevel:Default=Debug"),
            error, _folder, CancellationToken.None);

        Assert.Equal(ExitCodes.Configuration, exitCode);
        var lines = error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("MiracleCell cannot start: Storage:DataFolder", lines[0], StringComparison.Ordinal);
        Assert.StartsWith($"{typeof(StartupException).FullName}: ", lines[1], StringComparison.Ordinal);
        Assert.Contains(lines, line => line.TrimStart().StartsWith("at ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_malformed_settings_file_is_one_line_naming_the_file_line_and_position()
    {
        var settings = Path.Combine(_folder, SettingsFiles.FileName);
        await File.WriteAllTextAsync(settings, "{\n  \"Discord\": {\n    \"Token\": \"abc\",,\n  }\n}\n");

        var line = await RunExpectingConfigurationExit();

        Assert.StartsWith($"MiracleCell cannot start: the settings file {settings} is not valid JSON "
            + "at line 3, position", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_content_pack_file_that_is_a_folder_stops_the_start_with_exit_78_and_no_stack_trace()
    {
        var pack = Directory.CreateDirectory(Path.Combine(_folder, "pack")).FullName;
        var film = Directory.CreateDirectory(Path.Combine(pack, "film.yaml")).FullName;

        var line = await RunExpectingConfigurationExit($"Bot:ContentFolder={pack}");

        Assert.StartsWith($"MiracleCell cannot start: Bot:ContentFolder: no film pack in {pack} is valid", line,
            StringComparison.Ordinal);
        Assert.Contains($"{film} is a folder, not a file", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_library_with_no_valid_pack_is_one_line_naming_the_folder_and_check_content()
    {
        var library = Directory.CreateDirectory(Path.Combine(_folder, "films")).FullName;
        var bad = Directory.CreateDirectory(Path.Combine(library, "broken")).FullName;
        await File.WriteAllTextAsync(Path.Combine(bad, "film.yaml"), "id: [not, an, id\n");

        var line = await RunExpectingConfigurationExit($"Bot:ContentFolder={library}");

        Assert.StartsWith($"MiracleCell cannot start: Bot:ContentFolder: no film pack in {library} is valid ("
            + bad, line, StringComparison.Ordinal);
        Assert.EndsWith($"run 'MiracleCell.Bot check-content {library}' and fix the problems it lists).", line,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_library_folder_with_no_pack_at_all_is_one_line_saying_where_packs_go()
    {
        var library = Directory.CreateDirectory(Path.Combine(_folder, "empty-films")).FullName;

        var line = await RunExpectingConfigurationExit($"Bot:ContentFolder={library}");

        Assert.StartsWith($"MiracleCell cannot start: Bot:ContentFolder: the film library folder {library} holds no "
            + "film pack", line, StringComparison.Ordinal);
    }

    [NotAsRootFact]
    [UnsupportedOSPlatform("windows")]
    public async Task A_content_pack_file_without_read_permission_is_one_line_naming_the_pack()
    {
        var pack = Directory.CreateDirectory(Path.Combine(_folder, "pack")).FullName;
        var film = Path.Combine(pack, "film.yaml");
        await File.WriteAllTextAsync(film, "id: a-film\n");
        File.SetUnixFileMode(film, UnixFileMode.None);

        var line = await RunExpectingConfigurationExit($"Bot:ContentFolder={pack}");

        Assert.StartsWith($"MiracleCell cannot start: Bot:ContentFolder: no film pack in {pack} is valid (", line,
            StringComparison.Ordinal);
        Assert.Contains(film, line, StringComparison.Ordinal);
        Assert.EndsWith("and fix the problems it lists).", line, StringComparison.Ordinal);
    }

    [Fact]
    public void The_full_exception_is_printed_only_at_debug_level()
    {
        Assert.False(StartupFailures.WantsDetail([], _ => null));
        Assert.False(StartupFailures.WantsDetail([], _ => "Information"));
        Assert.True(StartupFailures.WantsDetail([], _ => "Debug"));
        Assert.True(StartupFailures.WantsDetail(["--Logging:LogLevel:Default=Trace"], _ => null));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
