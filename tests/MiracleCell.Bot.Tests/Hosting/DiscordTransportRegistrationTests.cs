using MiracleCell.Bot.Health;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MiracleCell.Bot.Hosting;
using MiracleCell.Bot.Transport;
using MiracleCell.Discord.Gateway;
using MiracleCell.Discord.Rest;

namespace MiracleCell.Bot.Tests.Hosting;

public sealed class DiscordTransportRegistrationTests
{
    private static ServiceProvider Build(params (string Key, string Value)[] extra)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Discord:Token"] = "test-token",
            ["Discord:GatewayUrl"] = "ws://127.0.0.1:9/gateway",
        };
        foreach (var (key, value) in extra) settings[key] = value;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration);
        services.AddSingleton<IHostApplicationLifetime>(new Moq.Mock<IHostApplicationLifetime>().Object);
        services.AddMiracleCellBot(configuration, TestPacks.MiracleInCellNo7());
        return services.BuildServiceProvider();
    }

    [Fact]
    public async Task The_responder_is_the_gateways_interaction_sink_and_REST_is_registered()
    {
        await using var provider = Build();

        Assert.Contains(provider.GetServices<IGatewayEventSink>(),
            sink => sink is InteractionMetrics { Inner: InteractionResponder });
        Assert.NotNull(provider.GetRequiredService<IDiscordRestClient>());
    }

    [Fact]
    public async Task One_gateway_service_runs_the_gateway_and_a_fatal_refusal_ends_with_exit_code_78()
    {
        await using var provider = Build();

        var hosted = provider.GetServices<IHostedService>().Select(service => service.GetType()).ToList();
        Assert.Single(hosted, type => type == typeof(GatewayHostedService));
        Assert.Contains(typeof(CommandRegistrar), hosted);
        var exitCode = provider.GetRequiredService<BotExitCode>();
        foreach (var listener in provider.GetServices<IGatewayFatalErrorListener>())
            listener.OnFatalError(new DiscordGatewayFatalException(4004));
        Assert.Equal(ExitCodes.Configuration, exitCode.Code);
    }

    [Fact]
    public async Task Identify_is_paced_in_process_with_the_embedded_store()
    {
        await using var provider = Build();

        Assert.IsType<InProcessIdentifyCoordinator>(provider.GetRequiredService<IIdentifyCoordinator>());
    }

    [Fact]
    public async Task Identify_is_paced_through_the_database_with_the_PostgreSql_store()
    {
        // Resolving opens no connection: nothing listens on port 9.
        await using var provider = Build(
            ("Storage:Provider", "PostgreSql"), ("Storage:ConnectionString", "Host=127.0.0.1;Port=9;Username=bot"));

        Assert.IsType<PostgreSqlIdentifyCoordinator>(provider.GetRequiredService<IIdentifyCoordinator>());
    }
}
