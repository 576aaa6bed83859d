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
        if (name is not null) character.SpoilerFreeName(references, character.LineOf("name"), "the name", name);
        var (aliases, spoilerAliases) = ReadAliases(character);
        var role = character.Localized("role", limit: TextLimit.ChoiceName);
        character.SpoilerFree(references, "role", role);
        var summary = character.Localized("summary", limit: TextLimit.EmbedDescription);
        character.SpoilerFree(references, "summary", summary);
        var sources = character.Sources(references);
        var facts = SourcedTextReader.ReadList(character, "facts", "fact", references, spoilerRequired: false);
        var relationships = ReadRelationships(character);
        return new Character(id ?? "", name ?? "", aliases, role ?? Missing, summary ?? Missing, facts, relationships,
            sources)
        {
            SpoilerAliases = spoilerAliases,
        };
    }

    /// <summary>
    /// Aliases are plain names, shown to anyone, or <c>{ name, spoiler, reveals }</c> for a name that gives
    /// something away.
    /// </summary>
    private (List<string> Plain, List<SpoilerAlias> Spoilers) ReadAliases(MappingReader character)
    {
        var plain = new List<string>();
        var spoilers = new List<SpoilerAlias>();
        var nodes = character.List("aliases", required: false);
        for (var i = 0; i < nodes.Count; i++)
        {
            if (nodes[i] is YamlScalarNode { Value: { } text } && !string.IsNullOrWhiteSpace(text))
            {
                var alias = text.Trim();
                if (DiscordText.Length(alias) > TextLimit.ChoiceName.Max)
                    file.Report(nodes[i], $"{character.Owner}: alias '{alias}' is {DiscordText.Length(alias)} "
                        + $"characters long, but {TextLimit.ChoiceName.Place} allows at most "
                        + $"{TextLimit.ChoiceName.Max}: shorten it");
                character.SpoilerFreeName(references, NodeText.LineOf(nodes[i]), $"the alias '{alias}'", alias);
                plain.Add(alias);
                continue;
            }
            var owner = $"{character.Owner} alias {i + 1}";
            if (nodes[i] is not YamlMappingNode)
            {
                file.Report(nodes[i], $"{owner} should be a name, or a mapping of name, spoiler and reveals, but is "
                    + $"{NodeText.Describe(nodes[i])}");
                continue;
            }
            if (MappingReader.Open(file, nodes[i], owner, "name", "spoiler", "reveals") is not { } reader) continue;
            var name = reader.String("name", limit: TextLimit.ChoiceName);
            var spoiler = reader.Enum("spoiler", PackVocabulary.Spoilers);
            if (spoiler == SpoilerLevel.None)
            {
                reader.Report("spoiler", $"{owner} is spoiler: none: write it as a plain name in the list instead");
                continue;
            }
            var reveals = spoiler is { } level ? reader.Reveals(references, level) : null;
            if (name is not null && spoiler is { } found && reveals is not null)
                spoilers.Add(new SpoilerAlias(name, found, reveals));
        }
        return (plain, spoilers);
    }

    private List<Relationship> ReadRelationships(MappingReader character)
    {
        var relationships = new List<Relationship>();
        var nodes = character.List("relationships", required: false);
        for (var i = 0; i < nodes.Count; i++)
        {
            var owner = $"{character.Owner} relationship {i + 1}";
            if (MappingReader.Open(file, nodes[i], owner, "character", "relation", "spoiler", "sources",
                "reveals") is not { } relationship)
                continue;
            var other = relationship.CharacterReference(references);
            var relation = relationship.Localized("relation", limit: TextLimit.FieldValue);
            var spoiler = relationship.Enum("spoiler", PackVocabulary.Spoilers, SpoilerLevel.None) ?? SpoilerLevel.None;
            var sources = relationship.Sources(references);
            var reveals = relationship.Reveals(references, spoiler);
            if (spoiler == SpoilerLevel.None) relationship.SpoilerFree(references, "relation", relation);
            relationships.Add(new Relationship(other ?? "", relation ?? Missing, spoiler, sources, reveals));
        }
        return relationships;
    }
}
