namespace MiracleCell.Core.Films;

/// <summary>Everything the bot knows about one film, as loaded from a validated content pack.</summary>
public sealed record FilmPack(
    Film Film,
    IReadOnlyList<Character> Characters,
    IReadOnlyList<CastMember> Cast,
    IReadOnlyList<RecapPart> Recap,
    IReadOnlyList<TriviaQuestion> Trivia)
{
    public SourceDocument? FindSource(string id) => Film.Sources.FirstOrDefault(s => s.Id == id);

    public Character? FindCharacter(string id) => Characters.FirstOrDefault(c => c.Id == id);

    public CastMember? FindCastMember(string id) => Cast.FirstOrDefault(c => c.Id == id);

    /// <summary>The actors who play a character, with the role note ("as a child") where the pack gives one.</summary>
    public IEnumerable<(CastMember Actor, CastRole Role)> ActorsOf(string characterId) =>
        Cast.SelectMany(actor => actor.Roles.Where(r => r.CharacterId == characterId).Select(r => (actor, r)));
}
