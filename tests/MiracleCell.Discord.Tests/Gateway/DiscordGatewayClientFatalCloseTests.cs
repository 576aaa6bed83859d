using MiracleCell.Discord.Gateway;
using MiracleCell.Discord.Tests.Fakes.Gateway;

namespace MiracleCell.Discord.Tests.Gateway;

public sealed class DiscordGatewayClientFatalCloseTests
{
    [Theory]
    [InlineData(4004, "Discord:Token")]
    [InlineData(4010, "Discord:ShardId")]
    [InlineData(4011, "Discord:ShardCount")]
    [InlineData(4012, "v=10")]
    [InlineData(4013, "Intents")]
    [InlineData(4014, "Developer Portal")]
    public async Task A_fatal_close_code_stops_the_client_with_an_error_naming_the_fix_and_never_reconnects(
        int closeCode, string fix)
    {
        await using var harness = await GatewayClientHarness.CreateAsync();
        harness.Gateway.CloseOnIdentifyWith = closeCode;
        harness.Start();

        var error = await harness.WaitForExitAsync();

        var fatal = Assert.IsType<DiscordGatewayFatalException>(error);
        Assert.Equal(closeCode, fatal.CloseCode);
        Assert.Contains($"close code {closeCode}", fatal.Message, StringComparison.Ordinal);
        Assert.Contains(fix, fatal.Message, StringComparison.Ordinal);
        Assert.Single(harness.Gateway.Connections);
        await Assert.ThrowsAsync<DiscordGatewayFatalException>(() =>
            harness.Client.WaitForReadyAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_fatal_close_code_after_a_healthy_session_also_stops_the_client()
    {
        await using var harness = await GatewayClientHarness.CreateAsync();
        await harness.StartReadyAsync();

        await harness.Gateway.CloseLatestAsync(4004);
        var error = await harness.WaitForExitAsync();

        Assert.Equal(4004, Assert.IsType<DiscordGatewayFatalException>(error).CloseCode);
        Assert.Single(harness.Gateway.Connections);
    }
}
