using Microsoft.Extensions.DependencyInjection;
using MiracleCell.Bot.Interactions;
using MiracleCell.Bot.Rendering;
using MiracleCell.Bot.Trivia;
using MiracleCell.Core.Trivia;

namespace MiracleCell.Bot.Commands;

/// <summary>
/// The A–D buttons under a trivia question. Acknowledged at once, ephemerally, after the answer is durable
/// (a group-committed LiteDB write: milliseconds); the message edits that follow happen in the background.
/// </summary>
internal sealed class TriviaAnswerButtons(IServiceProvider services) : IComponentHandler
{
    public string Prefix => AnswerButtonId.Prefix;

    public AcknowledgementMode Acknowledgement => AcknowledgementMode.Immediate;

    public async ValueTask<CommandResult> HandleAsync(ComponentContext context, CancellationToken cancellationToken)
    {
        var interaction = context.Interaction;
        var locale = context.Locale;
        if (!AnswerButtonId.TryParse(context.Arguments, out var button)
            || interaction.GuildId is not { } guild || interaction.ChannelId is not { } channel
                || interaction.Invoker is not { } user)
        {
            throw Fail(Strings.TriviaButtonOutdated);
        }

        var result = await services.GetRequiredService<TriviaCoordinator>()
            .AnswerAsync(new TriviaClick(interaction.Id, guild, channel, user.Id, button),
                cancellationToken);
        return result.Status switch
        {
            TriviaClickStatus.LockedIn =>
                CommandResult.Reply(TriviaMessages.Ephemeral(Strings.LockedIn(result.Choice!.Value.Letter())[locale])),
            TriviaClickStatus.AlreadyLockedIn => throw Fail(Strings.AlreadyLockedIn(result.Choice?.Letter())),
            TriviaClickStatus.QuestionClosed => throw Fail(Strings.QuestionClosed),
            TriviaClickStatus.QuestionNotOpenYet => throw Fail(Strings.QuestionNotOpenYet),
            TriviaClickStatus.GameOver => throw Fail(Strings.TriviaGameOver),
            TriviaClickStatus.NotSaved => throw Fail(Strings.AnswerNotSaved),
            _ => throw Fail(Strings.TriviaButtonOutdated),
        };
    }

    private static UserErrorException Fail(Core.Text.LocalizedText message) => new(UserErrorKind.Unusable, message);
}
