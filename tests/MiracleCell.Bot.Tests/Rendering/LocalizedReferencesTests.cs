using System.Reflection;
using System.Text.RegularExpressions;
using MiracleCell.Bot.Interactions;
using MiracleCell.Bot.Rendering;
using MiracleCell.Bot.Rendering.Texts;
using MiracleCell.Bot.Tests.Trivia;
using MiracleCell.Core.Text;
using MiracleCell.Discord.Models;
using static MiracleCell.Bot.Tests.Trivia.TriviaHarness;

namespace MiracleCell.Bot.Tests.Rendering;

/// <summary>Every text names commands and options as the reader's client shows them, never as another
/// locale's.</summary>
public sealed class LocalizedReferencesTests
{
    [Fact]
    public void No_text_in_any_locale_names_a_command_or_option_as_another_locale_shows_it()
    {
        using var bot = new TestBot();
        var texts = EveryText().ToList();
        Assert.True(texts.Count > 150, $"only {texts.Count} texts found");
        var problems = new List<string>();
        foreach (var locale in Locales.All)
        {
            foreach (var other in Locales.All.Where(other => other != locale))
            {
                var foreign = ForeignNames(bot.Router.Definitions, locale, other).ToList();
                foreach (var (member, text) in texts)
                {
                    problems.AddRange(foreign.Where(pattern => pattern.IsMatch(text[locale]))
                        .Select(pattern => $"Strings.{member} ({locale}) matches {pattern}: {text[locale]}"));
                }
            }
        }
        Assert.Empty(problems);
    }

    [Fact]
    public void No_table_text_in_any_locale_names_a_command_or_option_as_another_locale_shows_it()
    {
        using var bot = new TestBot();
        var english = LocaleTableReader.Read("en.json", File.ReadAllBytes(Path.Combine(PackFolders.RepositoryRoot(),
            "src", "MiracleCell.Bot", "Rendering", "Locales", "en.json")));
        var problems = new List<string>();
        foreach (var (key, parts) in english)
        {
            string[] arguments = [.. parts.Where(p => p.Kind == TextPartKind.Argument).Select(p => p.Value).Distinct()];
            var text = TextTables.Shipped.Get(key, arguments).Format([.. arguments.Select(_ => (TextArg)"x")]);
            problems.AddRange(Foreign(bot.Router.Definitions, text, $"\"{key}\""));
        }
        Assert.Empty(problems);
    }

    public static TheoryData<Locale> EveryLocale() => [.. Locales.All];

