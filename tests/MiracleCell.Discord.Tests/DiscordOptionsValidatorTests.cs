namespace MiracleCell.Discord.Tests;

public sealed class DiscordOptionsValidatorTests
{
    private const string GoodToken = "MTAxNDcxMzgyMDE1NzI4NDQxMg.GxYz12.abcDEF_ghi-jkl";
    private readonly DiscordOptionsValidator _validator = new();

    [Fact]
    public void Good_options_pass() =>
        Assert.True(_validator.Validate(null, new DiscordOptions { Token = GoodToken, DevGuildId = 5 }).Succeeded);

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void A_missing_token_says_where_to_put_it(string token) =>
        Assert.Equal(
            "Discord:Token is not set: put the bot token from the Developer Portal in appsettings.json or the "
                + "Discord__Token environment variable.",
            Assert.Single(Failures(new DiscordOptions { Token = token })));

    [Theory]
    [InlineData("Bot " + GoodToken, "prefix")]
    [InlineData("bearer " + GoodToken, "prefix")]
    [InlineData("abc def", "whitespace")]
    [InlineData("abc\n", "whitespace")]
    [InlineData("\"abc\"", "characters")]
    public void A_malformed_token_is_reported(string token, string problem)
    {
        var failure = Assert.Single(Failures(new DiscordOptions { Token = token }));
        Assert.StartsWith("Discord:Token", failure, StringComparison.Ordinal);
        Assert.Contains(problem, failure, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ftp://discord.com/api/v10/")]
    [InlineData("wss://discord.com/api/v10/")]
    public void An_api_base_url_that_is_not_http_is_reported(string url) =>
        Assert.StartsWith("Discord:ApiBaseUrl",
            Assert.Single(Failures(new DiscordOptions { Token = GoodToken, ApiBaseUrl = new Uri(url) })),
            StringComparison.Ordinal);

    [Fact]
    public void A_relative_api_base_url_is_reported() =>
        Assert.StartsWith("Discord:ApiBaseUrl",
            Assert.Single(
                Failures(new DiscordOptions { Token = GoodToken, ApiBaseUrl = new Uri("api/v10", UriKind.Relative) })),
            StringComparison.Ordinal);

    [Theory]
    [InlineData("https://gateway.discord.gg")]
    [InlineData("http://127.0.0.1:5000")]
    public void A_gateway_url_that_is_not_a_websocket_url_is_reported(string url)
    {
        var failure = Assert.Single(Failures(new DiscordOptions { Token = GoodToken, GatewayUrl = new Uri(url) }));
        Assert.StartsWith("Discord:GatewayUrl", failure, StringComparison.Ordinal);
        Assert.Contains("wss://", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void A_shard_count_below_one_is_reported() =>
        Assert.StartsWith("Discord:ShardCount is 0",
            Assert.Single(Failures(new DiscordOptions { Token = GoodToken, ShardCount = 0 })),
            StringComparison.Ordinal);

    [Theory]
    [InlineData(-1, 1)]
    [InlineData(2, 2)]
    [InlineData(5, 3)]
    public void A_shard_id_outside_the_shard_count_is_reported(int shardId, int shardCount)
    {
        var failure = Assert.Single(
            Failures(new DiscordOptions { Token = GoodToken, ShardId = shardId, ShardCount = shardCount }));
        Assert.StartsWith($"Discord:ShardId is {shardId}", failure, StringComparison.Ordinal);
        Assert.Contains($"0 to {shardCount - 1}", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void A_dev_guild_id_of_zero_is_reported() =>
        Assert.StartsWith("Discord:DevGuildId is 0",
            Assert.Single(Failures(new DiscordOptions { Token = GoodToken, DevGuildId = 0 })),
            StringComparison.Ordinal);

    [Fact]
    public void Every_wrong_setting_is_reported_at_once()
    {
        var failures = Failures(new DiscordOptions
        {
            Token = "",
            ApiBaseUrl = new Uri("ftp://x/"),
            GatewayUrl = new Uri("https://x/"),
            ShardCount = 0,
            ShardId = -1,
            DevGuildId = 0,
        });

        Assert.Equal(
            ["Discord:Token", "Discord:ApiBaseUrl", "Discord:GatewayUrl", "Discord:ShardCount", "Discord:ShardId",
                "Discord:DevGuildId"],
            failures.Select(f => f[..f.IndexOf(' ', StringComparison.Ordinal)]));
    }

    [Fact]
    public void Shard_ids_beyond_the_shard_count_are_reported()
    {
        var failure = Assert.Single(
            Failures(new DiscordOptions { Token = GoodToken, ShardIds = "2-4", ShardCount = 4 }));
        Assert.StartsWith("Discord:ShardIds is '2-4' but Discord:ShardCount is 4", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Unreadable_shard_ids_are_reported()
    {
        var failure = Assert.Single(
            Failures(new DiscordOptions { Token = GoodToken, ShardIds = "3-1", ShardCount = 4 }));
        Assert.StartsWith("Discord:ShardIds: the range '3-1' runs backwards", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Setting_both_shard_id_and_shard_ids_is_reported() =>
        Assert.Contains("set only Discord:ShardIds",
            Assert.Single(
                Failures(new DiscordOptions { Token = GoodToken, ShardId = 1, ShardIds = "0-1", ShardCount = 2 })),
            StringComparison.Ordinal);

    [Fact]
    public void A_shard_range_inside_the_shard_count_is_accepted() =>
        Assert.Empty(Failures(new DiscordOptions { Token = GoodToken, ShardIds = "2-3", ShardCount = 4 }));

    private IReadOnlyList<string> Failures(DiscordOptions options) =>
        [.. _validator.Validate(null, options).Failures ?? []];
}
