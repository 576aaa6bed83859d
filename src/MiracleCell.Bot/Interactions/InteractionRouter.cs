using Microsoft.Extensions.Logging;
using MiracleCell.Bot.Rendering;
using MiracleCell.Core.Text;
using MiracleCell.Discord.Models;

namespace MiracleCell.Bot.Interactions;

/// <summary>
/// The one entry point for every transport (Discord gateway, console): finds the handler for an interaction,
/// runs it, and turns every outcome — reply, user error, exception — into a callback body.
/// </summary>
internal sealed partial class InteractionRouter
{
    public const int MaxAutocompleteChoices = 25;

    private readonly Dictionary<(ApplicationCommandType, string), IApplicationCommand> _commands = [];
    private readonly Dictionary<string, IComponentHandler> _components = new(StringComparer.Ordinal);
    private readonly ILogger<InteractionRouter> _logger;

    public InteractionRouter(IEnumerable<IApplicationCommand> commands, IEnumerable<IComponentHandler> components,
        ILogger<InteractionRouter> logger)
    {
        _logger = logger;
        foreach (var command in commands)
        {
            var key = (command.Definition.Type, command.Definition.Name);
            if (!_commands.TryAdd(key, command))
                throw new InvalidOperationException($"Two commands are named '{command.Definition.Name}'.");
        }
        foreach (var handler in components)
        {
            if (handler.Prefix.Contains(':', StringComparison.Ordinal) || !_components.TryAdd(handler.Prefix, handler))
                throw new InvalidOperationException($"Component prefix '{handler.Prefix}' is "
                    + "duplicated or contains ':'.");
        }
        Commands = [.. _commands.Values];
    }

    public IReadOnlyList<IApplicationCommand> Commands { get; }

    /// <summary>Every definition, ready for <c>PUT /applications/{app}/commands</c>.</summary>
    public IReadOnlyList<ApplicationCommand> Definitions => [.. Commands.Select(c => c.Definition)];

    public IApplicationCommand? FindCommand(string name,
        ApplicationCommandType type = ApplicationCommandType.ChatInput) =>
        _commands.GetValueOrDefault((type, name));

    /// <summary>
    /// Decides, without running any handler, how to acknowledge: call this first, send the defer if asked,
    /// then call <see cref="HandleAsync"/>. Unknown commands and malformed options plan Immediate (their reply is an
    /// error).
    /// </summary>
    public AcknowledgementPlan PlanAcknowledgement(Interaction interaction)
    {
        switch (interaction.Type)
        {
            case InteractionType.ApplicationCommand when FindCommand(
                interaction) is { Acknowledgement: AcknowledgementMode.Deferred } command:
                try
                {
                    var context = new CommandContext(interaction, Given(command, interaction.Data?.Options));
                    return new AcknowledgementPlan(AcknowledgementMode.Deferred, command.RepliesEphemerally(context));
                }
                catch (UserErrorException)
                {
                    return new AcknowledgementPlan(AcknowledgementMode.Deferred, Ephemeral: true);
                }
            case InteractionType.MessageComponent when FindComponent(
                interaction) is { Handler.Acknowledgement: AcknowledgementMode.Deferred }:
                return new AcknowledgementPlan(AcknowledgementMode.Deferred);
            default:
                return AcknowledgementPlan.Immediate;
        }
    }

    /// <summary>
    /// Runs the handler and returns the callback body. Never throws for a handler's failure (only for
    /// cancellation). This is the one place both kinds of failure are rendered (decisions §25): a
    /// <see cref="UserErrorException"/> becomes an ephemeral reply in the user's locale, any other exception is
    /// logged with a short error id and answered with an ephemeral apology quoting that id.
    /// </summary>
    public async Task<InteractionResult> HandleAsync(Interaction interaction, CancellationToken cancellationToken)
    {
        var locale = Locales.FromCode(interaction.Locale);
        try
        {
            return interaction.Type switch
            {
                InteractionType.Ping =>
                    new InteractionResult(InteractionOutcome.Replied,
                        new InteractionResponse { Type = InteractionCallbackType.Pong }, []),
                InteractionType.ApplicationCommand => await RunCommandAsync(interaction, cancellationToken),
                InteractionType.ApplicationCommandAutocomplete =>
                    await RunAutocompleteAsync(interaction, cancellationToken),
                InteractionType.MessageComponent => await RunComponentAsync(interaction, cancellationToken),
                _ => throw new UserErrorException(UserErrorKind.UnknownCommand, Strings.UnsupportedInteraction),
            };
        }
        catch (UserErrorException error)
        {
            return interaction.Type == InteractionType.ApplicationCommandAutocomplete
                ? Choices(InteractionOutcome.UserError, [], error.Error)
                : ErrorResult(error.Error, locale);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception exception)
        {
            var errorId = ErrorIds.New();
            LogFailed(_logger, exception, errorId, interaction.Id, interaction.Type,
                interaction.Data?.Name ?? interaction.Data?.CustomId);
            if (interaction.Type == InteractionType.ApplicationCommandAutocomplete)
                return Choices(InteractionOutcome.Failed, [], null);
            return new InteractionResult(InteractionOutcome.Failed,
                MessageResponse(Replies.Error(Strings.SomethingWentWrong(errorId)[locale])), []);
        }
    }