    /// <summary>
    /// Runs every command, its errors, its buttons and a whole trivia night in one locale, and reads every text a
    /// member would see: replies, embeds, footers, button labels, autocomplete choices and channel messages.
    /// </summary>
    [Theory]
    [MemberData(nameof(EveryLocale))]
    public async Task Every_reply_hint_button_and_error_names_commands_and_options_as_the_readers_client_shows_them(
        Locale locale)
    {
        await using var bot = new TriviaHarness();
        var seen = new List<(string Where, string Text)>();
        async Task<InteractionResult> Run(string line, Snowflake? user = null, string permissions = "0")
        {
            var result = await bot.Run(line, user ?? Alice, permissions: permissions, locale: locale);
            seen.AddRange(Read(line, result, locale));
            return result;
        }
        async Task<InteractionResult> Press(string customId, string why, Snowflake? user = null,
            string permissions = "0")
        {
            var result = await bot.Router.HandleAsync(
                bot.Button(customId, user ?? Alice, permissions: permissions, locale: locale), CancellationToken.None);
            seen.AddRange(Read(why, result, locale));
            return result;
        }

        string[] lines =
        [
            "/help", "/film", "/recap", "/recap part:nonsense", "/recap spoilers:true", "/recap part:?",
            "/character name:nobody", "/character name:?", "/cast", "/cast actor:nobody",
            "/cast actor:" + new string('x', 101),
            "/spoiler text:secret topic:ending", "/club", "/club watched:3", "/club mine:2", "/club watched:?",
            "/trivia stop", "/trivia leaderboard", "/trivia stats", "/trivia stats user:someone",
            "/trivia start questions:30", "/trivia start questions:0", "/trivia start difficulty:impossible",
            "/trivia-reset", "/\"Hide spoilers\" message:spoiler", "/\"Hide spoilers\" message:\" \"",
        ];
        foreach (var line in lines) await Run(line);
        foreach (var line in new[] { "/club watched:soon", "/club film:another-film", "/club watched:finished" })
            await Run(line, permissions: ManageServer);
        foreach (var line in new[] { "/recap", "/cast" })
        {
            foreach (var button in Buttons(await Run(line))) await Press(button, line + " " + button);
        }

        // One of the starts above may have found enough questions: end that night first.
        await bot.Coordinator.WhenIdleAsync();
        await Run("/trivia stop");
        await bot.Coordinator.WhenIdleAsync();
        var started = await Run("/trivia start questions:2 seconds:10");
        await bot.Coordinator.WhenIdleAsync();
        var game = bot.Coordinator.GameIn(Guild, Channel)!.Value;
        var right = bot.Right(game);
        var question = bot.Coordinator.OpenQuestion(game)!.Index;
        var answer = new MiracleCell.Bot.Trivia.AnswerButtonId(game, question, right).ToString();
        await Press(answer, "answer", Bob);
        await Press(answer, "answer again", Bob);
        await Run("/trivia start", Bob);
        await Run("/trivia stop", Carol);
        await bot.AdvanceAsync(TimeSpan.FromSeconds(10));
        await Press(answer, "answer a closed question", Carol);
        await bot.AdvanceAsync(TimeSpan.FromSeconds(5));
        await Run("/trivia stop", Alice);
        await Press(answer, "answer after the night", Carol);
        await Run("/trivia leaderboard");
        await Run("/trivia stats user:<@" + Bob + ">");
        var reset = await Run("/trivia-reset", permissions: ManageServer);
        foreach (var button in Buttons(reset)) await Press(button, "reset by another", Carol, ManageServer);
        await Press(Buttons(reset)[^1], "reset cancelled", Alice, ManageServer);
        foreach (var message in bot.Messenger.Sent)
            seen.AddRange(Texts(message.Payload.Content, message.Payload.Embeds, message.Payload.Components)
                .Select(text => ("channel message", text)));

        Assert.True(seen.Count > 100, $"only {seen.Count} texts seen");
        Assert.True(started.Outcome == InteractionOutcome.Replied, started.Response.Data?.Content);
        var problems = seen.SelectMany(s => Foreign(bot.Router.Definitions, LocalizedText.Same(s.Text), s.Where)
            .Where(problem => problem.Contains($"({locale})", StringComparison.Ordinal)));
        Assert.Empty(problems);
    }

    [Fact]
    public async Task An_error_about_an_option_names_it_as_the_readers_client_shows_it()
    {
        using var bot = new TestBot();

        var result = await bot.Run("/cast actor:" + new string('x', 101), Locale.Indonesian);

        var message = result.Error?.Message[Locale.Indonesian] ?? result.Response.Data?.Content ?? "";
        Assert.Contains("`aktor`", message, StringComparison.Ordinal);
        Assert.DoesNotContain("`actor`", message, StringComparison.Ordinal);
    }

    private static IEnumerable<string> Foreign(
        IReadOnlyList<ApplicationCommand> definitions, LocalizedText text, string where) =>
        from locale in Locales.All
        from other in Locales.All.Where(other => other != locale)
        from pattern in ForeignNames(definitions, locale, other)
        where pattern.IsMatch(text[locale])
        select $"{where} ({locale}) matches {pattern}: {text[locale]}";

    private static IReadOnlyList<string> Buttons(InteractionResult result) =>
        [.. (result.Response.Data?.Components ?? []).SelectMany(row => row.Components ?? [])
            .Select(button => button.CustomId).OfType<string>()];

