using Microsoft.Extensions.Configuration;
using MiracleCell.Bot.Hosting;

namespace MiracleCell.Bot.Tests.Hosting;

public sealed class SettingsFilesTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("miraclecell-settings-").FullName;

    [Fact]
    public void The_working_directory_settings_file_overrides_the_shipped_one_but_not_the_environment()
    {
        File.WriteAllText(Path.Combine(_folder, SettingsFiles.FileName),
            """{ "Discord": { "Token": "from-file", "ShardCount": 2 } }""");
        var shipped = Directory.CreateDirectory(Path.Combine(_folder, "shipped")).FullName;
        File.WriteAllText(Path.Combine(shipped, SettingsFiles.FileName),
            """{ "Discord": { "Token": "shipped" }, "Bot": { "ContentFolder": "shipped-folder" } }""");
        var configuration = new ConfigurationManager();
        configuration.AddJsonFile(Path.Combine(shipped, SettingsFiles.FileName), optional: false);
        configuration.AddInMemoryCollection([new("Discord:ShardCount", "3")]); // stands for the environment

        SettingsFiles.AddWorkingDirectorySettings(configuration, _folder);

        Assert.Equal("from-file", configuration["Discord:Token"]);
        Assert.Equal("3", configuration["Discord:ShardCount"]);
        Assert.Equal("shipped-folder", configuration["Bot:ContentFolder"]);
    }

    [Fact]
    public void A_missing_working_directory_settings_file_is_not_an_error()
    {
        var configuration = new ConfigurationManager();
        configuration.AddInMemoryCollection([new("Discord:Token", "shipped")]);

        SettingsFiles.AddWorkingDirectorySettings(configuration, _folder);

        Assert.Equal("shipped", configuration["Discord:Token"]);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
