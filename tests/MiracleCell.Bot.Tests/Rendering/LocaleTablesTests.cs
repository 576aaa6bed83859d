using MiracleCell.Bot.Interactions;
using System.Reflection;
using System.Text;
using MiracleCell.Bot.Rendering;
using MiracleCell.Bot.Rendering.Texts;
using MiracleCell.Core.Text;
using MiracleCell.Discord.Models;

namespace MiracleCell.Bot.Tests.Rendering;

/// <summary>The per-locale tables agree with each other, with the command declarations and with the code.</summary>
public sealed class LocaleTablesTests
{
    private static readonly string LocalesFolder = Path.Combine(
        PackFolders.RepositoryRoot(), "src", "MiracleCell.Bot", "Rendering", "Locales");

    [Fact]
    public void Every_supported_locale_has_a_table_and_every_table_is_a_supported_locale()
    {
        var files = Directory.GetFiles(LocalesFolder, "*.json").Select(Path.GetFileName).Order().ToList();

        Assert.Equal(Locales.All.Select(TextTables.FileOf).Order(), files);
    }

    [Fact]
    public void Every_key_exists_in_every_locale()
    {
        var tables = ReadAll();
        var english = tables[Locale.English].Keys.ToHashSet();
        Assert.True(english.Count > 150, $"only {english.Count} keys");

        foreach (var (locale, table) in tables)
        {
            Assert.Empty(english.Except(table.Keys).Select(key => $"{TextTables.FileOf(locale)} lacks {key}"));
            Assert.Empty(table.Keys.Except(english).Select(key => $"{TextTables.FileOf(locale)} adds {key}"));
        }
    }

    [Fact]
    public void The_placeholders_of_each_key_are_the_same_in_every_locale()
    {
        var tables = ReadAll();
        var problems = new List<string>();
        foreach (var (key, parts) in tables[Locale.English])
        {
            var expected = Placeholders(parts);
            foreach (var (locale, table) in tables)
            {
                if (Placeholders(table[key]) is var actual && actual != expected)
                    problems.Add($"{TextTables.FileOf(locale)} {key}: {actual} instead of {expected}");
            }
        }
        Assert.Empty(problems);
    }

    [Fact]
    public void Every_reference_names_a_command_option_or_choice_the_bot_registers()
    {
        using var bot = new TestBot();
        var references = new CommandReferences(bot.Router.Definitions);
        var problems = new List<string>();
        var count = 0;
        foreach (var (locale, table) in ReadAll())
        {
            foreach (var (key, parts) in table)
            {
                foreach (var part in parts.Where(p => p.Kind is TextPartKind.Command or TextPartKind.Option
                    or TextPartKind.Choice))
                {
                    count++;
                    if (references.Resolve(part, locale) is null)
                        problems.Add($"{TextTables.FileOf(locale)} {key}: {part.Placeholder}");
                }
            }
        }
        Assert.Empty(problems);
        Assert.True(count > 40, $"only {count} references");
    }

    [Fact]
    public void References_resolve_to_the_names_each_locale_shows()
    {
        var tables = TextTables.Shipped;

        var hint = tables.Get("recap.hint").Text;
        var noQuestions = tables.Get("trivia.no_questions").Text;

        Assert.StartsWith("Pilih bagian dengan `/ringkasan bagian:<id>`", hint.Id, StringComparison.Ordinal);
        Assert.StartsWith("Pick a part with `/recap part:<id>`", hint.En, StringComparison.Ordinal);
        Assert.EndsWith("atur `spoiler` ke `izinkan`.", noQuestions.Id, StringComparison.Ordinal);
        Assert.Contains("`/kuis mulai`", tables.Get("trivia.game_over")[Locale.Indonesian], StringComparison.Ordinal);
    }

    [Fact]
    public void The_texts_can_name_every_command_the_bot_registers()
    {
        using var bot = new TestBot();

        Assert.Equal(
            bot.Router.Definitions.Select(d => d.Name).Order(),
            BuiltInCommands.Declarations.Select(d => d.Name).Order());
    }

    [Fact]
    public void Every_key_is_used_by_the_code_and_every_key_the_code_uses_is_in_the_tables()
    {
        Strings.EnsureLoaded();
        var used = UsedKeys().ToList();

        Assert.Equal(used.Count, used.Distinct().Count());
        Assert.Equal(TextTables.Shipped.Keys.Order(), used.Order());
    }

    [Fact]
    public void Plural_forms_pick_one_for_a_single_item_and_other_for_any_other_count()
    {
        Assert.Equal("1 player has answered", Strings.AnsweredSoFar(1).En);
        Assert.Equal("0 players have answered", Strings.AnsweredSoFar(0).En);
        Assert.Equal("2 players have answered", Strings.AnsweredSoFar(2).En);
        Assert.Equal("2 pemain sudah menjawab", Strings.AnsweredSoFar(2).Id);
    }

