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
        _partsByNeutralName = new NameIndex<RecapPart>(pack.Recap.OrderBy(p => p.Order).Select(p =>
            (p, p.Id, NeutralPartNames(p))));
        _spoilerFreeCharacters = new NameIndex<Character>(pack.Characters.Select(c =>
            (c, c.Name, (IEnumerable<string>)[.. c.Aliases, c.Id, c.Role.En, c.Role.Id])));
    }

    private readonly NameIndex<RecapPart> _partsByNeutralName;
    private readonly NameIndex<Character> _spoilerFreeCharacters;

    public FilmPack Pack { get; }

    /// <summary>Characters by name, alias, id or role ("the warden").</summary>
    public NameIndex<Character> Characters { get; }

    /// <summary>Actors by name or id, and by the name of a character they play.</summary>
    public NameIndex<CastMember> Cast { get; }

    /// <summary>Recap parts by id, alias or title, in film order.</summary>
    public NameIndex<RecapPart> RecapParts { get; }

    /// <summary>
    /// The parts that match <paramref name="typed"/>, best first, where a part past <paramref name="progress"/>
    /// answers only to its id, number and aliases (never its title), so the choice made gives nothing away.
    /// </summary>
    public IReadOnlyList<RecapPart> SuggestParts(string? typed, WatchProgress progress, int max)
    {
        if (string.IsNullOrWhiteSpace(typed)) return [.. Pack.Recap.OrderBy(p => p.Order).Take(max)];
        return [.. _partsByNeutralName.Suggest(typed, max)
            .Concat(RecapParts.Suggest(typed, max).Where(m => progress.Covers(m.Item)))
            .GroupBy(m => m.Item.Id, StringComparer.Ordinal)
            .Select(g => g.MaxBy(m => m.Score)!)
            .OrderByDescending(m => m.Score).ThenBy(m => m.Item.Order)
            .Select(m => m.Item)
            .Take(max)];
    }

    /// <summary>The part <paramref name="typed"/> names (number, id, alias, or a title within the progress).</summary>
    public RecapPart? ResolvePart(string typed, WatchProgress progress)
    {
        ArgumentNullException.ThrowIfNull(typed);
        var trimmed = typed.Trim();
        if (int.TryParse(trimmed, System.Globalization.NumberStyles.None,
                System.Globalization.CultureInfo.InvariantCulture, out var order))
            return Pack.Recap.FirstOrDefault(p => p.Order == order);
        if (Pack.Recap.FirstOrDefault(p => p.Id == trimmed) is { } byId) return byId;
        if (_partsByNeutralName.Resolve(trimmed)?.Item is { } neutral) return neutral;
        return RecapParts.Resolve(trimmed)?.Item is { } titled && progress.Covers(titled) ? titled : null;
    }

    /// <summary>
    /// Characters matching <paramref name="typed"/>, best first; a spoiler alias ("villain") answers only once the
    /// part that reveals it is within <paramref name="progress"/>.
    /// </summary>
    public IReadOnlyList<NameMatch<Character>> SuggestCharacters(string? typed, WatchProgress progress, int max)
    {
        var plain = _spoilerFreeCharacters.Suggest(typed, max);
        if (string.IsNullOrWhiteSpace(typed)) return plain;
        var revealed = RevealedAliases(progress);
        if (revealed is null) return plain;
        return [.. plain.Concat(revealed.Suggest(typed, max))
            .GroupBy(m => m.Item.Id, StringComparer.Ordinal)
            .Select(g => g.MaxBy(m => m.Score)!)
            .OrderByDescending(m => m.Score)
            .Take(max)];
    }

    /// <summary>The character <paramref name="typed"/> names, spoiler aliases counting only within the
    /// progress.</summary>
    public Character? ResolveCharacter(string typed, WatchProgress progress)
    {
        ArgumentNullException.ThrowIfNull(typed);
        return Pack.FindCharacter(typed)
            ?? _spoilerFreeCharacters.Resolve(typed)?.Item
            ?? RevealedAliases(progress)?.Resolve(typed)?.Item;
    }

    private NameIndex<Character>? RevealedAliases(WatchProgress progress)
    {
        var revealed = Pack.Characters
            .Select(
                c => (c, c.SpoilerAliases.Where(a => progress.Covers(Pack, a.Reveals)).Select(a => a.Name).ToList()))
            .Where(x => x.Item2.Count > 0)
            .Select(x => (x.c, x.c.Name, (IEnumerable<string>)x.Item2))
            .ToList();
        return revealed.Count == 0 ? null : new NameIndex<Character>(revealed);
    }

    private static IEnumerable<string> NeutralPartNames(RecapPart part)
    {
        var number = part.Order.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return [.. part.Aliases, $"part {number}", $"bagian {number}"];
    }

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
