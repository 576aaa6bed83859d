using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.DependencyInjection;
using MiracleCell.Bot.Commands;
using MiracleCell.Discord.Models;

namespace MiracleCell.Bot.Interactions;

/// <summary>
/// Every command the bot ships, each named once. Registration (routing, the payload, <c>/help</c>) and the text
/// tables' references (<c>{/help}</c>, <c>{option:recap.part}</c>) both read this list, so a command cannot be
/// registered without being nameable in texts, or the reverse. Adding a command is adding its line here.
/// </summary>
internal static class BuiltInCommands
{
    /// <summary>The film commands, <c>/club</c> and <c>/help</c>.</summary>
    public static IReadOnlyList<BuiltInCommand> Films { get; } =
    [
        Of<FilmCommand>(), Of<RecapCommand>(), Of<CharacterCommand>(), Of<CastCommand>(), Of<SpoilerCommand>(),
        Of<HideSpoilersCommand>(), Of<ClubCommand>(), Of<SourcesCommand>(), Of<HelpCommand>(),
    ];

    /// <summary>Registered with the trivia services they depend on.</summary>
    public static IReadOnlyList<BuiltInCommand> Trivia { get; } = [Of<TriviaCommand>(), Of<TriviaResetCommand>()];

    public static IReadOnlyList<ApplicationCommand> Declarations { get; } =
        [.. Films.Concat(Trivia).Select(command => command.Declaration)];

    private static BuiltInCommand Of<
        [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] T>()
        where T : class, IApplicationCommand, IDeclaredCommand =>
        new(T.Command, services => services.AddCommand<T>());
}

/// <summary>A shipped command's declaration and how to register it.</summary>
internal sealed record BuiltInCommand(ApplicationCommand Declaration, Action<IServiceCollection> Register);
