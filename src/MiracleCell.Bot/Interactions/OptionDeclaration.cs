using MiracleCell.Core.Text;
using MiracleCell.Discord.Models;

namespace MiracleCell.Bot.Interactions;

/// <summary>
/// One option of a command, declared once: its <see cref="Definition"/> goes into the registration payload and
/// the same object reads the value from an interaction (see the subclasses' <c>Read</c>).
/// </summary>
internal abstract class OptionDeclaration(ApplicationCommandOption definition)
{
    public ApplicationCommandOption Definition { get; } = definition;

    public string Name => Definition.Name;

    /// <summary>The option's name in every locale, e.g. (actor, aktor).</summary>
    public LocalizedText Names => LocalizedNames.Text(Definition);

    private protected static UserErrorException BadOption(LocalizedText message) =>
        new(new UserError(UserErrorKind.BadOption, message));
}
