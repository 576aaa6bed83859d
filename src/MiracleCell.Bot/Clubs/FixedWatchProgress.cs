using MiracleCell.Core.Films;
using MiracleCell.Discord.Models;

namespace MiracleCell.Bot.Clubs;

/// <summary>One progress for every reply: where no club setting is kept (the console), and nothing watched by
/// default.</summary>
internal sealed class FixedWatchProgress(WatchProgress progress) : IWatchProgressSource
{
    public ValueTask<WatchProgress> GetAsync(
        Interaction interaction, FilmPack film, bool onlyCaller, CancellationToken cancellationToken) =>
        ValueTask.FromResult(progress);
}
