using System.Globalization;
using System.Text.Json;
using MiracleCell.Bot.Rendering;
using MiracleCell.Discord.Models;

namespace MiracleCell.Bot.Interactions;

/// <summary>
/// Typed access to the options of one interaction, checked against the command's definition. Every accessor
/// throws <see cref="UserErrorException"/> with a message that says what to type instead.
/// </summary>
public sealed class CommandOptions
{
    private readonly ApplicationCommand _definition;
    private readonly Dictionary<string, InteractionDataOption> _given;

    public CommandOptions(ApplicationCommand definition, IReadOnlyList<InteractionDataOption>? given)
    {
        _definition = definition;
        _given = (given ?? []).GroupBy(o => o.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
    }

    public string CommandName => _definition.Name;

    /// <summary>The option marked <c>focused</c> (autocomplete), if any.</summary>
    public InteractionDataOption? Focused => _given.Values.FirstOrDefault(o => o.Focused == true);

    public bool Has(string name) => _given.ContainsKey(name);

    public string? GetString(string name)
    {
        var option = Find(name);
        if (option?.Value is not { } value) return null;
        if (value.ValueKind != JsonValueKind.String) throw BadOption(Strings.OptionMustBeText(LocalizedNames.Text(_definition), Named(name)));
        var text = value.GetString() ?? "";
        var declared = Declared(name);
        var length = Core.Text.DiscordText.Length(text);
        if (declared.MaxLength is { } max && length > max)
            throw BadOption(Strings.OptionTooLong(Named(name), max, length));
        if (declared.MinLength is { } min && length < min)
            throw BadOption(Strings.OptionTooShort(Named(name), min));
        return text;
    }

    public string GetRequiredString(string name) =>
        GetString(name) ?? throw BadOption(Strings.OptionRequired(LocalizedNames.Text(_definition), Named(name)));

    public bool? GetBoolean(string name)
    {
        var option = Find(name);
        if (option?.Value is not { } value) return null;
        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.String when bool.TryParse(value.GetString(), out var parsed) => parsed,
            _ => throw BadOption(Strings.OptionMustBeBoolean(Named(name))),
        };
    }

    public long? GetInteger(string name)
    {
        var option = Find(name);
        if (option?.Value is not { } value) return null;
        long number;
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var n)) number = n;
        else if (value.ValueKind == JsonValueKind.String && long.TryParse(value.GetString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var s)) number = s;
        else throw BadOption(Strings.OptionMustBeWholeNumber(Named(name)));
        var declared = Declared(name);
        if ((declared.MinValue is { } min && number < min) || (declared.MaxValue is { } max && number > max))
            throw BadOption(Strings.OptionOutOfRange(Named(name), declared.MinValue, declared.MaxValue));
        return number;
    }

    private InteractionDataOption? Find(string name)
    {
        _ = Declared(name);
        return _given.GetValueOrDefault(name);
    }

    // Asking for an option the definition does not declare is a programming error, not a user error.
    private ApplicationCommandOption Declared(string name) =>
        _definition.Options?.FirstOrDefault(o => o.Name == name)
        ?? throw new InvalidOperationException($"/{_definition.Name} declares no option '{name}'.");

    private Core.Text.LocalizedText Named(string name) => LocalizedNames.Text(Declared(name));

    private static UserErrorException BadOption(Core.Text.LocalizedText message) =>
        new(new UserError(UserErrorKind.BadOption, message));
}
