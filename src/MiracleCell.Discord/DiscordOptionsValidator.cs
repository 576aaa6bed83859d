using Microsoft.Extensions.Options;

namespace MiracleCell.Discord;

/// <summary>
/// Checks the <c>Discord</c> section at start-up and reports every wrong setting at once, each with what to set it to.
/// </summary>
public sealed class DiscordOptionsValidator : IValidateOptions<DiscordOptions>
{
    public ValidateOptionsResult Validate(string? name, DiscordOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        CheckToken(options.Token, problems);

        if (options.ApiBaseUrl is null || !options.ApiBaseUrl.IsAbsoluteUri
            || options.ApiBaseUrl.Scheme is not ("http" or "https"))
            problems.Add($"Discord:ApiBaseUrl is '{options.ApiBaseUrl}': set it to an absolute http(s) URL, normally "
                + "https://discord.com/api/v10/ (or remove it to use that).");

        if (options.GatewayUrl is { } gateway && (!gateway.IsAbsoluteUri || gateway.Scheme is not ("ws" or "wss")))
            problems.Add($"Discord:GatewayUrl is '{gateway}': set it to a ws:// or wss:// URL such as "
                + "wss://gateway.discord.gg, or remove it to ask Discord (GET /gateway/bot).");

        CheckShards(options, problems);

        if (options.DevGuildId == 0)
            problems.Add("Discord:DevGuildId is 0: set it to the id of your test server (right-click the server with "
                + "Developer Mode on, Copy Server ID), or remove it to register commands globally.");

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    private static void CheckShards(DiscordOptions options, List<string> problems)
    {
        if (options.ShardCount < 1)
        {
            problems.Add($"Discord:ShardCount is {options.ShardCount}: set it to 1 for a single shard, or to the "
                + "number of shards all processes run together.");
            if (options.ShardId < 0)
                problems.Add($"Discord:ShardId is {options.ShardId}: set it to 0 or more, below Discord:ShardCount.");
            return;
        }
        var last = options.ShardCount - 1;
        if (string.IsNullOrWhiteSpace(options.ShardIds))
        {
            if (options.ShardId < 0 || options.ShardId > last)
                problems.Add($"Discord:ShardId is {options.ShardId}: set it to a number from 0 to {last} "
                    + $"(Discord:ShardCount is {options.ShardCount}), or set Discord:ShardIds to a "
                    + $"range such as 0-{last}.");
            return;
        }
        if (options.ShardId != 0)
        {
            problems.Add($"Discord:ShardId is {options.ShardId} and Discord:ShardIds is '{options.ShardIds}': set only "
                + "Discord:ShardIds (Discord:ShardId is its one-shard synonym).");
            return;
        }
        if (ShardIdList.TryParse(options.ShardIds, out var problem) is not { } ids)
        {
            problems.Add($"Discord:ShardIds: {problem}");
            return;
        }
        if (ids[^1] > last)
            problems.Add($"Discord:ShardIds is '{options.ShardIds}' but Discord:ShardCount is {options.ShardCount}: "
                + $"shard ids run from 0 to {last}; raise Discord:ShardCount or lower the ids.");
    }

    private static void CheckToken(string? token, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(token))
        {
            problems.Add("Discord:Token is not set: put the bot token from the Developer Portal in appsettings.json or "
                + "the Discord__Token environment variable.");
            return;
        }
        if (token.StartsWith("Bot ", StringComparison.OrdinalIgnoreCase)
            || token.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            problems.Add("Discord:Token starts with a prefix (\"Bot \" or \"Bearer \"): set it to the token alone; the "
                + "client adds \"Bot \" itself.");
        else if (token.Any(char.IsWhiteSpace))
            problems.Add("Discord:Token contains whitespace: copy the token again from the Developer Portal (Bot page, "
                + "Reset Token) without spaces or line breaks.");
        else if (token.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_')))
            problems.Add("Discord:Token contains characters a bot token never has (only letters, digits, '.', '-' and "
                + "'_'): remove quotes or other stray characters around it.");
    }
}
