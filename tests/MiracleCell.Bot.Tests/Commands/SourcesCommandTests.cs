using MiracleCell.Core.Films;
using MiracleCell.Core.Text;
using MiracleCell.Discord.Models;

namespace MiracleCell.Bot.Tests.Commands;

public sealed class SourcesCommandTests
{
    [Fact]
    public async Task Sources_lists_every_document_of_the_pack_with_its_language_and_links_the_public_ones()
    {
        using var bot = new TestBot();
        var pack = TestPacks.MiracleInCellNo7();

        var reply = await bot.Reply("/sources");
        var text = TestBot.MarkdownText(reply);

        Assert.Equal($"Sources: {pack.Film.Titles.Display.En} ({pack.Film.Year})", reply.Embeds![0].Title);
        Assert.NotEmpty(pack.Film.Sources);
        foreach (var source in pack.Film.Sources)
        {
            var name = source.Url is { } url
                ? $"[{Markdown.Escape(source.Title)}]({url})"
                : Markdown.Escape(source.Title);
            Assert.Contains($"{name}", text, StringComparison.Ordinal);
            if (source.File is { } file) Assert.DoesNotContain(file, text, StringComparison.Ordinal);
        }
        Assert.Contains(pack.Film.Sources, s => s.Url is not null);
        Assert.Contains(pack.Film.Sources, s => s.Url is null);
        Assert.False(reply.Flags?.HasFlag(MessageFlags.Ephemeral) ?? false);
    }

    [Fact]
    public async Task An_Indonesian_reader_gets_the_title_in_Indonesian()
    {
        using var bot = new TestBot();
        var pack = TestPacks.MiracleInCellNo7();

        var reply = await bot.Reply("/sources", Locale.Indonesian);

        Assert.Equal($"Sumber: {pack.Film.Titles.Display.Id} ({pack.Film.Year})", reply.Embeds![0].Title);
    }

    [Fact]
    public async Task The_film_option_lists_the_sources_of_the_film_named_not_the_default()
    {
        var lantern = PackFolders.Load(PackFolders.LanternKeeper);
        using var bot = new TestBot(new FilmLibrary([TestPacks.MiracleInCellNo7(), lantern]), WatchProgress.Nothing);

        var text = TestBot.MarkdownText(await bot.Reply($"/sources film:{lantern.Film.Id}"));

        foreach (var source in lantern.Film.Sources)
            Assert.Contains(Markdown.Escape(source.Title), text, StringComparison.Ordinal);
        var miracleOnly = TestPacks.MiracleInCellNo7().Film.Sources
            .Where(m => lantern.Film.Sources.All(l => l.Title != m.Title));
        foreach (var source in miracleOnly)
            Assert.DoesNotContain(Markdown.Escape(source.Title), text, StringComparison.Ordinal);
    }
}
