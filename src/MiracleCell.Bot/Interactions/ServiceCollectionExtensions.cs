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
        services.TryAddSingleton<Clubs.IWatchProgressSource>(new Clubs.FixedWatchProgress(WatchProgress.Nothing));

        services.AddCommand<FilmCommand>();
        services.AddCommand<RecapCommand>();
        services.AddCommand<CharacterCommand>();
        services.AddCommand<CastCommand>();
        services.AddCommand<SpoilerCommand>();
        services.AddCommand<HideSpoilersCommand>();
        services.AddCommand<ClubCommand>();
        services.AddCommand<HelpCommand>();

        // Paged replies: each command that can outgrow one message renders its pages again from the custom_id.
        services.AddSingleton<IComponentHandler, PageButtonHandler>();

        services.AddSingleton<InteractionRouter>();
        return services;
    }
}
