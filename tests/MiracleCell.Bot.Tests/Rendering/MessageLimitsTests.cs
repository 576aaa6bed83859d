using MiracleCell.Bot.Interactions;
using MiracleCell.Bot.Rendering;
using MiracleCell.Core.Films;
using MiracleCell.Core.Text;
using MiracleCell.Discord.Models;

namespace MiracleCell.Bot.Tests.Rendering;

public sealed class MessageLimitsTests
{
    public static TheoryData<string> Packs => ["normal", "oversized"];

    [Theory]
    [MemberData(nameof(Packs))]
    public async Task Every_reply_of_every_command_part_character_actor_and_locale_is_within_limits(string which)
    {
        var pack = which == "oversized" ? TestPacks.Oversized() : TestPacks.MiracleInCellNo7();
        using var bot = new TestBot(pack);
        var lines = new List<string> { "/film", "/recap", "/cast", "/help", "/spoiler text:\"a b\"",
            "/character name:nobody-at-all", "/recap part:nope" };
        foreach (var part in pack.Recap)
        {
            lines.Add($"/recap part:{part.Id}");
            lines.Add($"/recap part:{part.Id} spoilers:true");
        }
        lines.AddRange(pack.Characters.Select(c => $"/character name:{c.Id}"));
        lines.AddRange(pack.Cast.Select(a => $"/cast actor:{a.Id}"));
        lines.AddRange(["/character name:?", "/cast actor:?", "/recap part:?"]);

        var checkedReplies = 0;
        foreach (var locale in Locales.All)
        {
            foreach (var line in lines)
            {
                var result = await bot.Run(line, locale);
                checkedReplies += await CheckAllPages(bot, line, result, locale);
            }
        }
        Assert.True(checkedReplies >= lines.Count * Locales.All.Count);
    }

    [Fact]
    public void The_checker_names_each_breach()
    {
        var message = new MessagePayload
        {
            Content = new string('x', 2001),
            Embeds = [new Embed { Title = new string('t', 257),
                Fields = [.. Enumerable.Range(0, 26)
                    .Select(_ => new EmbedField { Name = "n", Value = new string('v', 1025) })] }],
        };

        var problems = MessageLimits.Check(message);

        Assert.Contains(problems, p => p.StartsWith("content has 2001", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("embed 0 title", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("26 fields", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("embed 0 field 0 value", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("embeds total", StringComparison.Ordinal));
    }

    private static async Task<int> CheckAllPages(TestBot bot, string line, InteractionResult result, Locale locale)
    {
        var count = 0;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var flags = result.Response.Data?.Flags;
        while (true)
        {
            Assert.True(MessageLimits.Check(result.Response).Count == 0, $"{line} ({locale}): "
                + $"{string.Join("; ", MessageLimits.Check(result.Response))}");
            count++;
            var next = result.Response.Data?.Components?.SelectMany(r => r.Components!)
                .LastOrDefault(b => b.Disabled != true && b.CustomId!.StartsWith("page:", StringComparison.Ordinal));
            if (next is null || !seen.Add(next.CustomId!)) return count;
            result = await bot.Press(next.CustomId!, result.Response.Data! with { Flags = flags }, locale);
        }
    }
}
