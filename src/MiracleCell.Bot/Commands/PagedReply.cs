using MiracleCell.Bot.Interactions;
using MiracleCell.Core.Text;
using MiracleCell.Discord.Models;

namespace MiracleCell.Bot.Commands;

internal static class PagedReply
{
    /// <summary>The first page of a paged command's reply, with page buttons when there are more.</summary>
    public static ValueTask<CommandResult> First(IPagedCommand command, string state, Locale locale) =>
        ValueTask.FromResult(CommandResult.Reply(FirstPage(command, state, locale)));

    /// <summary>The message of <see cref="First"/>.</summary>
    public static MessagePayload FirstPage(IPagedCommand command, string state, Locale locale) =>
        Paging.Page(command.RenderPages(state, locale), 0, command.PageKey, state, locale);
}
