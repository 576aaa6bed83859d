using MiracleCell.Discord.Gateway;

namespace MiracleCell.Discord.Tests.Gateway;

public sealed class GatewayCloseCodesTests
{
    [Theory]
    [InlineData(null, GatewayCloseAction.Resume)]
    [InlineData(1000, GatewayCloseAction.Resume)]
    [InlineData(1006, GatewayCloseAction.Resume)]
    [InlineData(4000, GatewayCloseAction.Resume)]
    [InlineData(4008, GatewayCloseAction.Resume)]
    [InlineData(4007, GatewayCloseAction.Identify)]
    [InlineData(4009, GatewayCloseAction.Identify)]
    [InlineData(4004, GatewayCloseAction.Stop)]
    [InlineData(4010, GatewayCloseAction.Stop)]
    [InlineData(4011, GatewayCloseAction.Stop)]
    [InlineData(4012, GatewayCloseAction.Stop)]
    [InlineData(4013, GatewayCloseAction.Stop)]
    [InlineData(4014, GatewayCloseAction.Stop)]
    public void Each_close_code_maps_to_its_documented_action(int? code, GatewayCloseAction expected) =>
        Assert.Equal(expected, GatewayCloseCodes.ActionFor(code));

    [Fact]
    public void The_bad_token_message_names_the_setting_to_check() =>
        Assert.StartsWith("Discord rejected the bot token (close code 4004): check Discord:Token",
            GatewayCloseCodes.DescribeFatal(4004), StringComparison.Ordinal);

    [Fact]
    public void Connection_urls_carry_the_version_and_encoding()
    {
        Assert.Equal("wss://gateway.discord.gg/?v=10&encoding=json",
            GatewayUri.ForConnection(new Uri("wss://gateway.discord.gg")).ToString());
        Assert.Equal("wss://gateway-us-east1-b.discord.gg/?v=10&encoding=json",
            GatewayUri.ForConnection(new Uri("wss://gateway-us-east1-b.discord.gg/")).ToString());
    }
}
