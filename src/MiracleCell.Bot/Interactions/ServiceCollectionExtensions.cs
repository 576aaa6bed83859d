using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MiracleCell.Core.Films;

namespace MiracleCell.Bot.Interactions;

internal static class ServiceCollectionExtensions
{
    /// <summary>
    /// Registers the router, every command and the paging button handler over a library of the one film
    /// <paramref name="pack"/>; when null the caller must register the <see cref="FilmLibrary"/>.
    /// </summary>
    public static IServiceCollection AddMiracleCellCommands(this IServiceCollection services, FilmPack? pack = null) =>
        services.AddMiracleCellCommands(pack is null ? null : FilmLibrary.Of(pack));

    /// <summary>
    /// Registers the router, every command and the paging button handler over <paramref name="library"/>; when null
    /// the caller must register the <see cref="FilmLibrary"/>. The <see cref="FilmCatalog"/> resolves to its default
    /// film.
    /// </summary>
    public static IServiceCollection AddMiracleCellCommands(this IServiceCollection services, FilmLibrary? library)
    {
        if (library is not null) services.TryAddSingleton(library);
        services.TryAddSingleton(provider => provider.GetRequiredService<FilmLibrary>().Default);
        services.TryAddSingleton<Clubs.FilmChooser>();
        services.AddLogging();
        services.TryAddSingleton<Clubs.IWatchProgressSource>(new Clubs.FixedWatchProgress(WatchProgress.Nothing));

        foreach (var command in BuiltInCommands.Films) command.Register(services);

        // Paged replies: each command that can outgrow one message renders its pages again from the custom_id.
        services.AddSingleton<IComponentHandler, PageButtonHandler>();

        services.AddSingleton<InteractionRouter>();
        return services;
    }
}
