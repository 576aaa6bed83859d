using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MiracleCell.Bot.Hosting;

/// <summary>
/// Checks every configuration section the bot uses before anything connects, and returns every problem at once —
/// values that cannot be read as their type as well as values the validators refuse — one line each, naming the
/// setting.
/// </summary>
internal sealed class ConfigurationCheck
{
    private readonly List<Func<IServiceProvider, IConfiguration, IEnumerable<string>>> _checks = [];

    /// <summary>Adds the options class bound to <paramref name="sectionPath"/> (e.g. <c>Discord:Rest</c>).</summary>
    public ConfigurationCheck Add<
        [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicProperties)] TOptions>(string sectionPath)
        where TOptions : class, new()
    {
        _checks.Add((services, configuration) => Check<TOptions>(services, configuration, sectionPath));
        return this;
    }

    public IReadOnlyList<string> FindProblems(IServiceProvider services, IConfiguration configuration) =>
        [.. _checks.SelectMany(check => check(services, configuration)).Distinct()];

    private static IEnumerable<string> Check<
        [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicProperties)] TOptions>(
        IServiceProvider services, IConfiguration configuration, string sectionPath)
        where TOptions : class, new()
    {
        try
        {
            _ = services.GetRequiredService<IOptions<TOptions>>().Value;
            return [];
        }
        catch (OptionsValidationException exception)
        {
            return exception.Failures;
        }
        catch (InvalidOperationException)
        {
            // A value could not be converted, which stops binding at the first one: find each such value, then
            // validate what could be read so the other problems are reported too.
            return CheckPropertyByProperty<TOptions>(services, configuration.GetSection(sectionPath), sectionPath);
        }
    }

    private static List<string> CheckPropertyByProperty<
        [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicProperties)] TOptions>(
        IServiceProvider services, IConfigurationSection section, string sectionPath)
        where TOptions : class, new()
    {
        var problems = new List<string>();
        var options = new TOptions();
        foreach (var property in typeof(TOptions).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite))
        {
            var child = section.GetSection(property.Name);
            if (child.Value is null) continue;
            if (ScalarSetting.TryConvert(child.Value, property.PropertyType, out var value))
            {
                property.SetValue(options, value);
            }
            else
            {
                problems.Add($"{sectionPath}:{property.Name} is '{child.Value}', which is not a valid "
                    + $"{Describe(property.PropertyType)}: correct it or remove it to use the default.");
            }
        }
        foreach (var validator in services.GetServices<IValidateOptions<TOptions>>())
        {
            var result = validator.Validate(Options.DefaultName, options);
            if (result.Failed) problems.AddRange(result.Failures ?? [result.FailureMessage]);
        }
        return problems;
    }

    private static string Describe(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (underlying.IsEnum) return $"value (one of {string.Join(", ", Enum.GetNames(underlying))})";
        if (underlying == typeof(Uri)) return "URL";
        if (underlying == typeof(TimeSpan)) return "duration (hh:mm:ss)";
        if (underlying == typeof(bool)) return "true/false value";
        if (underlying.IsPrimitive || underlying == typeof(decimal)) return "number";
        return underlying.Name;
    }
}
