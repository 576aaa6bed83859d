using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MiracleCell.Core.Films;

namespace MiracleCell.Bot.Hosting;

/// <summary>The bot's host while it starts: built and checked, its pack perhaps still loading.</summary>
internal sealed class HostedBot(IHost host, BackgroundContent<FilmPack> content, StartupGate gate, string folder)
{
    public IHost Host => host;

    public StartupGate Gate => gate;

    /// <summary>Whether <see cref="StartAsync"/> was called, so stopping must close what it opened.</summary>
    public bool Started { get; private set; }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        Started = true;
        return host.StartAsync(cancellationToken);
    }

    /// <summary>
    /// Waits for the pack. Usable: logs it, opens the gate and returns true. Otherwise prints its problems (the same
    /// lines a wrong setting gets) and returns false.
    /// </summary>
    public async Task<bool> OpenWhenContentLoadedAsync(TextWriter error)
    {
        var loaded = await content.Loaded;
        if (!loaded.IsUsable)
        {
            IReadOnlyList<string> problems = loaded.Problems.Count > 0
                ? loaded.Problems
                : [$"Bot:ContentFolder: no content pack was loaded from {folder}."];
            if (problems is [var only])
            {
                await error.WriteLineAsync($"MiracleCell cannot start: {only}");
                return false;
            }
            var count = problems.Count(problem => !problem.StartsWith(' '));
            await error.WriteLineAsync(
                $"MiracleCell cannot start: fix the configuration and start again ({count} problem(s)):");
            foreach (var problem in problems) await error.WriteLineAsync(problem);
            return false;
        }
        var pack = content.Value;
        host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("MiracleCell.Bot").LogInformation(
            "Loaded {Film} from {Folder}: {Characters} characters, {Parts} recap parts",
            pack.Film.Id, folder, pack.Characters.Count, pack.Recap.Count);
        gate.Open();
        return true;
    }
}
