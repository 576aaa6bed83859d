using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace MiracleCell.Bot.Logging;

/// <summary>
/// Appends structured log lines (one JSON object per line) to a file, for deployments whose logs live
/// on a volume. Writing happens on one background task so logging never blocks a handler.
/// </summary>
internal sealed class FileLoggerProvider : ILoggerProvider
{
    private readonly Channel<string> _lines = Channel.CreateBounded<string>(
        new BoundedChannelOptions(10_000) { SingleReader = true, FullMode = BoundedChannelFullMode.DropOldest });
    private readonly TimeProvider _time;
    private readonly Task _writer;

    public FileLoggerProvider(string path, TimeProvider time)
    {
        _time = time;
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null) Directory.CreateDirectory(folder);
        _writer = Task.Run(() => WriteAllAsync(path));
    }

    public ILogger CreateLogger(string categoryName) => new FileLogger(this, categoryName);

    public void Dispose()
    {
        _lines.Writer.TryComplete();
        _writer.Wait(TimeSpan.FromSeconds(5));
    }

    private async Task WriteAllAsync(string path)
    {
        await using var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite);
        await using var writer = new StreamWriter(stream);
        await foreach (var line in _lines.Reader.ReadAllAsync())
        {
            await writer.WriteLineAsync(line);
            if (_lines.Reader.Count == 0) await writer.FlushAsync();
        }
    }

    private sealed class FileLogger(FileLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception,
            Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel)) return;
            var entry = new Dictionary<string, object?>
            {
                ["time"] = owner._time.GetUtcNow().ToString("O"),
                ["level"] = logLevel.ToString(),
                ["category"] = category,
                ["message"] = formatter(state, exception),
            };
            if (state is IReadOnlyList<KeyValuePair<string, object?>> fields)
            {
                foreach (var (key, value) in fields)
                {
                    if (key != "{OriginalFormat}") entry[key] = value?.ToString();
                }
            }
            if (exception is not null) entry["exception"] = exception.ToString();
            owner._lines.Writer.TryWrite(
                JsonSerializer.Serialize(entry, FileLogJsonContext.Default.DictionaryStringObject));
        }
    }
}
