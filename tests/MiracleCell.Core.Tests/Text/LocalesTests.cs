using MiracleCell.Core.Text;

namespace MiracleCell.Core.Tests.Text;

public sealed class LocalesTests
{
    [Theory]
    [InlineData("id", Locale.Indonesian)]
    [InlineData("ID", Locale.Indonesian)]
    [InlineData("en-US", Locale.English)]
    [InlineData("en-GB", Locale.English)]
    [InlineData("fr", Locale.English)]
    [InlineData("", Locale.English)]
    [InlineData(null, Locale.English)]
    [InlineData("ida", Locale.English)]
    public void From_code_maps_discord_locales_and_falls_back_to_english(string? code, Locale expected)
    {
        Assert.Equal(expected, Locales.FromCode(code));
    }

    [Fact]
    public void Code_round_trips_through_from_code()
    {
        foreach (var locale in Locales.All) Assert.Equal(locale, Locales.FromCode(locale.Code()));
    }

    [Fact]
    public void Localized_text_picks_the_locale()
    {
        var text = new LocalizedText("father", "ayah");

        Assert.Equal("ayah", text[Locale.Indonesian]);
        Assert.Equal("father", text[Locale.English]);
    }
}
