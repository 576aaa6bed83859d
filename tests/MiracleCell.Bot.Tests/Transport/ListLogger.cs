using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace MiracleCell.Bot.Tests.Transport;

/// <summary>Collects log entries so tests can assert what was logged and at which level.</summary>
internal sealed class ListLogger
{
    private readonly ConcurrentQueue<(LogLevel Level, string Message)> _entries = new();

    public IReadOnlyList<(LogLevel Level, string Message)> Entries => [.. _entries];

    public ILogger<T> For<T>() => new Logger<T>(this);

    private sealed class Logger<T>(ListLogger owner) : ILogger<T>
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception,
            Func<TState, Exception?, string> formatter) =>
            owner._entries.Enqueue((logLevel, formatter(state, exception)));
    }
}
