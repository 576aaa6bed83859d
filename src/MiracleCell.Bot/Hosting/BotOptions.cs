using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using MiracleCell.Bot.Transport;

namespace MiracleCell.Bot.Hosting;

/// <summary>The <c>Bot</c> configuration section (appsettings.json, or <c>Bot__ContentFolder</c> in the
/// environment).</summary>
internal sealed class BotOptions
{
    public const string SectionName = "Bot";
    public const string DefaultContentFolder = "data/films";

    /// <summary>
    /// The film library: one content pack per subfolder (or a folder holding film.yaml, a library of one). A relative
    /// path is looked for from the current directory and the app's directory upwards.
    /// </summary>
    [Required(AllowEmptyStrings = false,
        ErrorMessage = "Bot:ContentFolder must name the film library folder, e.g. data/films.")]
    public string ContentFolder { get; set; } = DefaultContentFolder;

    /// <summary>When to write the command definitions to Discord: IfChanged (default), Always or Never.</summary>
    public CommandRegistrationMode RegisterCommands { get; set; } = CommandRegistrationMode.IfChanged;
}

/// <summary>Checks <see cref="BotOptions"/>' data annotations with generated code rather than reflection.</summary>
[OptionsValidator]
internal sealed partial class BotOptionsValidator : IValidateOptions<BotOptions>;
