using System.Globalization;
using System.Text.Json;
using MiracleCell.Bot.Rendering;
using MiracleCell.Discord.Models;

namespace MiracleCell.Bot.Interactions;

/// <summary>A whole-number option between its declared bounds.</summary>
internal sealed class IntegerOption(ApplicationCommandOption definition) : OptionDeclaration(definition)
{
    /// <summary>The number given, or null when the option was left out.</summary>
    public int? Read(GivenOptions given)
    {
        if (given.Find(this)?.Value is not { } value) return null;
        long number;
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var n)) number = n;
        else if (value.ValueKind == JsonValueKind.String && long.TryParse(
            value.GetString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var s)) number = s;
        else throw BadOption(Strings.OptionMustBeWholeNumber(Names));
        var min = Definition.MinValue ?? int.MinValue;
        var max = Definition.MaxValue ?? int.MaxValue;
        if (number < min || number > max)
            throw BadOption(Strings.OptionOutOfRange(Names, Definition.MinValue, Definition.MaxValue));
        return (int)number;
    }
}
