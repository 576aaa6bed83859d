using MiracleCell.Bot.Interactions;
using MiracleCell.Bot.Rendering;
using MiracleCell.Core.Text;
using MiracleCell.Discord.Models;

namespace MiracleCell.Bot.Commands;

/// <summary><c>/spoiler text [topic]</c>: re-posts the user's text, escaped, inside one spoiler tag under "who (topic:
/// …)".</summary>
internal sealed class SpoilerCommand : SlashCommand<SpoilerOptions>, IDeclaredCommand
{
    public const int MaxTextLength = 1800;
    public const int MaxTopicLength = 100;

    public static RequiredTextOption Text { get; } = Define.RequiredText(
        "text", "teks", "What to hide", "Yang ingin disembunyikan", maxLength: MaxTextLength);

    public static TextOption Topic { get; } = Define.Text(
        "topic", "topik",
        "What it is about, shown openly (e.g. the ending)", "Tentang apa, ditampilkan terbuka (mis. akhir cerita)",
        maxLength: MaxTopicLength);

    public static ApplicationCommand Command { get; } = Define.Slash(
        "spoiler", "spoiler",
        "Post your text hidden behind a spoiler tag",
        "Kirim teks Anda tersembunyi di balik tag spoiler",
        Text, Topic);

    public override ApplicationCommand Definition => Command;

    public override AcknowledgementMode Acknowledgement => AcknowledgementMode.Immediate;

    public override SpoilerOptions Bind(GivenOptions given) => new(Text.Read(given), Topic.Read(given));

    protected override ValueTask<CommandResult> HandleAsync(
        CommandContext context, SpoilerOptions options, CancellationToken cancellationToken)
    {
        var text = options.Text;
        var topic = options.Topic;
        var header = $"**{Strings.SharedSpoiler(SpoilerRepost.Mention(context.Interaction.Invoker))[context.Locale]}**";
        if (!string.IsNullOrWhiteSpace(topic))
            header += $" {Strings.Topic(Markdown.Escape(topic.Trim()))[context.Locale]}";
        return ValueTask.FromResult(CommandResult.Reply(SpoilerRepost.Build(header, text, context.Locale)));
    }
}

/// <summary>The options of <c>/spoiler</c>.</summary>
internal sealed record SpoilerOptions(string Text, string? Topic);
