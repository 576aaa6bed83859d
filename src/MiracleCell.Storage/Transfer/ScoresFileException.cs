namespace MiracleCell.Storage.Transfer;

/// <summary>A scores file that cannot be imported; the message names the file, the line and what is wrong.</summary>
public sealed class ScoresFileException : Exception
{
    public ScoresFileException()
    {
    }

    public ScoresFileException(string message)
        : base(message)
    {
    }

    public ScoresFileException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
