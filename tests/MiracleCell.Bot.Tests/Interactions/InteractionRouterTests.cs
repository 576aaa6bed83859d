using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using MiracleCell.Bot.Interactions;
using MiracleCell.Core.Text;
using MiracleCell.Discord.Models;

namespace MiracleCell.Bot.Tests.Interactions;

public sealed class InteractionRouterTests
{
    [Fact]
    public async Task An_unknown_command_becomes_an_ephemeral_user_error_naming_it()
    {
        using var bot = new TestBot();
        var result = await bot.Run("/trailer");

        Assert.Equal(InteractionOutcome.UserError, result.Outcome);
        Assert.Equal(UserErrorKind.UnknownCommand, result.Error!.Kind);
        Assert.Equal(InteractionCallbackType.ChannelMessageWithSource, result.Response.Type);
        Assert.Equal(MessageFlags.Ephemeral, result.Response.Data!.Flags);
        Assert.Contains("/trailer", result.Response.Data.Content, StringComparison.Ordinal);
        Assert.Contains("/help", result.Response.Data.Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_user_error_is_worded_in_the_callers_locale()
    {
        using var bot = new TestBot();
        var english = await bot.Run("/recap part:credits");
        var indonesian = await bot.Run("/recap part:credits", Locale.Indonesian);

        Assert.Contains("must be one of", english.Response.Data!.Content, StringComparison.Ordinal);
        Assert.Contains("harus salah satu dari", indonesian.Response.Data!.Content, StringComparison.Ordinal);
        Assert.Contains("`part-4`", indonesian.Response.Data.Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Autocomplete_answers_the_focused_option_with_at_most_25_choices_best_first()
    {
        using var bot = new TestBot(TestPacks.Oversized());
        var everyone = await bot.Run("/cast actor:?");
        var park = await bot.Run("/cast actor:park shin?");

        Assert.Equal(InteractionCallbackType.ApplicationCommandAutocompleteResult, everyone.Response.Type);
        Assert.Equal(25, everyone.Response.Data!.Choices!.Count);
        Assert.Equal("park-shin-hye", park.Response.Data!.Choices![0].Value.GetString());
    }

    [Fact]
    public async Task Autocomplete_routes_to_the_option_that_is_focused_not_the_first_one()
    {
        using var bot = new TestBot();
        var interaction = bot.Interaction("/recap spoilers:true part:end?");

        var result = await bot.Router.HandleAsync(interaction, CancellationToken.None);

        Assert.Equal("part-4", result.Response.Data!.Choices![0].Value.GetString());
    }

    [Fact]
    public async Task An_exception_in_a_handler_is_logged_and_becomes_an_ephemeral_something_went_wrong()
    {
        var logger = new ListLogger();
        var router = new InteractionRouter([new ThrowingCommand()], [], logger);

        var result = await router.HandleAsync(CommandInteraction("boom", "id"), CancellationToken.None);

        Assert.Equal(InteractionOutcome.Failed, result.Outcome);
        Assert.Equal(MessageFlags.Ephemeral, result.Response.Data!.Flags);
        Assert.Contains("Terjadi kesalahan", result.Response.Data.Content, StringComparison.Ordinal);
        Assert.Contains(logger.Entries, e => e.Level == LogLevel.Error && e.Exception is InvalidOperationException);
    }

    [Fact]
    public async Task The_error_id_in_the_apology_is_the_one_logged_with_the_exception()
    {
        var logger = new ListLogger();
        var router = new InteractionRouter([new ThrowingCommand()], [], logger);

        var first = await router.HandleAsync(CommandInteraction("boom", "en-US"), CancellationToken.None);
        var second = await router.HandleAsync(CommandInteraction("boom", "id"), CancellationToken.None);

        string[] ids = [ErrorIdIn(first.Response.Data!.Content), ErrorIdIn(second.Response.Data!.Content)];
        Assert.NotEqual(ids[0], ids[1]);
        var logged = logger.Entries.Where(e => e.Level == LogLevel.Error).ToList();
        Assert.Equal(2, logged.Count);
        for (var i = 0; i < ids.Length; i++)
        {
            Assert.IsType<InvalidOperationException>(logged[i].Exception);
            Assert.Contains($"error {ids[i]}", logged[i].Message, StringComparison.Ordinal);
        }
        Assert.StartsWith("⚠️ Something went wrong", first.Response.Data.Content, StringComparison.Ordinal);
        Assert.StartsWith("⚠️ Terjadi kesalahan", second.Response.Data.Content, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Locale.English, "No one called “nobody at all” is in the cast")]
    [InlineData(Locale.Indonesian, "Tidak ada pemeran bernama “nobody at all”")]
    public async Task A_users_mistake_is_an_ephemeral_reply_in_their_locale_and_is_not_logged(
        Locale locale, string expected)
    {
        using var bot = new TestBot();

        var result = await bot.Run("/cast actor:nobody at all", locale);

        Assert.Equal(InteractionOutcome.UserError, result.Outcome);
        Assert.Equal(UserErrorKind.NotFound, result.Error!.Kind);
        Assert.Equal(InteractionCallbackType.ChannelMessageWithSource, result.Response.Type);
        Assert.Equal(MessageFlags.Ephemeral, result.Response.Data!.Flags);
        Assert.StartsWith($"⚠️ {expected}", result.Response.Data.Content, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en-US", "That button no longer works.")]
    [InlineData("id", "Tombol itu sudah tidak berlaku.")]
    public async Task A_mistake_thrown_by_a_button_handler_is_rendered_like_a_commands(string locale, string expected)
    {
        var logger = new ListLogger();
        var router = new InteractionRouter([], [new RecordingComponent()], logger);

        var result = await router.HandleAsync(
            ComponentInteraction("trivia:refuse") with { Locale = locale }, CancellationToken.None);

        Assert.Equal(InteractionOutcome.UserError, result.Outcome);
        Assert.Equal(MessageFlags.Ephemeral, result.Response.Data!.Flags);
        Assert.StartsWith($"⚠️ {expected}", result.Response.Data.Content, StringComparison.Ordinal);
        Assert.Empty(logger.Entries);
    }

    private static string ErrorIdIn(string? content)
    {
        var match = System.Text.RegularExpressions.Regex.Match(content ?? "", "`([0-9a-f]{8})`");
        Assert.True(match.Success, $"no error id in: {content}");
        return match.Groups[1].Value;
    }

    [Fact]
    public async Task Cancellation_is_not_turned_into_a_reply()
    {
        var router = new InteractionRouter([new ThrowingCommand(cancel: true)], [],
            NullLogger<InteractionRouter>.Instance);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            router.HandleAsync(CommandInteraction("boom", "en-US"), cancelled.Token));
    }

    [Fact]
    public void Acknowledgement_is_planned_from_the_command_without_running_it()
    {
        var deferred = new ThrowingCommand(mode: AcknowledgementMode.Deferred);
        var router = new InteractionRouter([deferred, new ThrowingCommand(name: "quick")], [],
            NullLogger<InteractionRouter>.Instance);

        Assert.Equal(new AcknowledgementPlan(AcknowledgementMode.Deferred, Ephemeral: true),
            router.PlanAcknowledgement(CommandInteraction("boom", "en-US")));
        Assert.Equal(AcknowledgementPlan.Immediate, router.PlanAcknowledgement(CommandInteraction("quick", "en-US")));
        Assert.Equal(AcknowledgementPlan.Immediate,
            router.PlanAcknowledgement(CommandInteraction("nothing-here", "en-US")));
        Assert.Equal(0, deferred.Calls);
    }

    [Fact]
    public async Task Every_shipped_command_is_acknowledged_immediately_because_it_only_reads_memory()
    {
        using var bot = new TestBot();
        foreach (var line in new[] { "/film", "/recap part:ending spoilers:true", "/character name:yong goo", "/cast",
            "/spoiler text:x", "/help" })
            Assert.Equal(AcknowledgementMode.Immediate, bot.Router.PlanAcknowledgement(bot.Interaction(line)).Mode);
        var result = await bot.Run("/film");
        Assert.Equal(result.Response.Data!.Embeds, result.EditOriginalBody!.Embeds);
    }

    [Fact]
    public async Task A_component_is_routed_by_the_custom_id_prefix_with_the_rest_split_on_colons()
    {
        var handler = new RecordingComponent();
        var router = new InteractionRouter([], [handler], NullLogger<InteractionRouter>.Instance);

        var result = await router.HandleAsync(ComponentInteraction("trivia:game-42:answer:3"), CancellationToken.None);

        Assert.Equal(["game-42", "answer", "3"], handler.Arguments);
        Assert.Equal(InteractionCallbackType.UpdateMessage, result.Response.Type);
    }

    [Fact]
    public async Task A_button_nobody_handles_gets_an_ephemeral_out_of_date_reply()
    {
        var router = new InteractionRouter([], [new RecordingComponent()], NullLogger<InteractionRouter>.Instance);

        var result = await router.HandleAsync(ComponentInteraction("poll:1"), CancellationToken.None);

        Assert.Equal(InteractionOutcome.UserError, result.Outcome);
        Assert.Equal(MessageFlags.Ephemeral, result.Response.Data!.Flags);
    }

    [Fact]
    public async Task Every_reply_and_error_allows_no_mentions()
    {
        using var bot = new TestBot();
        foreach (var line in new[] { "/film", "/recap", "/recap part:nope", "/character name:zzzz", "/cast",
            "/spoiler text:hi", "/help", "/unknown" })
        {
            var result = await bot.Run(line);
            Assert.NotNull(result.Response.Data!.AllowedMentions);
            Assert.Empty(result.Response.Data.AllowedMentions!.Parse);
        }
    }

    [Fact]
    public void Two_commands_with_one_name_are_refused_at_start()
    {
        Assert.Throws<InvalidOperationException>(() =>
            new InteractionRouter([new ThrowingCommand(), new ThrowingCommand()], [],
                NullLogger<InteractionRouter>.Instance));
    }

    internal static Interaction CommandInteraction(string name, string locale) => new()
    {
        Id = new Snowflake(1),
        ApplicationId = new Snowflake(2),
        Type = InteractionType.ApplicationCommand,
        Token = "t",
        Locale = locale,
        Data = new InteractionData { Name = name, Type = ApplicationCommandType.ChatInput },
    };

    private static Interaction ComponentInteraction(string customId) => new()
    {
        Id = new Snowflake(1),
        ApplicationId = new Snowflake(2),
        Type = InteractionType.MessageComponent,
        Token = "t",
        Locale = "en-US",
        Data = new InteractionData { CustomId = customId, ComponentType = ComponentType.Button },
    };

    private sealed class ThrowingCommand(string name = "boom", AcknowledgementMode mode = AcknowledgementMode.Immediate,
        bool cancel = false) : IApplicationCommand
    {
        public int Calls { get; private set; }

        public ApplicationCommand Definition { get; } = new() { Name = name, Description = "Fails on purpose" };

        public AcknowledgementMode Acknowledgement => mode;

        public bool RepliesEphemerally(CommandContext context) => true;

        public ValueTask<CommandResult> HandleAsync(CommandContext context, CancellationToken cancellationToken)
        {
            Calls++;
            cancellationToken.ThrowIfCancellationRequested();
            if (cancel) throw new OperationCanceledException(cancellationToken);
            throw new InvalidOperationException("handler bug");
        }
    }

    private sealed class RecordingComponent : IComponentHandler
    {
        public IReadOnlyList<string> Arguments { get; private set; } = [];

        public string Prefix => "trivia";

        public AcknowledgementMode Acknowledgement => AcknowledgementMode.Immediate;

        public ValueTask<CommandResult> HandleAsync(ComponentContext context, CancellationToken cancellationToken)
        {
            Arguments = context.Arguments;
            if (context.Arguments is ["refuse"])
                throw new UserErrorException(UserErrorKind.Unusable, MiracleCell.Bot.Rendering.Strings.UnknownButton);
            return ValueTask.FromResult(CommandResult.Update(new MessagePayload { Content = "updated" }));
        }
    }

    private sealed class ListLogger : ILogger<InteractionRouter>
    {
        public List<(LogLevel Level, Exception? Exception, string Message)> Entries { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception,
            Func<TState, Exception?, string> formatter) =>
            Entries.Add((logLevel, exception, formatter(state, exception)));
    }
}
