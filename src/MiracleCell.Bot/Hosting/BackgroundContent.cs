namespace MiracleCell.Bot.Hosting;

/// <summary>
/// Content loaded on the thread pool while the host is built, the store opens and the gateway connects. Services
/// built from <see cref="Value"/> are resolved only after the <see cref="StartupGate"/> opens.
/// </summary>
/// <typeparam name="T">What the commands serve (the film library).</typeparam>
internal sealed class BackgroundContent<T> where T : class
{
    /// <param name="load">The loader; it reports a bad pack as problems, not as an exception.</param>
    public BackgroundContent(Func<LoadedContent<T>> load) => Loaded = Task.Run(load);

    public Task<LoadedContent<T>> Loaded { get; }

    /// <summary>The content; only once <see cref="Loaded"/> has completed with usable content.</summary>
    public T Value => Loaded.IsCompletedSuccessfully && Loaded.Result is { IsUsable: true, Content: { } content }
        ? content
        : throw new InvalidOperationException(
            "Bug: the content was used before it was loaded; resolve what needs it after the start-up gate opens.");
}
