using MiracleCell.Core.Text;
using YamlDotNet.RepresentationModel;

namespace MiracleCell.Core.Films.Loading;

/// <summary>Reads characters.yaml: each character with aliases, facts and relationships.</summary>
internal sealed class CharactersFileReader(PackFile file, PackReferences references)
{
    public const string FileName = "characters.yaml";
    private static readonly LocalizedText Missing = new("", "");

    public List<Character> Read(YamlMappingNode root)
    {
        var characters = new List<Character>();
        var nodes = MappingReader.Open(file, root, FileName, "characters")!.List("characters", required: true);
        for (var i = 0; i < nodes.Count; i++)
        {
            if (ReadCharacter(nodes[i], i) is { } character) characters.Add(character);
        }
        return characters;
    }

    private Character? ReadCharacter(YamlNode node, int index)
    {
        var character = MappingReader.Open(file, node, $"character {index + 1}",
            "id", "name", "aliases", "role", "summary", "sources", "facts", "relationships");
        if (character is null) return null;

        var id = character.Id(references.DeclaredCharacters);
        if (id is not null) character.NameOwner($"character '{id}'");
        var name = character.String("name", limit: TextLimit.ChoiceName);
        var aliases = character.StringList("aliases", required: false, TextLimit.ChoiceName);
        var role = character.Localized("role", limit: TextLimit.ChoiceName);
        var summary = character.Localized("summary", limit: TextLimit.EmbedDescription);
        var sources = character.Sources(references);
        var facts = SourcedTextReader.ReadList(character, "facts", "fact", references, spoilerRequired: false);
        var relationships = ReadRelationships(character);
        return new Character(id ?? "", name ?? "", aliases, role ?? Missing, summary ?? Missing, facts, relationships, sources);
    }

    private List<Relationship> ReadRelationships(MappingReader character)
    {
        var relationships = new List<Relationship>();
        var nodes = character.List("relationships", required: false);
        for (var i = 0; i < nodes.Count; i++)
        {
            var owner = $"{character.Owner} relationship {i + 1}";
            if (MappingReader.Open(file, nodes[i], owner, "character", "relation", "spoiler", "sources") is not { } relationship) continue;
            var other = relationship.CharacterReference(references);
            var relation = relationship.Localized("relation", limit: TextLimit.FieldValue);
            var spoiler = relationship.Enum("spoiler", PackVocabulary.Spoilers, SpoilerLevel.None) ?? SpoilerLevel.None;
            var sources = relationship.Sources(references);
            relationships.Add(new Relationship(other ?? "", relation ?? Missing, spoiler, sources));
        }
        return relationships;
    }
}
