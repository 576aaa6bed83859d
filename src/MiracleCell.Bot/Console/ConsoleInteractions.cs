using System.Globalization;
using System.Text.Json;
using MiracleCell.Bot.Interactions;
using MiracleCell.Core.Text;
using MiracleCell.Discord.Models;

namespace MiracleCell.Bot.Console;

/// <summary>
/// Builds the <see cref="Interaction"/> objects Discord would send for a console line: a guild member invoking
/// a command (type 2) with options typed per the definition, an autocomplete request (type 4) with the
/// focused option, or a button press (type 3).
/// </summary>
internal sealed class ConsoleInteractions(InteractionRouter router, Locale locale)
{
    public static readonly User ConsoleUser = new() { Id = new Snowflake(100_000_000_000_000_001),
        Username = "console-user", GlobalName = "Console User" };
    public static readonly User OtherUser = new() { Id = new Snowflake(100_000_000_000_000_002),
        Username = "club-member", GlobalName = "Club Member" };
    public static readonly Snowflake GuildId = new(200_000_000_000_000_001);
    public static readonly Snowflake ChannelId = new(300_000_000_000_000_001);
    public static readonly Snowflake ApplicationId = new(400_000_000_000_000_001);

    // What the bot is invited with (see README): enough to run every command, trivia nights included.
    private static readonly string ConsoleBotPermissions = PermissionSet.Format(
        Permissions.ViewChannel | Permissions.SendMessages | Permissions.ManageMessages | Permissions.EmbedLinks
            | Permissions.ReadMessageHistory);

    private long _sequence;

    /// <summary>The option names a command declares, for the parser; the message command takes
    /// <c>message</c>.</summary>
    public IReadOnlyCollection<string>? OptionNames(string commandName) => Find(commandName) switch
    {
        null => null,
        { Type: ApplicationCommandType.Message } => ["message"],
        var definition => [.. (definition.Options ?? []).Select(o => o.Name)],
    };

    public ApplicationCommand? Find(string commandName) =>
        router.Definitions.FirstOrDefault(d => d.Name == commandName)
        ?? router.Definitions.FirstOrDefault(d =>
            string.Equals(d.Name, commandName, StringComparison.OrdinalIgnoreCase));

    public ConsoleLine Parse(string line)
    {
        // `/trivia start questions:5`: the word after a command with subcommands names the subcommand.
        var words = line.TrimStart().Split(' ', 3, StringSplitOptions.RemoveEmptyEntries);
        if (words.Length >= 2 && words[0].StartsWith('/') && Find(words[0][1..]) is { } definition
            && (definition.Options ?? [])
                .FirstOrDefault(o =>
                    o.Type == ApplicationCommandOptionType.SubCommand && o.Name == words[1]) is { } sub)
        {
            var rest = $"{words[0]} {(words.Length > 2 ? words[2] : "")}";
            IReadOnlyCollection<string> subOptions = [.. (sub.Options ?? []).Select(o => o.Name)];
            return ConsoleLineParser.Parse(rest, _ => subOptions) with { Subcommand = sub.Name };
        }
        return ConsoleLineParser.Parse(line, OptionNames);
    }

    public Interaction FromLine(ConsoleLine line)
    {
        var definition = Find(line.CommandName);
        if (definition is null)
        {
            // Discord would never send this, but a stale registration can: the router answers it with its error.
            return Build(InteractionType.ApplicationCommand, new InteractionData
            {
                Name = line.CommandName,
                Type = ApplicationCommandType.ChatInput,
                Options = [.. line.Options.Select(o =>
                    new InteractionDataOption { Name = o.Name, Type = ApplicationCommandOptionType.String,
                        Value = Json(o.Value) })],
            });
        }
        if (definition.Type == ApplicationCommandType.Message) return MessageCommand(definition, line);
        if ((definition.Options ?? []).Any(o => o.Type == ApplicationCommandOptionType.SubCommand))
            return SubcommandLine(definition, line);

        var declared = definition.Options ?? [];
        foreach (var option in line.Options)
        {
            if (declared.All(d => d.Name != option.Name))
            {
                var takes = declared.Count == 0
                    ? "no options"
                    : "options " + string.Join(", ", declared.Select(d => d.Name));
                throw new ConsoleInputException($"/{definition.Name} has no option '{option.Name}'; it takes {takes}.");
            }
        }

        var focusName = line.Autocomplete ? FocusedOption(definition, line) : null;
        var options = line.Options.Select(o =>
            Typed(declared.First(d => d.Name == o.Name), o.Value, o.Name == focusName))
            .ToList();
        if (focusName is not null && options.All(o => o.Name != focusName))
            options.Add(
                new InteractionDataOption { Name = focusName, Type = ApplicationCommandOptionType.String,
                    Value = Json(""), Focused = true });

        return Build(
            line.Autocomplete ? InteractionType.ApplicationCommandAutocomplete : InteractionType.ApplicationCommand,
            new InteractionData
        {
            Id = new Snowflake(500_000_000_000_000_000
                + (ulong)Math.Abs(definition.Name.GetHashCode(StringComparison.Ordinal) % 1000)),
            Name = definition.Name,
            Type = definition.Type,
            Options = options.Count > 0 ? options : null,
        });
    }

