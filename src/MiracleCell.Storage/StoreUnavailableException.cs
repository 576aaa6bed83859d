namespace MiracleCell.Storage;

/// <summary>
/// The score store cannot be used: its database cannot be reached or opened. The message is one line naming the
/// cause and what to do; at start-up the bot prints it and exits with code 78.
/// </summary>
public sealed class StoreUnavailableException : Exception
{
    public StoreUnavailableException()
        : base("The score store is unavailable.")
    {
    }

    public StoreUnavailableException(string message)
        : base(message)
    {
    }

    public StoreUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
