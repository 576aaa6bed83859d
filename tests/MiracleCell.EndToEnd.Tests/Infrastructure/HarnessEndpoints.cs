namespace MiracleCell.EndToEnd.Tests.Infrastructure;

/// <summary>The ready line the harness prints: where the bot and the tests connect.</summary>
public sealed record HarnessEndpoints(
    Uri Api,
    Uri Gateway,
    Uri Control,
    string BotToken,
    string ApplicationId,
    string GuildId);
