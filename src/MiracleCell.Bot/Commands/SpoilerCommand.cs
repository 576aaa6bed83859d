using MiracleCell.Bot.Interactions;
using MiracleCell.Bot.Rendering;
using MiracleCell.Core.Text;
using MiracleCell.Discord.Models;

namespace MiracleCell.Bot.Commands;

/// <summary><c>/spoiler text [topic]</c>: re-posts the user's text, escaped, inside one spoiler tag under "who (topic: …)".</summary>
public sealed class SpoilerCommand : IApplicationCommand
{
    public const int MaxTextLength = 1800;
    public const int MaxTopicLength = 100;

    public static ApplicationCommand Command { get; } = Define.Slash(
        "spoiler", "spoiler",
        "Post your text hidden behind a spoiler tag",
        "Kirim teks Anda tersembunyi di balik tag spoiler",
        Define.Text("text", "teks", "What to hide", "Yang ingin disembunyikan", required: true, maxLength: MaxTextLength),
        Define.Text("topic", "topik", "What it is about, shown openly (e.g. the ending)", "Tentang apa, ditampilkan terbuka (mis. akhir cerita)", maxLength: MaxTopicLength));

    public ApplicationCommand Definition => Command;

    public AcknowledgementMode Acknowledgement => AcknowledgementMode.Immediate;

    public ValueTask<CommandResult> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var text = context.Options.GetRequiredString("text");
        var topic = context.Options.GetString("topic");
        var header = $"**{Strings.SharedSpoiler(SpoilerRepost.Mention(context.Interaction.Invoker))[context.Locale]}**";
        if (!string.IsNullOrWhiteSpace(topic)) header += $" {Strings.Topic(Markdown.Escape(topic.Trim()))[context.Locale]}";
        return ValueTask.FromResult(CommandResult.Reply(SpoilerRepost.Build(header, text, context.Locale)));
    }
}
