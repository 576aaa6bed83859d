using MiracleCell.Bot.Rendering;
using MiracleCell.Core.Text;
using MiracleCell.Discord.Models;

namespace MiracleCell.Bot.Interactions;

/// <summary>
/// A command whose reply can outgrow one message. Its pages are rendered again when a page button is
/// pressed, from the state carried in the button's <c>custom_id</c> (<c>page:{key}:{state}:{index}</c>).
/// </summary>
internal interface IPagedCommand
{
    /// <summary>The second part of the page buttons' custom_id; no <c>:</c>.</summary>
    string PageKey { get; }

    /// <summary>Every page for <paramref name="state"/>; throws <see cref="UserErrorException"/> when the state no
    /// longer resolves.</summary>
    IReadOnlyList<MessagePayload> RenderPages(string state, Locale locale);
}

internal static class Paging
{
    public const string Prefix = "page";

    /// <summary>Page <paramref name="index"/> with Previous/Next buttons when there is more than one page.</summary>
    public static MessagePayload Page(IReadOnlyList<MessagePayload> pages, int index, string key, string state,
        Locale locale)
    {
        var page = pages[index];
        if (pages.Count == 1) return page;
        var row = Component.ActionRow(
            Component.Button(Strings.Previous[locale], CustomId(key, state, index - 1), disabled: index == 0),
            Component.Button(Strings.PageOf(index + 1, pages.Count)[locale], $"{Prefix}-indicator", disabled: true),
            Component.Button(Strings.Next[locale], CustomId(key, state, index + 1), ButtonStyle.Primary,
                disabled: index == pages.Count - 1));
        return page with { Components = [.. page.Components ?? [], row] };
    }

    public static string CustomId(string key, string state, int index) =>
        $"{Prefix}:{key}:{state}:{Math.Max(0, index).ToString(System.Globalization.CultureInfo.InvariantCulture)}";
}

/// <summary>Turns a page button press into an update of the message it is on.</summary>
internal sealed class PageButtonHandler(IEnumerable<IPagedCommand> commands) : IComponentHandler
{
    private readonly Dictionary<string, IPagedCommand> _commands = commands.ToDictionary(c => c.PageKey,
        StringComparer.Ordinal);

    public string Prefix => Paging.Prefix;

    public AcknowledgementMode Acknowledgement => AcknowledgementMode.Immediate;

    public ValueTask<CommandResult> HandleAsync(ComponentContext context, CancellationToken cancellationToken)
    {
        if (context.Arguments is not [var key, var state, var indexText]
            || !_commands.TryGetValue(key, out var command)
            || !int.TryParse(indexText, System.Globalization.CultureInfo.InvariantCulture, out var index))
            throw Outdated();

        var pages = command.RenderPages(state, context.Locale);
        if (index < 0 || index >= pages.Count) throw Outdated();
        // Pages meant for the caller alone (untagged spoilers) never replace a message everyone can see.
        var privatePages = pages[index].Flags?.HasFlag(MessageFlags.Ephemeral) == true;
        var onPrivateMessage = context.Interaction.Message?.Flags?.HasFlag(MessageFlags.Ephemeral) == true;
        if (privatePages && !onPrivateMessage) throw Outdated();
        return ValueTask.FromResult(CommandResult.Update(Paging.Page(pages, index, key, state, context.Locale)));
    }

    private static UserErrorException Outdated() => new(UserErrorKind.Unusable, Strings.UnknownButton);
}
