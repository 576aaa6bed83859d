using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MiracleCell.Discord.Rest;
using MiracleCell.Discord.Tests.Fakes.Rest;

namespace MiracleCell.Discord.Tests.Rest;

public sealed class DiscordRestServiceCollectionExtensionsTests
{
    [Fact]
    public async Task Configuration_section_sets_token_base_url_and_rest_tuning()
    {
        await using var fake = await FakeDiscordRestServer.StartAsync();
        var baseUrlWithoutSlash = fake.ApiBaseUrl.AbsoluteUri.TrimEnd('/');
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Discord:Token"] = "from-config",
            ["Discord:ApiBaseUrl"] = baseUrlWithoutSlash,
            ["Discord:Rest:RequestTimeout"] = "00:00:07",
            ["Discord:Rest:MaxRetries"] = "1",
        }).Build();
        var services = new ServiceCollection();
        services.AddDiscordRest(configuration.GetSection(DiscordOptions.SectionName));
        await using var provider = services.BuildServiceProvider(validateScopes: true);

        await provider.GetRequiredService<IDiscordRestClient>().GetCurrentApplicationAsync(CancellationToken.None);

        var request = Assert.Single(fake.Requests);
        Assert.Equal("/api/v10/applications/@me", request.Path);
        Assert.Equal("Bot from-config", request.Header("Authorization"));
        var rest = provider.GetRequiredService<IOptions<DiscordRestOptions>>().Value;
        Assert.Equal(TimeSpan.FromSeconds(7), rest.RequestTimeout);
        Assert.Equal(1, rest.MaxRetries);
    }

    [Fact]
    public void Invalid_rest_settings_are_refused_naming_the_setting_to_fix()
    {
        var services = new ServiceCollection();
        services.AddDiscordRest(discord => discord.Token = "t", rest =>
        {
            rest.RequestTimeout = TimeSpan.Zero;
            rest.GlobalRequestsPerSecond = 0;
        });
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() =>
            provider.GetRequiredService<IOptions<DiscordRestOptions>>().Value);

        Assert.Contains("Discord:Rest:RequestTimeout", error.Message, StringComparison.Ordinal);
        Assert.Contains("Discord:Rest:GlobalRequestsPerSecond", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Registering_twice_sends_each_request_through_one_rate_limiter()
    {
        await using var fake = await FakeDiscordRestServer.StartAsync();
        var logs = new CapturingLoggerProvider();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        services.AddDiscordRest(discord => (discord.Token, discord.ApiBaseUrl) = ("t", fake.ApiBaseUrl));
        services.AddDiscordRest(discord => (discord.Token, discord.ApiBaseUrl) = ("t", fake.ApiBaseUrl));
        await using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<IDiscordRestClient>().GetGatewayBotAsync(CancellationToken.None);

        Assert.Single(fake.Requests);
        Assert.Single(logs.Logs, log => log.Message.Contains("answered 200", StringComparison.Ordinal));
    }
}
