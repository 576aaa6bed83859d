using System.Reflection;
using System.Text.RegularExpressions;
using MiracleCell.Bot.Interactions;
using MiracleCell.Bot.Rendering;
using MiracleCell.Core.Text;
using MiracleCell.Discord.Models;

namespace MiracleCell.Bot.Tests.Rendering;

/// <summary>Every text names commands and options as the reader's client shows them, never as another locale's.</summary>
public sealed class LocalizedReferencesTests
{
    [Fact]
    public void No_text_in_any_locale_names_a_command_or_option_as_another_locale_shows_it()
    {
        using var bot = new TestBot();
        var texts = EveryText().ToList();
        Assert.True(texts.Count > 80, $"only {texts.Count} texts found");
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
    public async Task An_error_about_an_option_names_it_as_the_readers_client_shows_it()
    {
        using var bot = new TestBot();

        var result = await bot.Run("/cast actor:" + new string('x', 101), Locale.Indonesian);

        var message = result.Error?.Message[Locale.Indonesian] ?? result.Response.Data?.Content ?? "";
        Assert.Contains("`aktor`", message, StringComparison.Ordinal);
        Assert.DoesNotContain("`actor`", message, StringComparison.Ordinal);
    }

    /// <summary>Patterns for the names that differ between the two locales, as texts would quote them.</summary>
    private static IEnumerable<Regex> ForeignNames(IReadOnlyList<ApplicationCommand> definitions, Locale mine, Locale theirs)
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
        foreach (var property in typeof(Strings).GetProperties(flags).Where(p => p.PropertyType == typeof(LocalizedText)))
            yield return (property.Name, (LocalizedText)property.GetValue(null)!);
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
