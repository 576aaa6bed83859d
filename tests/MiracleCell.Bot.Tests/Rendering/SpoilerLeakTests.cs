using MiracleCell.Bot.Console;
using MiracleCell.Bot.Interactions;
using MiracleCell.Core.Films;
using MiracleCell.Core.Text;
using MiracleCell.Discord.Models;

namespace MiracleCell.Bot.Tests.Rendering;

/// <summary>
/// Renders every reply of every command (every part, alias, character, spoiler alias and actor; both locales; spoilers
/// true and false; every page) and the autocomplete answers to every 1–3 letter prefix of every give-away word,
/// title and name, at "nothing watched" and around the first part with give-away words. A give-away word of a part
/// past the progress must not appear outside a spoiler tag, nor anywhere in text Discord shows without markdown
/// (embed and field titles, footers, button labels, choices), where a tag hides nothing.
/// </summary>
public sealed class SpoilerLeakTests
{
    public static TheoryData<string, Locale> Packs() => new()
    {
        { "shipped", Locale.English }, { "shipped", Locale.Indonesian },
        { "fixture", Locale.English }, { "fixture", Locale.Indonesian },
    };

    [Theory]
    [MemberData(nameof(Packs))]
    public async Task No_reply_or_choice_names_a_give_away_word_of_a_part_past_the_progress(string which, Locale locale)
    {
        var pack = PackFolders.Load(which == "shipped" ? PackFolders.MiracleInCellNo7 : PackFolders.LanternKeeper);
        var firstGivingAway = pack.Recap.Where(p => p.GiveAwayWords.Count > 0).Min(p => p.Order);
        Assert.True(firstGivingAway > 1, "the first part is spoiler-free and declares no give-away words");
        var leaks = new List<string>();
        foreach (var watched in new[] { 0, firstGivingAway - 1, firstGivingAway })
        {
            // Served beside another film, so that the film option's choices and the choices typed beside it count.
            using var bot = new TestBot(new FilmLibrary([pack, OtherFilm(pack)]), new WatchProgress(watched));
            foreach (var line in CommandLines(pack))
            {
                foreach (var reply in await AllPages(bot, line, locale))
                    leaks.AddRange(Leaks(pack, watched, line, reply, privateSpoilers: line.Contains("spoilers:true")));
            }
            foreach (var (option, typed) in AutocompleteInputs(pack))
            {
                var result = await bot.Router.HandleAsync(Autocomplete(bot, option, typed, locale),
                    CancellationToken.None);
                foreach (var choice in result.Response.Data?.Choices ?? [])
                    leaks.AddRange(StrictLeaks(pack, watched, $"{option} '{typed}' choice", choice.Name));
            }
        }
        Assert.True(leaks.Count == 0, $"{leaks.Count} leak(s):\n{string.Join("\n", leaks.Distinct().Take(40))}");
    }

    [Theory]
    [MemberData(nameof(Packs))]
    public async Task Once_the_progress_reaches_a_part_its_title_and_beats_show_plainly(string which, Locale locale)
    {
        var pack = PackFolders.Load(which == "shipped" ? PackFolders.MiracleInCellNo7 : PackFolders.LanternKeeper);
        var part = pack.Recap.Where(p => p.GiveAwayWords.Count > 0).MinBy(p => p.Order)!;
        using var before = new TestBot(pack, new WatchProgress(part.Order - 1));
        using var after = new TestBot(pack, new WatchProgress(part.Order));

        var hidden = (await AllPages(before, $"/recap part:{part.Id}", locale))[0];
        var shown = (await AllPages(after, $"/recap part:{part.Id}", locale))[0];
        var shownText = TestBot.MarkdownText(shown);

        Assert.DoesNotContain(part.Title[locale], hidden.Embeds![0].Title, StringComparison.Ordinal);
        Assert.EndsWith(part.Title[locale], shown.Embeds![0].Title, StringComparison.Ordinal);
        Assert.NotEmpty(GiveAwayWords.Find(
            string.Concat(GiveAwayWords.VisibleSpans(shownText).Select(s => shownText.Substring(s.Start, s.Length))),
            part.GiveAwayWords));
        Assert.DoesNotContain(shown.Embeds[0].Fields![0].Value.Split('\n'),
            beat => beat.StartsWith("• ||", StringComparison.Ordinal));
        var choices = (await after.Router.HandleAsync(Autocomplete(after, "recap", "", locale), CancellationToken.None))
            .Response.Data!.Choices!;
        Assert.Contains(choices, c => c.Name.Contains(part.Title[locale], StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Packs))]
    public void A_trivia_night_within_the_progress_asks_nothing_that_names_a_later_part(string which, Locale locale)
    {
        var pack = PackFolders.Load(which == "shipped" ? PackFolders.MiracleInCellNo7 : PackFolders.LanternKeeper);
        var firstGivingAway = pack.Recap.Where(p => p.GiveAwayWords.Count > 0).Min(p => p.Order);
        var leaks = new List<string>();
        foreach (var watched in new[] { 0, firstGivingAway - 1, firstGivingAway })
        {
            var progress = new WatchProgress(watched);
            // What a night started without whole-film may draw. Its question, choices and explanation are shown plainly
            // (message text, button labels, the reveal), so no tag may hide a word there.
            var drawable = pack.Trivia.Where(q => progress.Covers(pack, q)).ToList();
            Assert.NotEmpty(drawable);
            // A question about a part already watched may use words a later part gives away (§21's exemption for
            // watched text); every other one may not.
            foreach (var question in drawable.Where(q => q.Reveals is null || !progress.Covers(pack, q.Reveals)))
            {
                var texts = new[] { question.Question, question.Answer, question.Explanation }
                    .Concat(question.WrongAnswers);
                foreach (var text in texts)
                    leaks.AddRange(StrictLeaks(pack, watched, $"trivia {question.Id}", text[locale]));
            }
        }
        Assert.True(leaks.Count == 0, $"{leaks.Count} leak(s):\n{string.Join("\n", leaks.Distinct().Take(40))}");
    }