    private async Task<InteractionResult> RunCommandAsync(Interaction interaction, CancellationToken cancellationToken)
    {
        var command = FindCommand(interaction) ?? throw UnknownCommand(interaction);
        var context = new CommandContext(interaction, Given(command, interaction.Data?.Options));
        var result = await command.HandleAsync(context, cancellationToken);
        return FromResult(result);
    }

    private async Task<InteractionResult> RunAutocompleteAsync(Interaction interaction,
        CancellationToken cancellationToken)
    {
        if (FindCommand(interaction) is not IAutocompleteCommand command) throw UnknownCommand(interaction);
        if (Given(command, interaction.Data?.Options).FocusedWithin() is not var (scope, focused))
            return Choices(InteractionOutcome.Replied, [], null);
        var typed = focused.Value is { ValueKind: System.Text.Json.JsonValueKind.String } value
            ? value.GetString() ?? ""
            : focused.Value?.ToString() ?? "";
        var choices = await command.AutocompleteAsync(
            new AutocompleteContext(interaction, focused.Name, typed, scope), cancellationToken);
        return Choices(InteractionOutcome.Replied, [.. choices.Take(MaxAutocompleteChoices)], null);
    }

    private async Task<InteractionResult> RunComponentAsync(
        Interaction interaction, CancellationToken cancellationToken)
    {
        var (handler, parts) = FindComponent(interaction)
            ?? throw new UserErrorException(UserErrorKind.UnknownCommand, Strings.UnknownButton);
        var result = await handler.HandleAsync(new ComponentContext(interaction, interaction.Data!.CustomId!, parts),
            cancellationToken);
        return FromResult(result);
    }

    private IApplicationCommand? FindCommand(Interaction interaction) =>
        interaction.Data?.Name is { } name
            ? FindCommand(name, interaction.Data.Type ?? ApplicationCommandType.ChatInput)
            : null;

    private (IComponentHandler Handler, string[] Arguments)? FindComponent(Interaction interaction)
    {
        if (interaction.Data?.CustomId is not { } customId) return null;
        var parts = customId.Split(':');
        return _components.TryGetValue(parts[0], out var handler) ? (handler, parts[1..]) : null;
    }

    private static GivenOptions Given(IApplicationCommand command, IReadOnlyList<InteractionDataOption>? options) =>
        new(LocalizedNames.Text(command.Definition), options);

    private static UserErrorException UnknownCommand(Interaction interaction) =>
        new(new UserError(UserErrorKind.UnknownCommand, Strings.UnknownCommand(interaction.Data?.Name ?? "")));

    private static InteractionResult FromResult(CommandResult result)
    {
        if (!result.IsKept) return Answer(result);
        if (result.KeptCallback is { } kept) return kept;
        var answer = Answer(result);
        // Two first askers may both build it; either copy is the same callback.
        return result.KeptCallback = answer with { Response = answer.Response.Kept() };
    }

    private static InteractionResult Answer(CommandResult result)
    {
        var message = result.Message;
        var response = result.UpdatesMessage
            ? new InteractionResponse { Type = InteractionCallbackType.UpdateMessage,
                Data = InteractionCallbackData.FromMessage(message with { Flags = null }) }
            : MessageResponse(message);
        return new InteractionResult(InteractionOutcome.Replied, response, result.Actions);
    }

    private static InteractionResult ErrorResult(UserError error, Locale locale) =>
        new(InteractionOutcome.UserError, MessageResponse(Replies.Error(error.Message[locale])), [], error);

    private static InteractionResponse MessageResponse(MessagePayload message) => new()
    {
        Type = InteractionCallbackType.ChannelMessageWithSource,
        Data = InteractionCallbackData.FromMessage(
            message with { AllowedMentions = message.AllowedMentions ?? AllowedMentions.None }),
    };

    private static InteractionResult Choices(InteractionOutcome outcome,
        IReadOnlyList<ApplicationCommandOptionChoice> choices, UserError? error) =>
        new(outcome, new InteractionResponse
        {
            Type = InteractionCallbackType.ApplicationCommandAutocompleteResult,
            Data = new InteractionCallbackData { Choices = choices },
        }, [], error);

    [LoggerMessage(Level = LogLevel.Error,
        Message = "Interaction {InteractionId} ({Type} {Name}) failed with error {ErrorId}")]
    private static partial void LogFailed(ILogger logger, Exception exception, string errorId, Snowflake interactionId,
        InteractionType type, string? name);
}
