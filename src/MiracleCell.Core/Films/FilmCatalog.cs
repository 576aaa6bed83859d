using MiracleCell.Core.Search;

namespace MiracleCell.Core.Films;

/// <summary>A loaded pack with its name indexes: what commands look things up in.</summary>
public sealed class FilmCatalog
{
    public FilmCatalog(FilmPack pack)
    {
        ArgumentNullException.ThrowIfNull(pack);
        Pack = pack;
        Characters = new NameIndex<Character>(pack.Characters.Select(c =>
            (c, c.Name, CharacterNames(c))));
        Cast = new NameIndex<CastMember>(pack.Cast.Select(a =>
            (a, a.Name, ActorNames(pack, a))));
        RecapParts = new NameIndex<RecapPart>(pack.Recap.OrderBy(p => p.Order).Select(p =>
            (p, p.Title.En, (IEnumerable<string>)[p.Id, .. p.Aliases, p.Title.Id])));
    }

    public FilmPack Pack { get; }

    /// <summary>Characters by name, alias, id or role ("the warden").</summary>
    public NameIndex<Character> Characters { get; }

    /// <summary>Actors by name or id, and by the name of a character they play.</summary>
    public NameIndex<CastMember> Cast { get; }

    /// <summary>Recap parts by id, alias or title, in film order.</summary>
    public NameIndex<RecapPart> RecapParts { get; }

    private static IEnumerable<string> CharacterNames(Character character) =>
        [
            .. character.Aliases, .. character.SpoilerAliases.Select(a => a.Name),
            character.Id, character.Role.En, character.Role.Id,
        ];

    private static IEnumerable<string> ActorNames(FilmPack pack, CastMember actor)
    {
        yield return actor.Id;
        foreach (var role in actor.Roles)
        {
            if (pack.FindCharacter(role.CharacterId) is { } character) yield return character.Name;
        }
    }
}
