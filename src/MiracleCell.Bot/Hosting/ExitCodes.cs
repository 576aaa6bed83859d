namespace MiracleCell.Bot.Hosting;

/// <summary>Process exit codes of the bot (<c>run</c> mode).</summary>
internal static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>
    /// EX_CONFIG from sysexits.h: a setting, the token or the content pack is wrong, and restarting will not help.
    /// The systemd unit lists it in <c>RestartPreventExitStatus</c>.
    /// </summary>
    public const int Configuration = 78;
}

/// <summary>The exit code a hosted service asks for when it stops the application; read after the host has
/// stopped.</summary>
internal sealed class BotExitCode
{
    private int _code = ExitCodes.Ok;

    public int Code => Volatile.Read(ref _code);

    public void Set(int code) => Interlocked.CompareExchange(ref _code, code, ExitCodes.Ok);
}
