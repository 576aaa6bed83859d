using System.Security.Cryptography;

namespace MiracleCell.Bot.Interactions;

/// <summary>
/// The short id an unexpected failure is reported with: the user's apology and the log line carrying the exception
/// both show it, so an admin finds the exception from what the user quotes.
/// </summary>
internal static class ErrorIds
{
    public const int Length = 8;

    /// <summary>Eight lowercase hex characters: unique enough among one bot's failures, short to quote.</summary>
    public static string New() => RandomNumberGenerator.GetHexString(Length, lowercase: true);
}
