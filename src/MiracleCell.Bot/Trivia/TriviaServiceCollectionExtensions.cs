using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using MiracleCell.Bot.Commands;
using MiracleCell.Bot.Interactions;
using MiracleCell.Core.Trivia;
using MiracleCell.Storage;

namespace MiracleCell.Bot.Trivia;

internal static class TriviaServiceCollectionExtensions
{
    /// <summary>
    /// Registers trivia nights: the score store (<c>Storage</c> section), the <see cref="TriviaCoordinator"/> as a
    /// singleton and hosted service (it recovers interrupted games at start), <c>/trivia</c>, <c>/trivia-reset</c>
    /// and their buttons. Channel messages go through <see cref="DiscordTriviaMessenger"/> (which needs an
    /// <c>IDiscordRestClient</c>) unless an <see cref="ITriviaMessenger"/> was registered first.
    /// Call after <c>AddMiracleCellCommands</c>, which registers the film library.
    /// </summary>
    public static IServiceCollection AddTriviaNights(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddTriviaStore(configuration);
        services.AddOptions<TriviaNightOptions>().Bind(configuration.GetSection(TriviaNightOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(
            ServiceDescriptor.Singleton<IValidateOptions<TriviaNightOptions>, TriviaNightOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(_ => new QuestionSelector());
        services.TryAddSingleton<ITriviaMessenger, DiscordTriviaMessenger>();
        services.TryAddSingleton<TriviaCoordinator>();
        services.AddHostedService(sp => sp.GetRequiredService<TriviaCoordinator>());

        foreach (var command in BuiltInCommands.Trivia) command.Register(services);
        services.AddSingleton<IComponentHandler, TriviaAnswerButtons>();
        services.AddSingleton<IComponentHandler, TriviaResetButtons>();
        return services;
    }
}
