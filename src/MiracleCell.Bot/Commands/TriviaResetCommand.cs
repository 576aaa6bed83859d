using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MiracleCell.Bot.Interactions;
using MiracleCell.Bot.Rendering;
using MiracleCell.Bot.Trivia;
using MiracleCell.Discord.Models;
using MiracleCell.Storage;

namespace MiracleCell.Bot.Commands;

/// <summary>
/// <c>/trivia-reset [user]</c>: clears one member's trivia scores, or everyone's, after a confirmation button.
/// A top-level command of its own because <c>default_member_permissions</c> ("32", Manage Server) applies to a
/// whole command: on <c>/trivia</c> it would hide <c>/trivia start</c> from everyone else. The permission is
/// checked again here and on the confirmation click, since server admins can override the default.
/// </summary>
internal sealed class TriviaResetCommand(TimeProvider time, IOptions<TriviaNightOptions> options)
    : SlashCommand<TriviaResetOptions>, IDeclaredCommand
{
    public static UserOption User { get; } = Define.User(
        "user", "anggota",
        "Whose scores to reset (leave empty for everyone in this server)",
        "Skor siapa yang direset (kosongkan untuk semua orang di server ini)");

    public static ApplicationCommand Command { get; } = Define.Slash(
        "trivia-reset", "reset-kuis",
        "Reset trivia scores of a member, or of everyone (Manage Server)",
        "Reset skor kuis seorang anggota, atau semua orang (Kelola Server)",
        User) with
    {
        Contexts = [InteractionContextType.Guild],
        DefaultMemberPermissions = TriviaPermissions.ManageGuildDefault,
    };

    public override ApplicationCommand Definition => Command;

    // Only builds the confirmation prompt: nothing is written until the button is pressed.
    public override AcknowledgementMode Acknowledgement => AcknowledgementMode.Immediate;

    public override TriviaResetOptions Bind(GivenOptions given) => new(User.Read(given));

    protected override ValueTask<CommandResult> HandleAsync(
        CommandContext context, TriviaResetOptions resetOptions, CancellationToken cancellationToken)
    {
        var interaction = context.Interaction;
        var locale = context.Locale;
        if (interaction.GuildId is not { } guild || interaction.Invoker is not { } user)
            throw new UserErrorException(UserErrorKind.Unusable, Strings.TriviaNeedsServer);
        if (!TriviaPermissions.CanManageServer(interaction))
            throw new UserErrorException(UserErrorKind.MissingPermission, Strings.NeedsManageServer);

        var target = resetOptions.User;
        var lifetime = options.Value.ResetConfirmationLifetime;
        var expires = time.GetUtcNow() + lifetime;
        var question = target is { } t
            ? Strings.ConfirmResetMember(TriviaMessages.Mention(t))
            : Strings.ConfirmResetGuild;
        var confirm = new ResetButtonId(guild, target, user.Id, expires, Confirm: true);
        var message = TriviaMessages.Ephemeral($"{question[locale]}\n-# "
            + $"{Strings.ConfirmExpires((int)Math.Ceiling(lifetime.TotalMinutes))[locale]}") with
        {
            Components =
            [
                Component.ActionRow(
                    Component.Button(Strings.ResetButton[locale], confirm.ToString(), ButtonStyle.Danger),
                    Component.Button(Strings.CancelButton[locale], (confirm with { Confirm = false }).ToString())),
            ],
        };
        return ValueTask.FromResult(CommandResult.Reply(message));
    }
}

/// <summary>The options of <c>/trivia-reset</c>: whose scores, or null for everyone's.</summary>
internal sealed record TriviaResetOptions(Snowflake? User);

/// <summary>
/// The reset confirmation buttons. Only the member who asked may press them, only before they expire, only in
/// the server they were made for, and only while that member still has Manage Server.
/// </summary>
internal sealed class TriviaResetButtons(IServiceProvider services, TimeProvider time) : IComponentHandler
{
    public string Prefix => ResetButtonId.Prefix;

    // Resetting is a single store write (milliseconds), like recording an answer.
    public AcknowledgementMode Acknowledgement => AcknowledgementMode.Immediate;

    public async ValueTask<CommandResult> HandleAsync(ComponentContext context, CancellationToken cancellationToken)
    {
        var interaction = context.Interaction;
        var locale = context.Locale;
        if (!ResetButtonId.TryParse(context.Arguments, out var button) || interaction.GuildId != button.GuildId
            || interaction.Invoker is not { } user)
            throw Fail(UserErrorKind.Unusable, Strings.UnknownButton);
        if (user.Id != button.RequesterId)
            throw Fail(UserErrorKind.MissingPermission, Strings.OnlyRequesterConfirms);
        if (!button.Confirm) return CommandResult.Update(Done(Strings.ResetCancelled[locale]));
        if (time.GetUtcNow() >= button.ExpiresAt) return CommandResult.Update(Done(Strings.ResetExpired[locale]));
        if (!TriviaPermissions.CanManageServer(interaction))
            throw Fail(UserErrorKind.MissingPermission, Strings.NeedsManageServer);

        var store = services.GetRequiredService<ITriviaStore>();
        string text;
        if (button.TargetUserId is { } target)
        {
            var cleared = await store.ResetMemberAsync(button.GuildId, target, cancellationToken);
            text = Strings.ResetMemberDone(TriviaMessages.Mention(target), cleared)[locale];
        }
        else
        {
            var members = await store.ResetGuildAsync(button.GuildId, cancellationToken);
            text = Strings.ResetGuildDone(members)[locale];
        }
        return CommandResult.Update(Done(text));
    }

    private static MessagePayload Done(string text) =>
        new() { Content = text, Components = [], AllowedMentions = AllowedMentions.None };

    private static UserErrorException Fail(UserErrorKind kind, Core.Text.LocalizedText message) => new(kind, message);
}
