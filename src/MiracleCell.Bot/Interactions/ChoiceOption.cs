using MiracleCell.Bot.Rendering;
using MiracleCell.Discord.Models;

namespace MiracleCell.Bot.Interactions;

/// <summary>A text option with fixed choices, each standing for a value of <typeparamref name="T"/>.</summary>
internal sealed class ChoiceOption<T>(ApplicationCommandOption definition, IReadOnlyDictionary<string, T> values)
    : OptionDeclaration(definition)
    where T : struct
{
    private readonly TextOption _text = new(definition);

    /// <summary>The value of the choice given, or null when the option was left out.</summary>
    public T? Read(GivenOptions given)
    {
        if (_text.Read(given) is not { } chosen) return null;
        return values.TryGetValue(chosen, out var value)
            ? value
            : throw BadOption(Strings.OptionMustBeOneOf(Names, [.. values.Keys]));
    }
}
