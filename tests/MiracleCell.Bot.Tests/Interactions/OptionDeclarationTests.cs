using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using MiracleCell.Bot.Commands;
using MiracleCell.Bot.Interactions;
using MiracleCell.Core.Films;
using MiracleCell.Core.Text;
using MiracleCell.Core.Trivia;
using MiracleCell.Discord.Models;

namespace MiracleCell.Bot.Tests.Interactions;

public sealed class OptionDeclarationTests
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

    [Fact]
    public void Trivia_start_binds_every_option_into_its_settings()
    {
        var options = Trivia.Bind(Given("trivia", Sub("start",
            Number("questions", 5), Number("seconds", 30), Value("difficulty", "hard"), Value("spoilers", "avoid"))));

        var start = Assert.IsType<TriviaOptions.Start>(options);
        Assert.Equal(new TriviaSettings(5, 30, Difficulty.Hard, SpoilerPolicy.Avoid), start.Settings);
    }

    [Fact]
    public void Trivia_stats_binds_a_mention_typed_on_the_console_to_the_member_id()
    {
        var options = Trivia.Bind(Given("trivia", Sub("stats", Value("user", "<@!1234>"))));

        Assert.Equal(new TriviaOptions.Stats(new Snowflake(1234)), options);
    }

    [Fact]
    public void A_value_outside_the_declared_choices_lists_them_in_the_readers_option_name()
    {
        var error = Assert.Throws<UserErrorException>(() =>
            Trivia.Bind(Given("trivia", Sub("start", Value("difficulty", "extreme")))));

        Assert.Equal(UserErrorKind.BadOption, error.Error.Kind);
        Assert.Contains("tingkat", error.Error.Message.Id, StringComparison.Ordinal);
        Assert.Contains("easy", error.Error.Message.En, StringComparison.Ordinal);
    }

    [Fact]
    public void A_number_outside_the_declared_range_is_refused_with_the_range()
    {
        var error = Assert.Throws<UserErrorException>(() =>
            Trivia.Bind(Given("trivia", Sub("start", Number("questions", 31)))));

        Assert.Equal("`questions` must be between 1 and 30.", error.Error.Message.En);
    }

    [Fact]
    public void No_subcommand_names_every_subcommand_in_the_readers_names()
    {
        var error = Assert.Throws<UserErrorException>(() => Trivia.Bind(Given("trivia")));

        Assert.Contains("`mulai`", error.Error.Message.Id, StringComparison.Ordinal);
        Assert.Contains("`statistik`", error.Error.Message.Id, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_declared_option_object_is_the_one_in_the_registered_definition()
    {
        Assert.Same(RecapCommand.Part.Definition, RecapCommand.Command.Options![0]);
        Assert.Same(RecapCommand.Spoilers.Definition, RecapCommand.Command.Options[1]);
        Assert.Same(TriviaCommand.Start.Definition, TriviaCommand.Command.Options![0]);
        Assert.Same(TriviaCommand.Questions.Definition, TriviaCommand.Start.Definition.Options![0]);
    }

    private static TriviaCommand Trivia { get; } = new(new ServiceCollection().BuildServiceProvider());

    private static GivenOptions Given(string command, params InteractionDataOption[] options) =>
        new(new LocalizedText(command, command), options);

    private static InteractionDataOption Sub(string name, params InteractionDataOption[] options) =>
        new() { Name = name, Type = ApplicationCommandOptionType.SubCommand, Options = options };

    private static InteractionDataOption Number(string name, int value) =>
        Value(name,
            JsonDocument.Parse(value.ToString(System.Globalization.CultureInfo.InvariantCulture)).RootElement.Clone());

    private static InteractionDataOption Value(string name, string text) => Value(name, JsonString(text));

    private static InteractionDataOption Value(string name, JsonElement json) => new()
    {
        Name = name,
        Type = ApplicationCommandOptionType.String,
        Value = json,
    };

    private static JsonElement JsonString(string text) =>
        JsonDocument.Parse(JsonSerializer.Serialize(text, JsonStringContext.Default.String)).RootElement.Clone();
}

[System.Text.Json.Serialization.JsonSerializable(typeof(string))]
internal sealed partial class JsonStringContext : System.Text.Json.Serialization.JsonSerializerContext;
