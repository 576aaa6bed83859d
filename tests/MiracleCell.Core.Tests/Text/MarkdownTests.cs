using MiracleCell.Core.Text;

namespace MiracleCell.Core.Tests.Text;

public sealed class MarkdownTests
{
    [Theory]
    [InlineData("a || b", @"a \|\| b")]
    [InlineData("**bold** and *it*", @"\*\*bold\*\* and \*it\*")]
    [InlineData("__under__ _it_", @"\_\_under\_\_ \_it\_")]
    [InlineData("~~gone~~", @"\~\~gone\~\~")]
    [InlineData("`code` ```block```", @"\`code\` \`\`\`block\`\`\`")]
    [InlineData("> quote", @"\> quote")]
    [InlineData(">>> quote", @"\>\>\> quote")]
    [InlineData("# Header", @"\# Header")]
    [InlineData("-# subtext", @"\-\# subtext")]
    [InlineData("- item\n  - nested", "\\- item\n  \\- nested")]
    [InlineData("1. first\n2. second", "1\\. first\n2\\. second")]
    [InlineData("[click](https://evil.example)", @"\[click\]\(https://evil.example\)")]
    [InlineData("<t:1700000000:R>", @"\<t:1700000000:R\>")]
    [InlineData("<@123> <#456> <:emoji:789>", @"\<\@123\> \<\#456\> \<:emoji:789\>")]
    [InlineData("@everyone", @"\@everyone")]
    [InlineData(@"ends with \", @"ends with \\")]
    public void Escape_makes_markdown_show_literally(string text, string expected)
    {
        Assert.Equal(expected, Markdown.Escape(text));
    }

    [Theory]
    [InlineData("Lee Yong-gu")]
    [InlineData("Cell No. 7 in 1997")]
    [InlineData("Ye-seung, 6, loves Sailor Moon.")]
    public void Escape_leaves_ordinary_text_alone(string text)
    {
        Assert.Equal(text, Markdown.Escape(text));
    }

    [Theory]
    [InlineData("the twist|| leaked")]
    [InlineData("trailing backslash \\")]
    [InlineData("||")]
    public void Spoiler_escaped_text_cannot_close_the_tag_early(string text)
    {
        var spoiler = Markdown.SpoilerEscaped(text);

        Assert.StartsWith("||", spoiler);
        Assert.EndsWith("||", spoiler);
        var inside = spoiler[2..^2];
        // Every '|' inside is escaped, and no escape is left dangling before the closing tag.
        Assert.DoesNotMatch(@"(?<!\\)(\\\\)*\|", inside);
        Assert.DoesNotMatch(@"(?<!\\)(\\\\)*\\$", inside);
    }

    [Fact]
    public void Spoiler_of_empty_text_is_empty()
    {
        Assert.Equal("", Markdown.SpoilerEscaped(""));
        Assert.Equal("||x||", Markdown.Spoiler("x"));
    }

    [Theory]
    [InlineData("Lee Yong-gu (the father)")]
    [InlineData("*stars* ~tilde~ |pipes| `code` [link](x) <@1> #tag @everyone \\ back")]
    [InlineData("- item\n1. first\n-# subtext")]
    public void Unescape_undoes_Escape(string text)
    {
        Assert.Equal(text, Markdown.Unescape(Markdown.Escape(text)));
    }

    [Fact]
    public void Unescape_keeps_markup_and_backslashes_before_letters()
    {
        Assert.Equal("**bold** ||hidden|| C:\\new", Markdown.Unescape(@"**bold** ||hidden|| C:\new"));
    }
}
