namespace MiracleCell.Bot.Rendering.Texts;

/// <summary>A locale table that cannot be used: each problem names the file and the key.</summary>
internal sealed class LocaleTableException(IReadOnlyList<string> problems)
    : Exception("The locale tables cannot be used:" + Environment.NewLine + string.Join(Environment.NewLine, problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;

    public static LocaleTableException One(string file, string? key, string problem) =>
        new([Describe(file, key, problem)]);

    public static string Describe(string file, string? key, string problem) =>
        key is null ? $"{file}: {problem}" : $"{file}: \"{key}\": {problem}";
}
