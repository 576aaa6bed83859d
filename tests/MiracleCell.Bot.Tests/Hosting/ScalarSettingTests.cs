using MiracleCell.Bot.Hosting;
using MiracleCell.Bot.Transport;

namespace MiracleCell.Bot.Tests.Hosting;

public sealed class ScalarSettingTests
{
    [Theory]
    [InlineData("42", typeof(int), 42)]
    [InlineData("-7", typeof(int), -7)]
    [InlineData("true", typeof(bool), true)]
    [InlineData("Always", typeof(CommandRegistrationMode), CommandRegistrationMode.Always)]
    [InlineData("never", typeof(CommandRegistrationMode), CommandRegistrationMode.Never)]
    public void Values_the_configuration_binder_accepts_are_read_as_their_type(string text, Type type, object expected)
    {
        Assert.True(ScalarSetting.TryConvert(text, type, out var value));
        Assert.Equal(expected, value);
    }

    [Fact]
    public void Snowflakes_durations_and_urls_are_read_invariantly()
    {
        Assert.True(ScalarSetting.TryConvert("1000000000000000001", typeof(ulong?), out var id));
        Assert.Equal(1_000_000_000_000_000_001UL, id);
        Assert.True(ScalarSetting.TryConvert("00:01:30", typeof(TimeSpan), out var duration));
        Assert.Equal(TimeSpan.FromSeconds(90), duration);
        Assert.True(ScalarSetting.TryConvert("wss://gateway.discord.gg", typeof(Uri), out var url));
        Assert.Equal(new Uri("wss://gateway.discord.gg"), url);
    }

    [Fact]
    public void An_empty_value_clears_an_optional_setting()
    {
        Assert.True(ScalarSetting.TryConvert("", typeof(ulong?), out var value));
        Assert.Null(value);
    }

    [Theory]
    [InlineData("abc", typeof(int))]
    [InlineData("1.5", typeof(int))]
    [InlineData("-1", typeof(ulong?))]
    [InlineData("Sometimes", typeof(CommandRegistrationMode))]
    [InlineData("17", typeof(CommandRegistrationMode))]
    [InlineData("soon", typeof(TimeSpan))]
    [InlineData("yes", typeof(bool))]
    public void Values_that_are_not_of_the_type_are_refused(string text, Type type)
    {
        Assert.False(ScalarSetting.TryConvert(text, type, out _));
    }
}
