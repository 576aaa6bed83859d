using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MiracleCell.Discord.Gateway;
using MiracleCell.Discord.Rest;
using MiracleCell.Discord.Tests.Fakes.Gateway;
using Moq;

namespace MiracleCell.Discord.Tests.Gateway;

// Touches the process exit code, so it must not run alongside other hosting tests.
[Collection(nameof(ProcessExitCode))]
public sealed class GatewayHostingTests
{
    [Fact]
    public async Task A_fatal_close_code_logs_one_clear_line_sets_exit_code_1_and_stops_the_application()
    {
        await using var harness = await GatewayClientHarness.CreateAsync();
        harness.Gateway.CloseOnIdentifyWith = 4004;
        var lifetime = new Mock<IHostApplicationLifetime>();
        var stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lifetime.Setup(l => l.StopApplication()).Callback(stopped.SetResult);
        var logger = new CapturingLogger<GatewayHostedService>();
        using var service = new GatewayHostedService(harness.CreateShardSet(), lifetime.Object, logger);
        var exitCodeBefore = Environment.ExitCode;
        try
        {
            await service.StartAsync(CancellationToken.None);
            await stopped.Task.WaitAsync(FakeDiscordGateway.Patience);

            Assert.Equal(1, Environment.ExitCode);
            var line = Assert.Single(logger.LinesAt(LogLevel.Critical));
            Assert.StartsWith("Discord rejected the bot token (close code 4004): check Discord:Token", line,
                StringComparison.Ordinal);
            Assert.Single(harness.Gateway.Connections);
        }
        finally
        {
            Environment.ExitCode = exitCodeBefore;
        }
    }

    [Fact]
    public async Task Stopping_the_host_closes_the_gateway_with_1000()
    {
        await using var harness = await GatewayClientHarness.CreateAsync();
        using var service = new GatewayHostedService(harness.CreateShardSet(), Mock.Of<IHostApplicationLifetime>(),
            new CapturingLogger<GatewayHostedService>());

        await service.StartAsync(CancellationToken.None);
        await harness.Sink.WaitForDispatchAsync("READY");
        await service.StopAsync(CancellationToken.None);

        Assert.Equal(1000, await harness.Gateway.Connections[0].Ended.WaitAsync(FakeDiscordGateway.Patience));
    }

    [Fact]
    public async Task AddDiscordGateway_validates_the_Discord_section_when_the_host_starts_and_reports_every_problem()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Discord:Token"] = "Bot abc",
            ["Discord:ShardCount"] = "2",
            ["Discord:ShardId"] = "2",
        });
        builder.Services.AddSingleton(Mock.Of<IDiscordRestClient>());
        builder.Services.AddDiscordGateway();
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Equal(2, error.Failures.Count());
        Assert.Contains(error.Failures, f => f.StartsWith("Discord:Token", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.StartsWith("Discord:ShardId", StringComparison.Ordinal));
    }

    [Fact]
    public void AddDiscordGateway_registers_the_client_the_hosted_service_and_the_settings()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(
            new ConfigurationBuilder()
                .AddInMemoryCollection(new Dictionary<string, string?> { ["Discord:Token"] = "abc" })
                .Build() as IConfiguration);
        services.AddSingleton(Mock.Of<IDiscordRestClient>());
        services.AddSingleton(Mock.Of<IHostApplicationLifetime>());
        services.AddDiscordGateway(s => s.Intents = GatewayIntents.Guilds);
        services.AddDiscordGateway();
        using var provider = services.BuildServiceProvider();

        Assert.Same(provider.GetRequiredService<GatewayShardSet>().Primary,
            provider.GetRequiredService<DiscordGatewayClient>());
        Assert.Equal(GatewayIntents.Guilds, provider.GetRequiredService<GatewaySettings>().Intents);
        Assert.Single(provider.GetServices<IValidateOptions<DiscordOptions>>().OfType<DiscordOptionsValidator>());
        Assert.Equal("abc", provider.GetRequiredService<IOptions<DiscordOptions>>().Value.Token);
        Assert.Single(provider.GetServices<IHostedService>().OfType<GatewayHostedService>());
    }
}

[CollectionDefinition(nameof(ProcessExitCode), DisableParallelization = true)]
public sealed class ProcessExitCode;
