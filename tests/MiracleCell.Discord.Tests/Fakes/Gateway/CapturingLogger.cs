using Microsoft.Extensions.Logging;

namespace MiracleCell.Discord.Tests.Fakes.Gateway;

/// <summary>Keeps every formatted log line, at every level, for assertions on what gets logged.</summary>
public sealed class CapturingLogger<T> : ILogger<T>
{
    private readonly Lock _gate = new();
    private readonly List<(LogLevel Level, string Text)> _lines = [];

    public IReadOnlyList<string> Lines { get { lock (_gate) { return [.. _lines.Select(l => l.Text)]; } } }

    public IReadOnlyList<string> LinesAt(
        LogLevel level) { lock (_gate) { return [.. _lines.Where(l => l.Level == level).Select(l => l.Text)]; } }

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception,
        Func<TState, Exception?, string> formatter)
    {
        var text = formatter(state, exception) + (exception is null ? "" : " " + exception);
        lock (_gate) { _lines.Add((logLevel, text)); }
    }
}
