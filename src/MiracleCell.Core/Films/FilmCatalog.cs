using MiracleCell.Core.Search;

namespace MiracleCell.Core.Films;

/// <summary>A loaded pack with its name indexes: what commands look things up in.</summary>
public sealed class FilmCatalog
{
    public FilmCatalog(FilmPack pack)
    {
        Pack = pack;
        Characters = new NameIndex<Character>(pack.Characters.Select(c =>
            (c, c.Name, c.Aliases.Append(c.Role.En).Append(c.Role.Id).Append(c.Id))));
        Cast = new NameIndex<CastMember>(pack.Cast.Select(a => (a, a.Name, (IEnumerable<string>)[a.Id])));
        RecapParts = new NameIndex<RecapPart>(pack.Recap.OrderBy(p => p.Order).Select(p =>
            (p, p.Id, p.Aliases.Append(p.Title.En).Append(p.Title.Id))));
    }

    public FilmPack Pack { get; }
    public NameIndex<Character> Characters { get; }
    public NameIndex<CastMember> Cast { get; }
    public NameIndex<RecapPart> RecapParts { get; }
}