    private static IEnumerable<string> CommandLines(FilmPack pack)
    {
        yield return "/film";
        yield return "/recap";
        yield return "/cast";
        yield return "/help";
        foreach (var part in pack.Recap)
        {
            yield return $"/recap part:{part.Id}";
            yield return $"/recap part:{part.Id} spoilers:true";
            yield return $"/recap part:{part.Id} spoilers:false";
            foreach (var alias in part.Aliases) yield return $"/recap part:\"{alias}\"";
            foreach (var word in part.GiveAwayWords)
            {
                yield return $"/recap part:\"{word}\"";
                yield return $"/character name:\"{word}\"";
                yield return $"/cast actor:\"{word}\"";
            }
        }
        foreach (var character in pack.Characters)
        {
            yield return $"/character name:{character.Id}";
            yield return $"/character name:\"{character.Name}\"";
            foreach (var alias in character.SpoilerAliases) yield return $"/character name:\"{alias.Name}\"";
        }
        foreach (var actor in pack.Cast) yield return $"/cast actor:{actor.Id}";
        yield return "/recap part:nope";
        yield return "/character name:zzzz";
        yield return "/cast actor:zzzz";
    }

    private static IEnumerable<(string Command, string Typed)> AutocompleteInputs(FilmPack pack)
    {
        var words = pack.Recap.SelectMany(p => p.GiveAwayWords.Concat([p.Title.En, p.Title.Id]))
            .Concat(pack.Characters.SelectMany(c => c.SpoilerAliases.Select(a => a.Name)));
        var prefixes = words.SelectMany(w => Enumerable.Range(1, Math.Min(3, w.Length)).Select(n => w[..n]))
            .Append("")
            .Concat(words)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        foreach (var command in new[] { "recap", "character", "cast" })
        {
            foreach (var prefix in prefixes)
            {
                yield return (command, prefix);
                // The same choices with the film named beside them, as a member picking the film first types them.
                yield return ($"{command}@{pack.Film.Id}", prefix);
            }
        }
        // The film option's own choices: film titles, answered for every prefix as well.
        foreach (var command in new[] { "film", "recap", "character", "cast" })
        {
            foreach (var prefix in prefixes) yield return ($"{command}:film", prefix);
        }
    }

    /// <summary>
    /// An autocomplete of <paramref name="command"/>'s main option ("recap"), of it with a film typed beside it
    /// ("recap@film-id"), or of its film option ("recap:film").
    /// </summary>
    private static Interaction Autocomplete(TestBot bot, string command, string typed, Locale locale)
    {
        var factory = new ConsoleInteractions(bot.Router, locale);
        var name = command.Split(':', '@')[0];
        if (command.EndsWith(":film", StringComparison.Ordinal))
            return factory.FromLine(new ConsoleLine(name, [new ConsoleOption("film", typed)], Autocomplete: true));
        var option = name switch { "recap" => "part", "character" => "name", _ => "actor" };
        IReadOnlyList<ConsoleOption> beside = command.Contains('@', StringComparison.Ordinal)
            ? [new ConsoleOption("film", command[(command.IndexOf('@', StringComparison.Ordinal) + 1)..])]
            : [];
        return factory.FromLine(
            new ConsoleLine(name, [.. beside, new ConsoleOption(option, typed)], Autocomplete: true));
    }

