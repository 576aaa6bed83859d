namespace MiracleCell.Core.Films.Loading;

/// <summary>The Discord limit of the place a text is rendered into, in code points.</summary>
internal sealed record TextLimit(int Max, string Place)
{
    public static readonly TextLimit EmbedTitle = new(256, "an embed title");
    public static readonly TextLimit ChoiceName = new(100, "an autocomplete choice name");
    public static readonly TextLimit EmbedDescription = new(4096, "an embed description");
    public static readonly TextLimit FieldValue = new(1024, "an embed field value");
    public static readonly TextLimit Question = new(300, "a trivia question (house style)");
    public static readonly TextLimit AnswerLabel = new(80, "a button label");
}
