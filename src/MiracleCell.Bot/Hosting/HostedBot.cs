using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MiracleCell.Core.Films;

namespace MiracleCell.Bot.Hosting;

/// <summary>The bot's host while it starts: built and checked, its films perhaps still loading.</summary>
internal sealed class HostedBot(IHost host, BackgroundContent<FilmLibrary> content, StartupGate gate, string folder)
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
    /// Waits for the library. Logs the packs left out as warnings. Usable: logs each film, opens the gate and returns
    /// true. Otherwise prints what stops it (one line
    /// naming the folder and what to do) and returns false.
    /// </summary>
    public async Task<bool> OpenWhenContentLoadedAsync(TextWriter error)
    {
        var loaded = await content.Loaded;
        var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("MiracleCell.Bot");
        foreach (var warning in loaded.Warnings ?? []) logger.LogWarning("{Problem}", warning);
        if (!loaded.IsUsable)
        {
            IReadOnlyList<string> problems = loaded.Problems.Count > 0
                ? loaded.Problems
                : [$"Bot:ContentFolder: no film was loaded from {folder}."];
            var count = problems.Count(problem => !problem.StartsWith(' '));
            if (problems.Count == 1)
            {
                await error.WriteLineAsync($"MiracleCell cannot start: {problems[0]}");
                return false;
            }
            await error.WriteLineAsync(
                $"MiracleCell cannot start: fix the configuration and start again ({count} problem(s)):");
            foreach (var problem in problems) await error.WriteLineAsync(problem);
            return false;
        }
        foreach (var film in content.Value.Films)
        {
            var pack = film.Pack;
            logger.LogInformation("Loaded {Film} from {Folder}: {Characters} characters, {Parts} recap parts",
                pack.Film.Id, folder, pack.Characters.Count, pack.Recap.Count);
        }
        gate.Open();
        return true;
    }
}
