using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MiracleCell.Bot.Commands;
using MiracleCell.Core.Films;

namespace MiracleCell.Bot.Interactions;

public static class ServiceCollectionExtensions
{
    /// <summary>
    /// Registers the router, every command and the paging button handler. The <see cref="FilmCatalog"/> is
    /// registered from <paramref name="pack"/> when given; otherwise the caller must register one.
    /// </summary>
    public static IServiceCollection AddMiracleCellCommands(this IServiceCollection services, FilmPack? pack = null)
    {
        if (pack is not null) services.TryAddSingleton(new FilmCatalog(pack));
        services.AddLogging();

        services.AddSingleton<FilmCommand>();
        services.AddSingleton<RecapCommand>();
        services.AddSingleton<CharacterCommand>();
        services.AddSingleton<CastCommand>();
        services.AddSingleton<SpoilerCommand>();
        services.AddSingleton<HideSpoilersCommand>();
        services.AddSingleton<HelpCommand>();
        services.AddSingleton<IApplicationCommand>(sp => sp.GetRequiredService<FilmCommand>());
        services.AddSingleton<IApplicationCommand>(sp => sp.GetRequiredService<RecapCommand>());
        services.AddSingleton<IApplicationCommand>(sp => sp.GetRequiredService<CharacterCommand>());
        services.AddSingleton<IApplicationCommand>(sp => sp.GetRequiredService<CastCommand>());
        services.AddSingleton<IApplicationCommand>(sp => sp.GetRequiredService<SpoilerCommand>());
        services.AddSingleton<IApplicationCommand>(sp => sp.GetRequiredService<HideSpoilersCommand>());
        services.AddSingleton<IApplicationCommand>(sp => sp.GetRequiredService<HelpCommand>());

        // Paged replies: each command that can outgrow one message renders its pages again from the custom_id.
        services.AddSingleton<IPagedCommand>(sp => sp.GetRequiredService<FilmCommand>());
        services.AddSingleton<IPagedCommand>(sp => sp.GetRequiredService<RecapCommand>());
        services.AddSingleton<IPagedCommand>(sp => sp.GetRequiredService<CharacterCommand>());
        services.AddSingleton<IPagedCommand>(sp => sp.GetRequiredService<CastCommand>());
        services.AddSingleton<IComponentHandler, PageButtonHandler>();

        services.AddSingleton<InteractionRouter>();
        return services;
    }
}
