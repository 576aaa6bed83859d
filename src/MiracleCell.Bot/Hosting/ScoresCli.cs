using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MiracleCell.Bot.Console;
using MiracleCell.Storage;
using MiracleCell.Storage.Transfer;

namespace MiracleCell.Bot.Hosting;

/// <summary>
/// <c>scores export &lt;file&gt;</c> and <c>scores import &lt;file&gt; [--replace]</c>: move everything the configured
/// store holds (Storage:Provider and its settings, read as the bot reads them) to or from a scores file. Run them
/// with the bot stopped.
/// </summary>
internal static class ScoresCli
{
    public const int ExitOk = 0, ExitFailed = 1, ExitUsage = 2;

    public const string Usage = """
        Usage:
          MiracleCell.Bot scores export <file> [--Storage:Provider=… other settings]
          MiracleCell.Bot scores import <file> [--replace] [--Storage:Provider=… other settings]
        The store is the one the bot is configured with (appsettings.json, environment, these --Section:Key=value).
        import refuses a store that already holds data unless --replace is given, which deletes that data first.
        """;

    public static async Task<int> RunAsync(
        string[] args, TextWriter output, TextWriter error, string workingDirectory,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length < 2 || args[0] is not ("export" or "import")
            || args[1].StartsWith("--", StringComparison.Ordinal))
        {
            await error.WriteLineAsync(Usage);
            return ExitUsage;
        }
        var import = args[0] == "import";
        var path = args[1];
        var rest = args[2..];
        var replace = import && rest.Contains("--replace", StringComparer.Ordinal);
        var settings = rest.Where(a => a != "--replace" || !import).ToArray();
        var unexpected = settings.FirstOrDefault(
            a => !a.StartsWith("--", StringComparison.Ordinal) || !a.Contains('=', StringComparison.Ordinal));
        if (unexpected is not null)
        {
            await error.WriteLineAsync($"Unexpected argument '{unexpected}'.\n{Usage}");
            return ExitUsage;
        }

        try
        {
            using var host = Build(settings, error, workingDirectory);
            var options = host.Services.GetRequiredService<IOptions<StorageOptions>>().Value;
            await using var store = host.Services.GetRequiredService<ITriviaStore>();
            if (store is not IScoresTransfer transfer)
            {
                await error.WriteLineAsync($"The {options.Provider} store cannot export or import scores.");
                return ExitFailed;
            }
            await store.InitializeAsync(cancellationToken);
            if (import)
            {
                var counts = await ScoresTransfer.ImportAsync(transfer, path, replace, cancellationToken);
                await output.WriteLineAsync($"Imported {counts} into the {transfer.ProviderName} store from {path}.");
            }
            else
            {
                var time = host.Services.GetRequiredService<TimeProvider>();
                var counts = await ScoresTransfer.ExportAsync(transfer, path, time, cancellationToken);
                await output.WriteLineAsync($"Exported {counts} from the {transfer.ProviderName} store to {path}.");
            }
            return ExitOk;
        }
        catch (Exception ex) when (ex is ScoresFileException or ScoresImportRefusedException)
        {
            await error.WriteLineAsync(ex.Message);
            return ExitFailed;
        }
        catch (OptionsValidationException ex)
        {
            foreach (var failure in ex.Failures)
            {
                await error.WriteLineAsync($"MiracleCell cannot open the store: {failure}");
            }
            return ExitCodes.Configuration;
        }
        catch (Exception ex) when (StartupFailures.Describe(ex) is { } cause)
        {
            await error.WriteLineAsync($"MiracleCell cannot open the store: {cause}");
            return ExitCodes.Configuration;
        }
        catch (IOException ex)
        {
            await error.WriteLineAsync($"Cannot write or read {path}: {ex.Message}");
            return ExitFailed;
        }
        catch (UnauthorizedAccessException ex)
        {
            await error.WriteLineAsync($"Cannot write or read {path}: {ex.Message}");
            return ExitFailed;
        }
    }

    /// <summary>The store services alone, configured from the same sources as the bot; warnings go to stderr.</summary>
    private static IHost Build(string[] settings, TextWriter error, string workingDirectory)
    {
        var configuration = new ConfigurationManager();
        configuration.AddInMemoryCollection([new("hostBuilder:reloadConfigOnChange", "false")]);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = settings,
            Configuration = configuration,
            ContentRootPath = AppContext.BaseDirectory,
        });
        SettingsFiles.AddWorkingDirectorySettings(builder.Configuration, workingDirectory);
        builder.Logging.ClearProviders().AddProvider(new TextWriterLoggerProvider(error))
            .SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddTriviaStore(builder.Configuration);
        return builder.Build();
    }
}
