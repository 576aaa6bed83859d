using MiracleCell.Core.Text;

namespace MiracleCell.Core.Films;

/// <param name="Roles">Empty when no source gives the actor's role: the bot never invents one.</param>
/// <param name="Sources">Where the actor is named.</param>
public sealed record CastMember(string Id, string Name, IReadOnlyList<CastRole> Roles, IReadOnlyList<string> Sources);

/// <param name="Note">Qualifies the role, e.g. "as a child".</param>
public sealed record CastRole(string CharacterId, LocalizedText? Note, IReadOnlyList<string> Sources);
