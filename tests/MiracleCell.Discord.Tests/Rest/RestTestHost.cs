using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MiracleCell.Discord.Rest;
using MiracleCell.Discord.Tests.Fakes.Rest;

namespace MiracleCell.Discord.Tests.Rest;

/// <summary>A <see cref="DiscordRestClient"/> wired as in the bot, pointed at a fresh fake Discord, with every log
/// captured.</summary>
internal sealed class RestTestHost : IAsyncDisposable
{
    public const string BotToken = "MTIzNDU2Nzg5.bot-token.SECRET-b0t";
    public const string InteractionToken = "aW50ZXJhY3Rpb24.interaction-token.SECRET-1nt";

    private readonly ServiceProvider _services;

    private RestTestHost(FakeDiscordRestServer fake, ServiceProvider services, CapturingLoggerProvider logs)
    {
        Fake = fake;
        _services = services;
        Logs = logs;
        Client = services.GetRequiredService<IDiscordRestClient>();
    }

    public FakeDiscordRestServer Fake { get; }
    public IDiscordRestClient Client { get; }
    public CapturingLoggerProvider Logs { get; }

    public static async Task<RestTestHost> StartAsync(Action<DiscordRestOptions>? configure = null,
        TimeProvider? time = null)
    {
        var fake = await FakeDiscordRestServer.StartAsync();
        var logs = new CapturingLoggerProvider();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        if (time is not null)
        {
            services.AddSingleton(time);
        }

        services.AddDiscordRest(
            discord =>
            {
                discord.Token = BotToken;
                discord.ApiBaseUrl = fake.ApiBaseUrl;
            },
            rest =>
            {
                rest.RequestTimeout = TimeSpan.FromSeconds(5);
                rest.RetryBaseDelay = TimeSpan.FromMilliseconds(1);
                rest.RetryMaxDelay = TimeSpan.FromMilliseconds(10);
                configure?.Invoke(rest);
            });
        return new RestTestHost(fake, services.BuildServiceProvider(validateScopes: true), logs);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Fake.DisposeAsync();
    }
}
