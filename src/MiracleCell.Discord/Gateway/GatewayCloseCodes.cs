namespace MiracleCell.Discord.Gateway;

/// <summary>What the client does after the gateway closed the connection with a given code.</summary>
public enum GatewayCloseAction
{
    /// <summary>Reconnect and resume the session (or identify if there is none).</summary>
    Resume,
    /// <summary>The session is gone: reconnect and identify afresh.</summary>
    Identify,
    /// <summary>Reconnecting cannot help (bad token, shard or intents): stop.</summary>
    Stop,
}

/// <summary>Discord's gateway close codes and the policy for each.</summary>
public static class GatewayCloseCodes
{
    public const int UnknownError = 4000;
    public const int AuthenticationFailed = 4004;
    public const int InvalidSequence = 4007;
    public const int SessionTimedOut = 4009;
    public const int InvalidShard = 4010;
    public const int ShardingRequired = 4011;
    public const int InvalidApiVersion = 4012;
    public const int InvalidIntents = 4013;
    public const int DisallowedIntents = 4014;

    /// <summary>
    /// No code (a dropped socket) and every code not listed as fatal or session-ending resumes: a resume that
    /// cannot work is answered with op 9, which then leads to a fresh Identify.
    /// </summary>
    public static GatewayCloseAction ActionFor(int? closeCode) => closeCode switch
    {
        AuthenticationFailed or InvalidShard or ShardingRequired or InvalidApiVersion or InvalidIntents
            or DisallowedIntents
            => GatewayCloseAction.Stop,
        InvalidSequence or SessionTimedOut => GatewayCloseAction.Identify,
        _ => GatewayCloseAction.Resume,
    };

    /// <summary>A sentence for a fatal close code that says what is wrong and what to change.</summary>
    public static string DescribeFatal(int closeCode) => closeCode switch
    {
        AuthenticationFailed =>
            "Discord rejected the bot token (close code 4004): check Discord:Token — copy the token again from the "
                + "Developer Portal (Bot page), without a \"Bot \" prefix.",
        InvalidShard =>
            "Discord rejected the shard (close code 4010): Discord:ShardId must be at least 0 and below "
                + "Discord:ShardCount.",
        ShardingRequired =>
            "Discord requires sharding (close code 4011): the bot is in too many guilds for one shard — raise "
                + "Discord:ShardCount (GET /gateway/bot recommends a count) and run one process per shard.",
        InvalidApiVersion =>
            "Discord rejected the gateway API version (close code 4012): connect with v=10 — check Discord:GatewayUrl "
                + "has no other version in it.",
        InvalidIntents =>
            "Discord rejected the gateway intents (close code 4013): the intents value contains bits Discord does not "
                + "know — fix GatewaySettings.Intents.",
        DisallowedIntents =>
            "Discord refused privileged intents (close code 4014): enable them for the bot in the Developer Portal "
                + "(Bot page, Privileged Gateway Intents) or remove them from GatewaySettings.Intents.",
        _ => $"The Discord gateway closed the connection with code {closeCode}, which does not allow reconnecting.",
    };
}
