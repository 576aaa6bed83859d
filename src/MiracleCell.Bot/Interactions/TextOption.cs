using System.Text.Json;
using MiracleCell.Bot.Rendering;
using MiracleCell.Discord.Models;

namespace MiracleCell.Bot.Interactions;

/// <summary>An optional text option; its length is checked against the declared bounds.</summary>
internal class TextOption(ApplicationCommandOption definition) : OptionDeclaration(definition)
{
    /// <summary>The text given, or null when the option was left out.</summary>
    public string? Read(GivenOptions given)
    {
        if (given.Find(this)?.Value is not { } value) return null;
        if (value.ValueKind != JsonValueKind.String) throw BadOption(Strings.OptionMustBeText(given.Command, Names));
        var text = value.GetString() ?? "";
        var length = Core.Text.DiscordText.Length(text);
        if (Definition.MaxLength is { } max && length > max) throw BadOption(Strings.OptionTooLong(Names, max, length));
        if (Definition.MinLength is { } min && length < min) throw BadOption(Strings.OptionTooShort(Names, min));
        return text;
    }
}

/// <summary>A text option Discord requires; reading it when it is missing says how to type it.</summary>
internal sealed class RequiredTextOption(ApplicationCommandOption definition) : TextOption(definition)
{
    public new string Read(GivenOptions given) =>
        base.Read(given) ?? throw BadOption(Strings.OptionRequired(given.Command, Names));
}
