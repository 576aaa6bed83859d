namespace MiracleCell.Storage;

/// <summary>
/// The score database cannot be opened as it is: in use by another bot, read-only, damaged or from a newer build.
/// The message is one line naming the file and what to do; the file has been left as it was.
/// </summary>
public sealed class StoreUnavailableException : Exception
{
    public StoreUnavailableException()
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
