using MiracleCell.Core.Films;
using MiracleCell.Discord.Models;

namespace MiracleCell.Bot.Clubs;

/// <summary>How far the readers of a reply have watched a film: what it may show plainly.</summary>
internal interface IWatchProgressSource
{
    /// <summary>
    /// The club's progress for a reply the channel sees; for a reply only the caller sees
    /// (<paramref name="onlyCaller"/>), the caller's own progress when they set one, else the club's.
    /// Nothing watched where nothing is set, and outside a server.
    /// </summary>
    ValueTask<WatchProgress> GetAsync(
        Interaction interaction, FilmPack film, bool onlyCaller, CancellationToken cancellationToken);
}
