namespace MiracleCell.Storage.Transfer;

/// <summary>An import that was not done, or not done completely; the message says why and what to do.</summary>
public sealed class ScoresImportRefusedException : Exception
{
    public ScoresImportRefusedException()
    {
    }

    public ScoresImportRefusedException(string message)
        : base(message)
    {
    }

    public ScoresImportRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
