using MiracleCell.Bot.Health;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MiracleCell.Bot.Interactions;
using MiracleCell.Bot.Transport;
using MiracleCell.Discord.Gateway;
using MiracleCell.Discord.Rest;

namespace MiracleCell.Bot.Tests.Hosting;

public sealed class DiscordTransportRegistrationTests
{
    private static ServiceProvider Build()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Discord:Token"] = "test-token",
            ["Discord:GatewayUrl"] = "ws://127.0.0.1:9/gateway",
        }).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration);
        services.AddSingleton<IHostApplicationLifetime>(new Moq.Mock<IHostApplicationLifetime>().Object);
        services.AddMiracleCellCommands(TestPacks.MiracleInCellNo7());
        services.AddDiscordTransport(configuration);
        return services.BuildServiceProvider();
    }

    [Fact]
    public void The_responder_is_the_gateways_interaction_sink_and_REST_is_registered()
    {
        using var provider = Build();

        Assert.Contains(provider.GetServices<IGatewayEventSink>(), sink => sink is InteractionMetrics { Inner: InteractionResponder });
        Assert.NotNull(provider.GetRequiredService<IDiscordRestClient>());
    }

    [Fact]
    public void The_bot_runs_the_gateway_itself_and_registers_commands()
    {
        using var provider = Build();

        var hosted = provider.GetServices<IHostedService>().Select(service => service.GetType()).ToList();
        Assert.Contains(typeof(GatewayRunner), hosted);
        Assert.Contains(typeof(CommandRegistrar), hosted);
        Assert.DoesNotContain(typeof(GatewayHostedService), hosted);
    }
}
