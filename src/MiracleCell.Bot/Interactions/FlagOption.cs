using System.Text.Json;
using MiracleCell.Bot.Rendering;
using MiracleCell.Discord.Models;

namespace MiracleCell.Bot.Interactions;

/// <summary>A true/false option.</summary>
internal sealed class FlagOption(ApplicationCommandOption definition) : OptionDeclaration(definition)
{
    /// <summary>The value given, or null when the option was left out.</summary>
    public bool? Read(GivenOptions given)
    {
        if (given.Find(this)?.Value is not { } value) return null;
        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.String when bool.TryParse(value.GetString(), out var parsed) => parsed,
            _ => throw BadOption(Strings.OptionMustBeBoolean(Names)),
        };
    }
}
