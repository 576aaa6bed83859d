using MiracleCell.Core.Text;
using MiracleCell.Discord.Models;

namespace MiracleCell.Bot.Interactions;

/// <summary>
/// An application command interaction. <see cref="Given"/> is read only through option declarations, so a
/// <see cref="SlashCommand{TOptions}"/> handler sees its typed options record instead.
/// </summary>
internal sealed record CommandContext(Interaction Interaction, GivenOptions Given)
{
    public Locale Locale => Locales.FromCode(Interaction.Locale);
}

/// <summary>An autocomplete request: which option is focused and what the user has typed so far.</summary>
/// <param name="Given">The options given beside the focused one (a part's film), read through their declarations.
/// </param>
internal sealed record AutocompleteContext(
    Interaction Interaction, string FocusedOption, string Typed, GivenOptions? Given = null)
{
    /// <summary>Whether <paramref name="option"/> is the one being typed.</summary>
    public bool Focuses(OptionDeclaration option) => option.Name == FocusedOption;

    public Locale Locale => Locales.FromCode(Interaction.Locale);
}

/// <summary>A component interaction; <see cref="Arguments"/> are the <c>custom_id</c> parts after the prefix.</summary>
internal sealed record ComponentContext(Interaction Interaction, string CustomId, IReadOnlyList<string> Arguments)
{
    public Locale Locale => Locales.FromCode(Interaction.Locale);
}
