using MiracleCell.Bot.Interactions;
using MiracleCell.Core.Text;

namespace MiracleCell.Bot.Commands;

internal static class PagedReply
{
    /// <summary>The first page of a paged command's reply, with page buttons when there are more.</summary>
    public static ValueTask<CommandResult> First(IPagedCommand command, string state, Locale locale)
    {
        var pages = command.RenderPages(state, locale);
        return ValueTask.FromResult(CommandResult.Reply(Paging.Page(pages, 0, command.PageKey, state, locale)));
    }
}
