using YamlDotNet.RepresentationModel;

namespace MiracleCell.Core.Films.Loading;

/// <summary>Reads cast.yaml: each actor and the characters a source says they play.</summary>
internal sealed class CastFileReader(PackFile file, PackReferences references)
{
    public const string FileName = "cast.yaml";

    public List<CastMember> Read(YamlMappingNode root)
    {
        var cast = new List<CastMember>();
        var registry = new IdRegistry("cast member");
        var nodes = MappingReader.Open(file, root, FileName, "cast")!.List("cast", required: true);
        for (var i = 0; i < nodes.Count; i++)
        {
            if (MappingReader.Open(file, nodes[i], $"cast member {i + 1}", "id", "name", "sources",
                "roles") is not { } actor)
                continue;
            var id = actor.Id(registry);
            if (id is not null) actor.NameOwner($"cast member '{id}'");
            var name = actor.String("name", limit: TextLimit.ChoiceName);
            var sources = actor.Sources(references);
            var roles = ReadRoles(actor);
            cast.Add(new CastMember(id ?? "", name ?? "", roles, sources));
        }
        return cast;
    }

    private List<CastRole> ReadRoles(MappingReader actor)
    {
        var roles = new List<CastRole>();
        var nodes = actor.List("roles", required: false);
        for (var i = 0; i < nodes.Count; i++)
        {
            if (MappingReader.Open(file, nodes[i], $"{actor.Owner} role {i + 1}", "character", "note",
                "sources") is not { } role)
                continue;
            var character = role.CharacterReference(references);
            var note = role.Localized("note", required: false, limit: TextLimit.FieldValue);
            role.SpoilerFree(references, "note", note);
            var sources = role.Sources(references);
            roles.Add(new CastRole(character ?? "", note, sources));
        }
        return roles;
    }
}
