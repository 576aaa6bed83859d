using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MiracleCell.Bot.Interactions;

internal static class CommandRegistration
{
    /// <summary>
    /// Registers one command: its declaration goes into the registration payload and <c>/help</c>, interactions
    /// with its name are routed to it, and so are its autocomplete requests and (when it is an
    /// <see cref="IPagedCommand"/>) its page buttons. No scanning: each shipped command is named once, in
    /// <see cref="BuiltInCommands"/>.
    /// </summary>
    public static IServiceCollection AddCommand<
        [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] T>(
        this IServiceCollection services)
        where T : class, IApplicationCommand
    {
        services.TryAddSingleton<T>();
        services.AddSingleton<IApplicationCommand>(provider => provider.GetRequiredService<T>());
        if (typeof(IPagedCommand).IsAssignableFrom(typeof(T)))
            services.AddSingleton(provider => (IPagedCommand)provider.GetRequiredService<T>());
        return services;
    }
}
