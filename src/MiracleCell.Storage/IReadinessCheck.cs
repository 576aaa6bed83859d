namespace MiracleCell.Storage;

/// <summary>
/// Something the bot needs before it can serve, asked by <c>/readyz</c> when the health listener is on. A store that
/// talks to a server registers one (<c>services.AddSingleton&lt;IReadinessCheck, …&gt;()</c>) that says whether the
/// server answers; with none registered the store counts as reachable (an embedded file always is).
/// </summary>
public interface IReadinessCheck
{
    /// <summary>Short name shown in the <c>/readyz</c> body, such as <c>store</c>.</summary>
    string Name { get; }

    /// <summary>True when ready. Should answer within a second or two; the caller's token ends the wait.</summary>
    Task<bool> IsReadyAsync(CancellationToken cancellationToken);
}
