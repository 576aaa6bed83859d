using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using MiracleCell.Bot.Console;
using MiracleCell.Bot.Interactions;
using MiracleCell.Bot.Transport;
using MiracleCell.Bot.Trivia;
using MiracleCell.Core.Films;

namespace MiracleCell.Bot.Hosting;

internal static class BotServiceCollectionExtensions
{
    /// <summary>
    /// The whole bot, the one composition every way of running it uses (the hosted bot, <c>console</c>/<c>ask</c>,
    /// the benchmarks and the tests): settings, commands, trivia nights and the <paramref name="transport"/>.
    /// Replace a part (time, a messenger, the store) by registering it again afterwards.
    /// </summary>
    /// <param name="pack">The one film; null when the caller registers the <see cref="FilmLibrary"/> itself.</param>
    public static IServiceCollection AddMiracleCellBot(
        this IServiceCollection services, IConfiguration configuration, FilmPack? pack,
        BotTransport transport = BotTransport.Discord) =>
        services.AddMiracleCellBot(configuration, pack is null ? null : FilmLibrary.Of(pack), transport);

    /// <param name="library">The films; null when the caller registers the <see cref="FilmLibrary"/> itself.</param>
    public static IServiceCollection AddMiracleCellBot(
        this IServiceCollection services, IConfiguration configuration, FilmLibrary? library,
        BotTransport transport = BotTransport.Discord)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        // Every text is looked up now, so a table that does not fit the code stops the bot before it connects.
        Rendering.Strings.EnsureLoaded();
        services.AddLogging();
        services.AddOptions<BotOptions>().Bind(configuration.GetSection(BotOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BotOptions>, BotOptionsValidator>());
        // Replies follow the progress each server keeps with /club (the store is registered with trivia nights).
        services.TryAddSingleton<Clubs.IWatchProgressSource, Clubs.ClubWatchProgress>();
        services.AddMiracleCellCommands(library);
        if (transport == BotTransport.Discord)
        {
            services.AddDiscordTransport(configuration);
            Health.HealthServiceCollectionExtensions.AddHealthEndpoints(services, configuration);
        }
        else services.AddConsoleTriviaMessenger();
        services.AddTriviaNights(configuration);
        return services;
    }
}
