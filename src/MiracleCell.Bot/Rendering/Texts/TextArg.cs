using MiracleCell.Core.Text;

namespace MiracleCell.Bot.Rendering.Texts;

/// <summary>A value put into a text's placeholder: the same in every locale, or one per locale.</summary>
internal readonly struct TextArg
{
    private readonly string? _plain;
    private readonly LocalizedText? _localized;

    private TextArg(string? plain, LocalizedText? localized)
    {
        _plain = plain;
        _localized = localized;
    }

    public string In(Locale locale) => _localized?[locale] ?? _plain ?? "";

    public static implicit operator TextArg(string value) => new(value, null);

    public static implicit operator TextArg(LocalizedText value) => new(null, value);

    public static implicit operator TextArg(TableText value) => new(null, value?.Text);
}