    private static IEnumerable<(string Where, string Text)> Read(string where, InteractionResult result, Locale locale)
    {
        if (result.Error is { } error) yield return (where, error.Message[locale]);
        if (result.Response.Data is not { } data) yield break;
        foreach (var text in Texts(data.Content, data.Embeds, data.Components)) yield return (where, text);
        foreach (var choice in data.Choices ?? []) yield return (where, choice.Name);
    }

    private static IEnumerable<string> Texts(
        string? content, IReadOnlyList<Embed>? embeds, IReadOnlyList<Component>? components) =>
        new[] { content }
            .Concat((embeds ?? []).SelectMany(e => new[] { e.Title, e.Description, e.Footer?.Text, e.Author?.Name }
                .Concat((e.Fields ?? []).SelectMany(f => new[] { f.Name, f.Value }))))
            .Concat((components ?? []).SelectMany(row => (row.Components ?? []).Select(c => c.Label)))
            .OfType<string>();

    /// <summary>Patterns for the names that differ between the two locales, as texts would quote them.</summary>
    private static IEnumerable<Regex> ForeignNames(IReadOnlyList<ApplicationCommand> definitions, Locale mine,
        Locale theirs)
    {
        foreach (var definition in definitions)
        {
            var their = LocalizedNames.Of(definition, theirs);
            if (their != LocalizedNames.Of(definition, mine))
            {
                yield return definition.Type == ApplicationCommandType.ChatInput
                    ? new Regex($@"/{Regex.Escape(their)}(?![-\w])")
                    : new Regex(Regex.Escape(their));
            }
            foreach (var option in AllOptions(definition.Options))
            {
                var theirOption = LocalizedNames.Of(option, theirs);
                if (theirOption != LocalizedNames.Of(option, mine))
                    yield return new Regex($@"(?<![-\w]){Regex.Escape(theirOption)}(?=`|:)");
            }
        }
    }

    private static IEnumerable<ApplicationCommandOption> AllOptions(IReadOnlyList<ApplicationCommandOption>? options) =>
        (options ?? []).SelectMany(option => AllOptions(option.Options).Prepend(option));

    /// <summary>Every text of the table: each property, and each method called with placeholder arguments.</summary>
    private static IEnumerable<(string Member, LocalizedText Text)> EveryText()
    {
        const BindingFlags flags = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static;
        foreach (var property in typeof(Strings).GetProperties(flags))
        {
            switch (property.GetValue(null))
            {
                case LocalizedText text:
                    yield return (property.Name, text);
                    break;
                case TableText { Arguments.Count: 0 } text:
                    yield return (property.Name, text.Text);
                    break;
            }
        }
        var methods = typeof(Strings).GetMethods(BindingFlags.Public | BindingFlags.Static);
        foreach (var method in methods.Where(m => m.ReturnType == typeof(LocalizedText)))
        {
            if (method.Name is "T" || method.Name.StartsWith("get_", StringComparison.Ordinal)) continue;
            foreach (var number in new[] { 0, 2 })
            {
                var arguments = method.GetParameters().Select(p => Placeholder(p.ParameterType, number)).ToArray();
                yield return ($"{method.Name}({number})", (LocalizedText)method.Invoke(null, arguments)!);
            }
        }
    }

    private static object? Placeholder(Type type, int number) => type switch
    {
        _ when type == typeof(string) => "x",
        _ when type == typeof(int) => number,
        _ when type == typeof(long) => (long)number,
        _ when type == typeof(double?) => (double?)number,
        _ when type == typeof(LocalizedText) => new LocalizedText("x", "x"),
        _ when type.IsAssignableFrom(typeof(string[])) => new[] { "a", "b" },
        _ when type.IsAssignableFrom(typeof(LocalizedText[])) => new[] { new LocalizedText("a", "a") },
        _ when type.IsValueType => Activator.CreateInstance(type),
        _ => throw new InvalidOperationException($"No placeholder for {type}: add one."),
    };
}
