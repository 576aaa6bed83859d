using MiracleCell.Bot.Interactions;
using MiracleCell.Core.Text;

namespace MiracleCell.Bot.Tests.Interactions;

public sealed class CommandOptionsTests
{
    [Fact]
    public async Task A_boolean_option_given_as_other_text_says_it_must_be_true_or_false()
    {
        using var bot = new TestBot();
        var result = await bot.Run("/recap part:ending spoilers:maybe");

        Assert.Equal(UserErrorKind.BadOption, result.Error!.Kind);
        Assert.Equal("`spoilers` must be true or false.", result.Error.Message.En);
    }

    [Fact]
    public async Task A_missing_required_option_says_how_to_type_it_in_the_readers_names()
    {
        using var bot = new TestBot();
        var result = await bot.Run("/character", Locale.Indonesian);

        Assert.Equal(UserErrorKind.BadOption, result.Error!.Kind);
        Assert.Contains("/tokoh nama:", result.Response.Data!.Content, StringComparison.Ordinal);
        Assert.Contains("memerlukan", result.Response.Data.Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Text_longer_than_the_definition_allows_is_refused_with_both_lengths()
    {
        using var bot = new TestBot();
        var result = await bot.Run($"/spoiler text:\"{new string('a', 1801)}\"");

        Assert.Equal(UserErrorKind.BadOption, result.Error!.Kind);
        Assert.Contains("1800", result.Error.Message.En, StringComparison.Ordinal);
        Assert.Contains("1801", result.Error.Message.En, StringComparison.Ordinal);
    }
}
