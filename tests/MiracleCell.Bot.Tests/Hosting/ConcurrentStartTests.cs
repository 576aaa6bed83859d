using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Moq;
using MiracleCell.Bot.Hosting;
using MiracleCell.Bot.Tests.Transport;
using MiracleCell.Core.Films;
using MiracleCell.Discord.Gateway;
using MiracleCell.Discord.Models;
using MiracleCell.Discord.Rest;
using MiracleCell.Testing;

namespace MiracleCell.Bot.Tests.Hosting;

/// <summary>
/// The hosted bot's composition while its pack is still loading: the gateway and its interaction sink can start, the
/// rest waits for the start-up gate, and a command that arrives meanwhile is still answered.
/// </summary>
public sealed class ConcurrentStartTests : IDisposable
{
    private readonly ManualTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 20, 0, 0, TimeSpan.Zero));
    private readonly Mock<IDiscordRestClient> _rest = new();
    private readonly ManualResetEventSlim _releaseLoad = new();
    private readonly string _dataFolder = Directory.CreateTempSubdirectory("miraclecell-start-").FullName;

    public void Dispose()
    {
        _releaseLoad.Set();
        _releaseLoad.Dispose();
        Directory.Delete(_dataFolder, recursive: true);
    }

    private (ServiceProvider Provider, BackgroundContent<FilmLibrary> Content, StartupGate Gate) Build()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Discord:Token"] = "test-token",
            ["Discord:GatewayUrl"] = "ws://127.0.0.1:9/gateway",
            ["Storage:DataFolder"] = _dataFolder,
        }).Build();
        var content = new BackgroundContent<FilmLibrary>(() =>
        {
            _releaseLoad.Wait();
            return new LoadedContent<FilmLibrary>(FilmLibrary.Of(TestPacks.MiracleInCellNo7()), []);
        });
        var gate = new StartupGate();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration);
        services.AddSingleton(new Mock<IHostApplicationLifetime>().Object);
        BotHost.AddHostedBot(services, configuration, content, gate);
        services.AddSingleton(_rest.Object);
        services.AddSingleton<TimeProvider>(_time);
        return (services.BuildServiceProvider(), content, gate);
    }

    [Fact]
    public async Task All_the_host_starts_with_is_built_before_the_pack_loads_and_only_the_gateway_starts_at_once()
    {
        var (provider, content, _) = Build();
        await using var _ = provider;

        var hosted = provider.GetServices<IHostedService>().ToList();
        Assert.NotEmpty(provider.GetServices<IGatewayEventSink>());

        Assert.False(content.Loaded.IsCompleted);
        Assert.Single(hosted, service => service is GatewayHostedService);
        Assert.All(hosted.Where(service => service is not GatewayHostedService),
            service => Assert.IsType<StartsAfterReady>(service));
    }

    [Fact]
    public async Task A_command_sent_while_the_pack_is_held_back_is_deferred_then_answered_with_the_film_once_it_loads()
    {
        var (provider, content, gate) = Build();
        await using var _ = provider;
        var sink = provider.GetServices<IGatewayEventSink>().Single();

        var handling = sink.OnInteractionCreateAsync(
            FakeInteractions.Command("film", _time.GetUtcNow()), CancellationToken.None);
        await WaitUntil(() => _time.PendingTimers > 0);
        _time.Advance(TimeSpan.FromSeconds(2.5));
        await WaitUntil(() => _rest.Invocations.Count > 0);
        Assert.False(content.Loaded.IsCompleted);
        _releaseLoad.Set();
        await content.Loaded;
        gate.Open();
        await handling;

        var callback = (InteractionResponse)Assert.Single(_rest.Invocations,
            call => call.Method.Name == nameof(IDiscordRestClient.CreateInteractionResponseAsync)).Arguments[2];
        Assert.Equal(InteractionCallbackType.DeferredChannelMessageWithSource, callback.Type);
        var edit = (MessagePayload)Assert.Single(_rest.Invocations,
            call => call.Method.Name == nameof(IDiscordRestClient.EditOriginalResponseAsync)).Arguments[2];
        var shown = edit.Content + string.Concat((edit.Embeds ?? []).Select(embed => embed.Title + embed.Description));
        Assert.Contains("Miracle in Cell No. 7", shown, StringComparison.Ordinal);
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!condition())
        {
            await Task.Delay(1, timeout.Token);
        }
    }
}
