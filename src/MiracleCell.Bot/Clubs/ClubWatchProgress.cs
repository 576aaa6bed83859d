using Microsoft.Extensions.Logging;
using MiracleCell.Core.Films;
using MiracleCell.Discord.Models;
using MiracleCell.Storage;

namespace MiracleCell.Bot.Clubs;

/// <summary>
/// The progress kept by <c>/club</c> in the store: the club's for replies the channel sees, the caller's own (when set)
/// for replies only they see. A store that cannot be read gives "nothing watched": a reply then hides more, never less.
/// </summary>
internal sealed class ClubWatchProgress(IClubStore store, ILogger<ClubWatchProgress> logger) : IWatchProgressSource
{
    public async ValueTask<WatchProgress> GetAsync(
        Interaction interaction, FilmPack film, bool onlyCaller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        ArgumentNullException.ThrowIfNull(film);
        if (interaction.GuildId is not { } guild) return WatchProgress.Nothing;
        try
        {
            if (onlyCaller && interaction.Invoker is { } user
                && await store.GetMemberProgressAsync(guild, user.Id, film.Film.Id,
                    cancellationToken) is { } own)
                return WatchProgress.FromStored(own);
            var club = await store.GetClubAsync(guild, cancellationToken);
            return club.PartsWatchedByFilm.TryGetValue(film.Film.Id, out var parts)
                ? WatchProgress.FromStored(parts)
                : WatchProgress.Nothing;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogWarning(exception, "Club progress of guild {GuildId} unreadable; replying as if "
                + "nothing was watched", guild);
            return WatchProgress.Nothing;
        }
    }
}
