using MiracleCell.Core.Text;
using MiracleCell.Discord.Models;

namespace MiracleCell.Bot.Interactions;

/// <summary>
/// The options an interaction carries, as Discord sent them. Only option declarations read them
/// (<see cref="OptionDeclaration"/>), so each option's name is written once, where it is declared.
/// </summary>
internal sealed class GivenOptions
{
    private readonly Dictionary<string, InteractionDataOption> _given;

    public GivenOptions(LocalizedText command, IReadOnlyList<InteractionDataOption>? given)
    {
        Command = command;
        _given = new Dictionary<string, InteractionDataOption>(given?.Count ?? 0, StringComparer.Ordinal);
        // An option given twice counts as its last value.
        foreach (var option in given ?? []) _given[option.Name] = option;
    }

    /// <summary>The command (or "command subcommand") in every locale, for error messages.</summary>
    public LocalizedText Command { get; }

    /// <summary>The option marked <c>focused</c> (autocomplete), if any.</summary>
    public InteractionDataOption? Focused => _given.Values.FirstOrDefault(o => o.Focused == true);

    /// <summary>
    /// The focused option with the options given beside it: these, or a subcommand's when the focused option is one
    /// of its own (<c>/trivia start film:…</c>).
    /// </summary>
    public (GivenOptions Scope, InteractionDataOption Focused)? FocusedWithin()
    {
        if (Focused is { } focused) return (this, focused);
        foreach (var sub in _given.Values.Where(o => o.Type == ApplicationCommandOptionType.SubCommand))
        {
            if (sub.Options?.FirstOrDefault(o => o.Focused == true) is { } inner)
                return (new GivenOptions(Command, sub.Options), inner);
        }
        return null;
    }

    internal InteractionDataOption? Find(OptionDeclaration option) => _given.GetValueOrDefault(option.Name);
}
