namespace MiracleCell.Bot.Hosting;

/// <summary>
/// What a content loader produced: the content, or the problems that stop the start, as lines to print (the first
/// naming the setting and what to run; details indented).
/// </summary>
/// <typeparam name="T">What the commands serve (the film library).</typeparam>
/// <param name="Warnings">What was left out without stopping the start (a bad pack among good ones), a line each.
/// </param>
internal sealed record LoadedContent<T>(
    T? Content, IReadOnlyList<string> Problems, IReadOnlyList<string>? Warnings = null)
    where T : class
{
    public bool IsUsable => Content is not null && Problems.Count == 0;
}
