using Microsoft.Extensions.Options;

namespace MiracleCell.Bot.Trivia;

/// <summary>Settings under <c>Trivia</c> in configuration.</summary>
internal sealed class TriviaNightOptions
{
    public const string SectionName = "Trivia";

    /// <summary>The pause after a reveal before the next question is posted, so players can read it.</summary>
    public TimeSpan BetweenQuestions { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The shortest time between two edits of a question's "N have answered" line (channel edits are rate
    /// limited).</summary>
    public TimeSpan AnswerCountEditInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long a <c>/trivia-reset</c> confirmation button works.</summary>
    public TimeSpan ResetConfirmationLifetime { get; set; } = TimeSpan.FromMinutes(5);
}

internal sealed class TriviaNightOptionsValidator : IValidateOptions<TriviaNightOptions>
{
    public ValidateOptionsResult Validate(string? name, TriviaNightOptions options)
    {
        var failures = new List<string>();
        if (options.BetweenQuestions < TimeSpan.Zero || options.BetweenQuestions > TimeSpan.FromMinutes(1))
            failures.Add("Trivia:BetweenQuestions must be between 00:00:00 and 00:01:00 (got "
                + $"{options.BetweenQuestions}).");
        if (options.AnswerCountEditInterval < TimeSpan.FromSeconds(1)
            || options.AnswerCountEditInterval > TimeSpan.FromMinutes(1))
            failures.Add("Trivia:AnswerCountEditInterval must be between 00:00:01 and 00:01:00 (got "
                + $"{options.AnswerCountEditInterval}); Discord rate-limits channel edits.");
        if (options.ResetConfirmationLifetime < TimeSpan.FromSeconds(30)
            || options.ResetConfirmationLifetime > TimeSpan.FromMinutes(14))
            failures.Add("Trivia:ResetConfirmationLifetime must be between 00:00:30 and 00:14:00 (got "
                + $"{options.ResetConfirmationLifetime}).");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
