using System.Text.Json;

namespace MiracleCell.Bot.Hosting;

/// <summary>
/// The exceptions that mean the bot cannot start and restarting will not help, each described in one line that
/// names the cause and what to do. Anything else is a defect and keeps its stack trace.
/// </summary>
internal static class StartupFailures
{
    public static string? Describe(Exception exception) => exception switch
    {
        StartupException startup => startup.Message,
        Storage.StoreUnavailableException unavailable => unavailable.Message,
        Rendering.Texts.LocaleTableException tables => tables.Message.ReplaceLineEndings(" "),
        InvalidDataException { InnerException: { } inner } settings => SettingsFile(FileNamed(settings.Message), inner),
        _ => null,
    };

    /// <summary>True when the full exception should follow the line: the log level is Debug or Trace.</summary>
    public static bool WantsDetail(IEnumerable<string> args, Func<string, string?> environment)
    {
        var level = environment("Logging__LogLevel__Default")
            ?? args.Select(arg => arg.TrimStart('-')).Where(arg => arg.StartsWith("Logging:LogLevel:Default=",
                StringComparison.OrdinalIgnoreCase))
                    .Select(arg => arg[(arg.IndexOf('=', StringComparison.Ordinal) + 1)..])
                .LastOrDefault();
        return level is not null && (level.Equals("Debug", StringComparison.OrdinalIgnoreCase)
            || level.Equals("Trace", StringComparison.OrdinalIgnoreCase));
    }

    private static string SettingsFile(string file, Exception cause)
    {
        var json = cause as JsonException ?? cause.InnerException as JsonException;
        if (json is not null)
        {
            var where = json.LineNumber is { } line
                ? $" at line {line + 1}, position {(json.BytePositionInLine ?? 0) + 1}"
                : "";
            return $"the settings file {file} is not valid JSON{where}: fix it there (or move it away "
                + "to use the defaults).";
        }
        return $"the settings file {file} cannot be read ({cause.Message}): give the bot's user read access to it "
            + "or move it away.";
    }

    /// <summary>The configuration library names the file in quotes in its message.</summary>
    private static string FileNamed(string message)
    {
        var first = message.IndexOf('\'', StringComparison.Ordinal);
        var last = message.LastIndexOf('\'');
        return first >= 0 && last > first ? message[(first + 1)..last] : "(appsettings.json)";
    }
}