    [Theory]
    [InlineData("{\"a.b\": \"x\"", "id.json", "line")]
    [InlineData("[\"a.b\"]", "id.json", "one JSON object")]
    [InlineData("{\"a.b\": 3}", "id.json: \"a.b\": must be a text")]
    [InlineData("{\"a.b\": \"x {y\"}", "id.json: \"a.b\": the '{' at position 2 is never closed")]
    [InlineData("{\"a.b\": \"x {Y}\"}", "id.json: \"a.b\": '{Y}' is no placeholder")]
    [InlineData("{\"a.b\": \"x\", \"a.b\": \"y\"}", "id.json: \"a.b\": appears twice")]
    [InlineData("{\"A b\": \"x\"}", "id.json: \"A b\": is no key")]
    [InlineData("{}", "id.json: \"a.b\": missing")]
    [InlineData("{\"a.b\": \"{count} x\"}", "id.json: \"a.b\": has {count}, en.json has none")]
    public void A_malformed_table_fails_naming_the_file_and_the_key(string indonesian, params string[] expected)
    {
        var exception = Assert.Throws<LocaleTableException>(() => Load("""{"a.b": "x"}""", indonesian));

        foreach (var part in expected) Assert.Contains(part, exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{/nonsense}")]
    [InlineData("{/trivia begin}")]
    [InlineData("{option:recap.chapter}")]
    [InlineData("{option:trivia.start}")]
    [InlineData("{choice:trivia.start.spoilers.sometimes}")]
    public void A_reference_to_nothing_declared_fails_naming_the_file_and_the_key(string reference)
    {
        var text = $$"""{"a.b": "see {{reference}}"}""";

        var exception = Assert.Throws<LocaleTableException>(() => Load(text, text));

        Assert.Contains($"en.json: \"a.b\": {reference} is not declared", exception.Message, StringComparison.Ordinal);
        Assert.Contains($"id.json: \"a.b\": {reference} is not declared", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_locale_without_a_table_fails_naming_the_missing_file()
    {
        var exception = Assert.Throws<LocaleTableException>(() =>
            TextTables.Load(file => file == "en.json" ? Encoding.UTF8.GetBytes("{}") : null,
                BuiltInCommands.Declarations));

        Assert.Contains("id.json: is missing", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unusable_tables_stop_the_start_with_one_line_naming_each_problem()
    {
        var exception = Assert.Throws<LocaleTableException>(() => Load("""{"a.b": "x", "a.c": "y"}""", "{}"));

        var line = MiracleCell.Bot.Hosting.StartupFailures.Describe(exception);

        Assert.NotNull(line);
        Assert.DoesNotContain('\n', line);
        Assert.Contains("id.json: \"a.b\": missing", line, StringComparison.Ordinal);
        Assert.Contains("id.json: \"a.c\": missing", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Code_that_asks_for_a_key_or_arguments_the_tables_lack_fails_naming_the_file_and_the_key()
    {
        var tables = Load("""{"a.b": "{count} x"}""", """{"a.b": "{count} y"}""");

        var missing = Assert.Throws<LocaleTableException>(() => tables.Get("a.c"));
        var wrongArguments = Assert.Throws<LocaleTableException>(() => tables.Get("a.b", "number"));

        Assert.Contains("en.json: \"a.c\": no such key", missing.Message, StringComparison.Ordinal);
        Assert.Contains("en.json: \"a.b\": has the arguments {count}, but the code passes {number}",
            wrongArguments.Message, StringComparison.Ordinal);
        Assert.Equal(new LocalizedText("3 x", "3 y"), tables.Get("a.b", "count").Format("3"));
    }

    [Fact]
    public void Braces_are_written_twice_and_arguments_may_differ_per_locale()
    {
        var tables = Load("""{"a.b": "{{x}} {/help} {name}"}""", """{"a.b": "{name} {/help} }}"}""");

        var text = tables.Get("a.b", "name").Format(new LocalizedText("one", "satu"));

        Assert.Equal(new LocalizedText("{x} /help one", "satu /bantuan }"), text);
    }

    private static TextTables Load(string english, string indonesian) => TextTables.Load(
        file => Encoding.UTF8.GetBytes(file == "en.json" ? english : indonesian), BuiltInCommands.Declarations);

    private static Dictionary<Locale, IReadOnlyDictionary<string, IReadOnlyList<TextPart>>> ReadAll() =>
        Locales.All.ToDictionary(locale => locale, locale => LocaleTableReader.Read(
            TextTables.FileOf(locale), File.ReadAllBytes(Path.Combine(LocalesFolder, TextTables.FileOf(locale)))));

    private static string Placeholders(IReadOnlyList<TextPart> parts) =>
        string.Join(" ", parts.Select(p => p.Placeholder).Where(p => p.Length > 0).Order(StringComparer.Ordinal));

    /// <summary>The keys the members of <see cref="Strings"/> look up (fields, and properties' backing fields).
    /// </summary>
    private static IEnumerable<string> UsedKeys()
    {
        const BindingFlags flags = BindingFlags.NonPublic | BindingFlags.Public | BindingFlags.Static;
        foreach (var field in typeof(Strings).GetFields(flags))
        {
            switch (field.GetValue(null))
            {
                case TableText text:
                    yield return text.Key;
                    break;
                case PluralText plural:
                    foreach (var form in plural.Forms) yield return form.Key;
                    break;
            }
        }
    }
}
