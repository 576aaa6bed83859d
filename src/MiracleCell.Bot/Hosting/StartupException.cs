namespace MiracleCell.Bot.Hosting;

/// <summary>The bot cannot start, for a reason its message states in one line with what to do.</summary>
internal sealed class StartupException(string message, Exception? innerException = null)
    : Exception(message, innerException);
