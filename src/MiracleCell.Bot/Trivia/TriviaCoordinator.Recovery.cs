using Microsoft.Extensions.Logging;
using MiracleCell.Core.Trivia;
using MiracleCell.Storage;

namespace MiracleCell.Bot.Trivia;

internal sealed partial class TriviaCoordinator
{
    /// <summary>
    /// Opens the store and closes the games a previous process left running, once: each question left open gets its
    /// buttons disabled (so nobody keeps clicking a dead game), then the channel is told what happened.
    /// </summary>
    public async Task EnsureRecoveredAsync(CancellationToken cancellationToken = default)
    {
        if (Volatile.Read(ref _recovered)) return;
        await _recoveryGate.WaitAsync(cancellationToken);
        try
        {
            if (_recovered) return;
            await _store.InitializeAsync(cancellationToken);
            var closed = await _store.RecoverInterruptedGamesAsync(_discord.HandlesGuild, cancellationToken);
            foreach (var game in closed)
            {
                _logger.LogInformation("Trivia game {GameId} in channel {ChannelId} was interrupted by a restart and "
                    + "closed with its points kept", game.GameId, game.ChannelId);
                var left = await _store.GetQuestionsLeftOpenAsync(game.GuildId, game.GameId, cancellationToken);
                if (left is not null) await CloseQuestionsLeftOpenAsync(game, left, cancellationToken);
                await TellChannelAsync(game.ChannelId, TriviaMessages.Interrupted(left?.Locale), cancellationToken);
            }
            Volatile.Write(ref _recovered, true);
        }
        finally
        {
            _recoveryGate.Release();
        }
    }

    private async Task CloseQuestionsLeftOpenAsync(GameClosure game, QuestionsLeftOpen left,
        CancellationToken cancellationToken)
    {
        var locale = left.Locale ?? Core.Text.Locale.English;
        foreach (var open in left.Questions)
        {
            // The store keeps question ids, not films: the question is looked for in every film of the library.
            var question = _library.Films.SelectMany(f => f.Pack.Trivia).FirstOrDefault(q => q.Id == open.QuestionId);
            if (question is null)
            {
                // The pack changed between the runs: the message cannot be rebuilt, and its clicks are refused anyway.
                _logger.LogWarning("Trivia question {QuestionId} of interrupted game {GameId} is no longer in the "
                    + "pack; its message {MessageId} keeps its buttons",
                    open.QuestionId, game.GameId, open.MessageId);
                continue;
            }

            var asked = GameQuestion.FromCode(open.Index, question, open.OptionOrderCode);
            var message = TriviaMessages.QuestionInterrupted(game.GameId, asked, left.QuestionCount, open.Answered,
                locale);
            try
            {
                await _messenger.EditAsync(game.ChannelId, open.MessageId, message, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                _logger.LogWarning(ex, "Could not close question message {MessageId} of interrupted "
                    + "trivia game {GameId}", open.MessageId, game.GameId);
            }
        }
    }

    private async Task TellChannelAsync(Snowflake channelId, Discord.Models.MessagePayload notice,
        CancellationToken cancellationToken)
    {
        try
        {
            await _messenger.PostAsync(channelId, notice, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _logger.LogWarning(ex, "Could not tell channel {ChannelId} that its trivia night was interrupted",
                channelId);
        }
    }
}
