using MiracleCell.Bot.Rendering;
using MiracleCell.Discord.Models;

namespace MiracleCell.Bot.Interactions;

/// <summary>A member option: a snowflake as Discord sends it, or an @mention as typed on the console.</summary>
internal sealed class UserOption(ApplicationCommandOption definition) : OptionDeclaration(definition)
{
    private readonly TextOption _text = new(definition);

    /// <summary>The member's id, or null when the option was left out.</summary>
    public Snowflake? Read(GivenOptions given)
    {
        if (_text.Read(given) is not { } text) return null;
        var trimmed = text.Trim();
        if (trimmed.StartsWith("<@", StringComparison.Ordinal) && trimmed.EndsWith('>'))
            trimmed = trimmed[2..^1].TrimStart('!');
        return Snowflake.TryParse(trimmed, out var id) && id != default
            ? id
            : throw BadOption(Strings.NotAUser(Names));
    }
}