    /// <summary>The other film of the library: the in-memory test pack, or the fixture beside it.</summary>
    private static FilmPack OtherFilm(FilmPack pack) =>
        pack.Film.Id == TestPacks.MiracleInCellNo7().Film.Id ? PackFolders.Load(PackFolders.LanternKeeper)
            : TestPacks.MiracleInCellNo7();

    /// <summary>The reply and every further page, reached by pressing Next as a reader would.</summary>
    private static async Task<List<InteractionCallbackData>> AllPages(TestBot bot, string line, Locale locale)
    {
        var result = await bot.Run(line, locale);
        var pages = new List<InteractionCallbackData> { result.Response.Data! };
        for (var page = pages[0]; NextButton(page) is { } next;)
        {
            page = (await bot.Press(next, page, locale)).Response.Data!;
            pages.Add(page);
        }
        return pages;
    }

    private static string? NextButton(InteractionCallbackData page) =>
        page.Components?.SelectMany(row => row.Components ?? [])
            .LastOrDefault(b =>
                b.CustomId?.StartsWith("page:", StringComparison.Ordinal) == true) is { Disabled: not true } next
            ? next.CustomId
            : null;

    private static IEnumerable<string> Leaks(FilmPack pack, int watched, string line, InteractionCallbackData reply,
        bool privateSpoilers)
    {
        if (privateSpoilers && reply.Flags?.HasFlag(MessageFlags.Ephemeral) != true)
            yield return $"{line}: untagged spoilers in a reply others can see";
        var labels = (reply.Components ?? []).SelectMany(row => row.Components ?? []).Select(b => b.Label);
        foreach (var leak in labels.SelectMany(label => StrictLeaks(pack, watched, $"{line} button", label)))
            yield return leak;
        // spoilers:true shows the caller alone, at their request, what they asked to see.
        if (privateSpoilers) yield break;
        foreach (var embed in reply.Embeds ?? [])
        {
            var strict = new[] { embed.Title, embed.Footer?.Text, embed.Author?.Name }
                .Concat((embed.Fields ?? []).Select(f => f.Name));
            foreach (var leak in strict.SelectMany(text => StrictLeaks(pack, watched, $"{line} title/footer", text)))
                yield return leak;
        }
        // An error may quote what the caller typed: the caller's own words are no leak.
        var markdown = TestBot.MarkdownText(reply);
        var quoted = line.IndexOf(":\"", StringComparison.Ordinal);
        if (quoted >= 0) markdown = markdown.Replace($"“{line[(quoted + 2)..^1]}”", "“…”", StringComparison.Ordinal);
        foreach (var watchedText in WatchedTexts(pack, watched))
            markdown = markdown.Replace(watchedText, "…", StringComparison.Ordinal);
        foreach (var leak in GiveAwayWords.FindOutsideSpoilerTags(pack, markdown, watched))
            yield return $"{line} @{watched}: '{leak.Word}' ({leak.PartId}) in “{Around(markdown, leak.Index)}”";
    }

    /// <summary>
    /// The pack's own texts of what the club has watched: they may use a later part's word in their own sense ("the
    /// girl dies" in part 3 against "dies" of part 17) and tell only what the club has seen.
    /// </summary>
    private static IEnumerable<string> WatchedTexts(FilmPack pack, int watched)
    {
        var progress = new WatchProgress(watched);
        var texts = pack.Recap.Where(progress.Covers).SelectMany(p => p.Beats)
            .Concat(
                pack.Characters.SelectMany(c => c.Facts).Where(f => f.Reveals is not null && progress.Covers(pack, f)))
            .SelectMany(t => new[] { t.Text.En, t.Text.Id })
            .Concat(pack.Characters.SelectMany(c => c.Relationships)
                .Where(r => r.Reveals is not null && progress.Covers(pack, r.Reveals))
                .SelectMany(r => new[] { r.Relation.En, r.Relation.Id }));
        return texts.Select(Markdown.Escape).Distinct().OrderByDescending(t => t.Length);
    }

    /// <summary>Text Discord shows without markdown: a give-away word past the progress is a leak even inside
    /// ||.</summary>
    private static IEnumerable<string> StrictLeaks(FilmPack pack, int watched, string where, string? text)
    {
        if (string.IsNullOrEmpty(text)) yield break;
        foreach (var part in pack.Recap.Where(p => p.Order > watched))
        {
            foreach (var (word, index) in GiveAwayWords.Find(text, part.GiveAwayWords))
                yield return $"{where} @{watched}: '{word}' ({part.Id}) in “{Around(text, index)}”";
        }
    }

    private static string Around(string text, int index)
    {
        var from = Math.Max(0, index - 40);
        return text.Substring(from, Math.Min(text.Length - from, 100)).Replace('\n', ' ');
    }
}
