using Microsoft.Extensions.DependencyInjection;
using MiracleCell.Bot.Interactions;
using MiracleCell.Bot.Rendering;
using MiracleCell.Core.Films;
using MiracleCell.Core.Text;
using MiracleCell.Discord.Models;

namespace MiracleCell.Bot.Commands;

/// <summary><c>/help</c>: what the bot does, and every registered command with its options, from their definitions.</summary>
public sealed class HelpCommand(FilmCatalog catalog, IServiceProvider services) : IApplicationCommand
{
    public const int Color = 0x99AAB5;

    public static ApplicationCommand Command { get; } = Define.Slash(
        "help", "bantuan",
        "What this bot does and how to use it",
        "Apa yang dilakukan bot ini dan cara menggunakannya");

    public ApplicationCommand Definition => Command;

    public AcknowledgementMode Acknowledgement => AcknowledgementMode.Immediate;

    public ValueTask<CommandResult> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var locale = context.Locale;
        var items = services.GetServices<IApplicationCommand>()
            .Select(c => c.Definition)
            .Select(d => d.Type == ApplicationCommandType.ChatInput
                ? new ReplyItem($"`{Usage(d)}`: {Markdown.Escape(Describe(d, locale))}")
                : new ReplyItem(Markdown.Escape(Strings.HideSpoilersHelp[locale])))
            .ToList();
        var document = new ReplyDocument(
            Strings.HelpTitle[locale],
            [new ReplyItem(Strings.HelpIntro(Markdown.Escape(catalog.Pack.Film.Titles.Display[locale]))[locale], Bullet: false)],
            [new ReplySection(Strings.Commands[locale], items)],
            Color,
            Ephemeral: true);
        var pages = ReplyRenderer.Render(document, id => id, locale);
        return ValueTask.FromResult(CommandResult.Reply(pages[0]));
    }

    private static string Describe(ApplicationCommand definition, Locale locale) =>
        locale == Locale.Indonesian && definition.DescriptionLocalizations?.GetValueOrDefault("id") is { } id ? id : definition.Description;

    private static string Usage(ApplicationCommand definition) =>
        string.Join(" ", (definition.Options ?? []).Select(o => o.Required == true ? $"{o.Name}:…" : $"[{o.Name}]").Prepend($"/{definition.Name}"));
}
