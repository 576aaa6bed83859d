using Microsoft.Extensions.DependencyInjection;
using MiracleCell.Bot.Interactions;
using MiracleCell.Bot.Rendering;
using MiracleCell.Core.Films;
using MiracleCell.Core.Text;
using MiracleCell.Discord.Models;

namespace MiracleCell.Bot.Commands;

/// <summary>
/// <c>/help</c>: what the bot does (about the server's current film), and every registered command with its options,
/// from their definitions.
/// </summary>
internal sealed class HelpCommand(Clubs.FilmChooser films, IServiceProvider services)
    : IApplicationCommand, IDeclaredCommand
{
    public const int Color = 0x99AAB5;

    public static ApplicationCommand Command { get; } = Define.Slash(
        "help", "bantuan",
        "What this bot does and how to use it",
        "Apa yang dilakukan bot ini dan cara menggunakannya");

    public ApplicationCommand Definition => Command;

    public AcknowledgementMode Acknowledgement => AcknowledgementMode.Immediate;

    public async ValueTask<CommandResult> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var locale = context.Locale;
        var catalog = await films.CurrentAsync(context.Interaction, cancellationToken);
        var items = services.GetServices<IApplicationCommand>().Select(command => Item(command, locale)).ToList();
        var document = new ReplyDocument(
            Strings.HelpTitle[locale],
            [new ReplyItem(Strings.HelpIntro(Markdown.Escape(catalog.Pack.Film.Titles.Display[locale]))[locale],
                Bullet: false)],
            [new ReplySection(Strings.Commands[locale], items)],
            Color,
            Ephemeral: true);
        var pages = ReplyRenderer.Render(document, id => id, locale);
        return CommandResult.Reply(pages[0]);
    }

    /// <summary>One line per command from its own declaration, in the names the reader's client shows.</summary>
    private static ReplyItem Item(IApplicationCommand command, Locale locale)
    {
        var definition = command.Definition;
        var description = command.Help?[locale] ?? LocalizedNames.DescriptionOf(definition, locale);
        if (definition.Type == ApplicationCommandType.ChatInput)
            return new ReplyItem($"`{Usage(definition, locale)}`: {Markdown.Escape(description)}");
        var name = LocalizedNames.Of(definition, locale);
        return new ReplyItem(Markdown.Escape(Strings.MessageCommandHelp(name, description)[locale]));
    }

    private static string Usage(ApplicationCommand definition, Locale locale) =>
        string.Join(" ", (definition.Options ?? [])
            .Select(o => o.Required == true ? $"{LocalizedNames.Of(o, locale)}:…" : $"[{LocalizedNames.Of(o, locale)}]")
            .Prepend($"/{LocalizedNames.Of(definition, locale)}"));
}