    private Interaction SubcommandLine(ApplicationCommand definition, ConsoleLine line)
    {
        var subcommands = definition.Options!.Where(o => o.Type == ApplicationCommandOptionType.SubCommand).ToList();
        var sub = subcommands.FirstOrDefault(o => o.Name == line.Subcommand)
            ?? throw new ConsoleInputException($"/{definition.Name} needs a subcommand: "
                + $"{string.Join(", ", subcommands.Select(o => o.Name))} (e.g. /{definition.Name} "
                + $"{subcommands[0].Name}).");
        var declared = sub.Options ?? [];
        foreach (var option in line.Options)
        {
            if (declared.All(d => d.Name != option.Name))
            {
                var takes = declared.Count == 0
                    ? "no options"
                    : "options " + string.Join(", ", declared.Select(d => d.Name));
                throw new ConsoleInputException($"/{definition.Name} {sub.Name} has no option "
                    + $"'{option.Name}'; it takes {takes}.");
            }
        }
        var options = line.Options.Select(o => Typed(declared.First(d => d.Name == o.Name), o.Value, focused: false))
            .ToList();
        return Build(InteractionType.ApplicationCommand, new InteractionData
        {
            Name = definition.Name,
            Type = definition.Type,
            Options = [new InteractionDataOption { Name = sub.Name, Type = ApplicationCommandOptionType.SubCommand,
                Options = options.Count > 0 ? options : null }],
        });
    }

    /// <summary>A press of a button on a reply the console printed.</summary>
    public Interaction ButtonPress(string customId, MessagePayload onMessage) =>
        Build(InteractionType.MessageComponent, new InteractionData
    {
        CustomId = customId,
        ComponentType = ComponentType.Button,
    }) with
    {
        Message = new Message { Id = NextId(), ChannelId = ChannelId, Content = onMessage.Content,
            Embeds = onMessage.Embeds, Components = onMessage.Components, Flags = onMessage.Flags },
    };

    private static string FocusedOption(ApplicationCommand definition, ConsoleLine line)
    {
        if (line.Options.Count > 0) return line.Options[^1].Name;
        return (definition.Options ?? []).FirstOrDefault(o => o.Autocomplete == true)?.Name
            ?? throw new ConsoleInputException($"/{definition.Name} has no option with suggestions; '?' "
                + "only works on those.");
    }

    private static InteractionDataOption Typed(ApplicationCommandOption declared, string value, bool focused)
    {
        if (focused)
        {
            if (declared.Autocomplete != true)
                throw new ConsoleInputException($"{declared.Name} has no suggestions; '?' only works on "
                    + "options that autocomplete.");
            return new InteractionDataOption { Name = declared.Name, Type = declared.Type, Value = Json(value),
                Focused = true };
        }
        JsonElement element = declared.Type switch
        {
            ApplicationCommandOptionType.Boolean when bool.TryParse(value, out var flag) =>
                Literal(flag ? "true" : "false"),
            ApplicationCommandOptionType.Integer when long.TryParse(value, NumberStyles.AllowLeadingSign,
                CultureInfo.InvariantCulture, out var number) =>
                JsonSerializer.SerializeToElement(number, DiscordJsonContext.Default.Int64),
            // Anything else travels as text; the option accessors report the wrong type the way the bot would.
            _ => Json(value),
        };
        return new InteractionDataOption { Name = declared.Name, Type = declared.Type, Value = element };
    }

    private Interaction MessageCommand(ApplicationCommand definition, ConsoleLine line)
    {
        var text = line.Options.FirstOrDefault(o => o.Name == "message")?.Value
            ?? throw new ConsoleInputException($"Give the message to act on: /\"{definition.Name}\" "
                + "message:\"the text\".");
        var target = new Message { Id = NextId(), ChannelId = ChannelId, GuildId = GuildId, Author = OtherUser,
            Content = text };
        return Build(InteractionType.ApplicationCommand, new InteractionData
        {
            Name = definition.Name,
            Type = ApplicationCommandType.Message,
            TargetId = target.Id,
            Resolved = new ResolvedData
            {
                Messages = new Dictionary<string, Message>(StringComparer.Ordinal) { [target.Id.ToString()] = target }
            },
        });
    }

    private Interaction Build(InteractionType type, InteractionData data) => new()
    {
        Id = NextId(),
        ApplicationId = ApplicationId,
        Type = type,
        Data = data,
        GuildId = GuildId,
        ChannelId = ChannelId,
        Member = new GuildMember { User = ConsoleUser, Permissions = "0" },
        Token = "console",
        Locale = locale == Locale.Indonesian ? "id" : "en-US",
        GuildLocale = "en-US",
        Context = InteractionContextType.Guild,
        AppPermissions = ConsoleBotPermissions,
    };

    private Snowflake NextId() => new(600_000_000_000_000_000 + (ulong)Interlocked.Increment(ref _sequence));

    private static JsonElement Literal(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    private static JsonElement Json(string value) =>
        JsonSerializer.SerializeToElement(value, DiscordJsonContext.Default.String);
}
