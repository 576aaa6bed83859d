namespace MiracleCell.Bot.Transport;

/// <summary>When the bot writes its command definitions to Discord (<c>Bot:RegisterCommands</c>).</summary>
internal enum CommandRegistrationMode
{
    /// <summary>Only when the definitions differ from what this bot last registered for the application and
    /// scope.</summary>
    IfChanged,
    /// <summary>At every start (e.g. after commands were edited or deleted by hand in Discord).</summary>
    Always,
    /// <summary>Never: another process registers the commands.</summary>
    Never,
}
