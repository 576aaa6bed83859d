using MiracleCell.Bot.Console;

namespace MiracleCell.Bot.Tests.Console;

public sealed class ConsoleLineParserTests
{
    private static readonly Dictionary<string, string[]> Declared = new()
    {
        ["character"] = ["name"],
        ["recap"] = ["part", "spoilers"],
        ["spoiler"] = ["text", "topic"],
    };

    private static ConsoleLine Parse(string line) =>
        ConsoleLineParser.Parse(line, name => Declared.GetValueOrDefault(name));

    [Fact]
    public void Quoted_values_keep_spaces_and_escaped_quotes()
    {
        var line = Parse("/spoiler text:\"he said \\\"bye\\\" \\\\ then\" topic:'the end'");

        Assert.Equal("spoiler", line.CommandName);
        Assert.Equal([new ConsoleOption("text", "he said \"bye\" \\ then"), new ConsoleOption("topic", "the end")],
            line.Options);
        Assert.False(line.Autocomplete);
    }

    [Fact]
    public void An_unquoted_value_runs_until_the_next_declared_option()
    {
        var line = Parse("/recap part:the trial spoilers:true");

        Assert.Equal([new ConsoleOption("part", "the trial"), new ConsoleOption("spoilers", "true")], line.Options);
    }

    [Fact]
    public void A_colon_word_that_is_not_an_option_stays_in_the_value()
    {
        var line = Parse("/spoiler text:the verdict: guilty");

        Assert.Equal("the verdict: guilty", line.Options.Single().Value);
    }

    [Theory]
    [InlineData("/character name:yong?", "yong")]
    [InlineData("/character name:\"so yang\"?", "so yang")]
    [InlineData("/character name:?", "")]
    public void A_trailing_unquoted_question_mark_asks_for_suggestions(string text, string typed)
    {
        var line = Parse(text);

        Assert.True(line.Autocomplete);
        Assert.Equal(typed, line.Options.Single().Value);
    }

    [Fact]
    public void A_question_mark_inside_quotes_is_text()
    {
        var line = Parse("/spoiler text:\"does he live?\"");

        Assert.False(line.Autocomplete);
        Assert.Equal("does he live?", line.Options.Single().Value);
    }

    [Fact]
    public void A_quoted_command_name_allows_the_message_command()
    {
        var line = Parse("/\"Hide spoilers\" message:hi");

        Assert.Equal("Hide spoilers", line.CommandName);
    }

    [Theory]
    [InlineData("recap", "Start with a command")]
    [InlineData("/", "command name must follow")]
    [InlineData("/recap ending", "Expected name:value but found 'ending'")]
    [InlineData("/spoiler text:\"open", "no closing \"")]
    [InlineData("/recap part:a part:b", "part is given twice")]
    [InlineData("/spoiler text:\"a\"b", "space after the closing quote")]
    public void Malformed_lines_say_how_to_write_them(string text, string expected)
    {
        var error = Assert.Throws<ConsoleInputException>(() => Parse(text));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
