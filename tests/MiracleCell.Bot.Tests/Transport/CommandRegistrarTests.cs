using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;
using MiracleCell.Bot.Hosting;
using MiracleCell.Bot.Interactions;
using MiracleCell.Bot.Transport;
using MiracleCell.Discord;
using MiracleCell.Discord.Models;
using MiracleCell.Discord.Rest;
using MiracleCell.Storage;

namespace MiracleCell.Bot.Tests.Transport;

public sealed class CommandRegistrarTests : IDisposable
{
    private static readonly Snowflake Application = new(1234);
    private readonly string _dataFolder = Path.Combine(Path.GetTempPath(),
        "miraclecell-registrar-" + Guid.NewGuid().ToString("N"));
    private readonly Mock<IDiscordRestClient> _rest = new();

    public CommandRegistrarTests()
    {
        _rest.Setup(r =>
            r.BulkOverwriteGuildCommandsAsync(It.IsAny<Snowflake>(), It.IsAny<Snowflake>(),
                It.IsAny<IReadOnlyList<ApplicationCommand>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((Snowflake _, Snowflake _, IReadOnlyList<ApplicationCommand> commands, CancellationToken _) =>
                commands);
        _rest.Setup(r =>
            r.BulkOverwriteGlobalCommandsAsync(It.IsAny<Snowflake>(), It.IsAny<IReadOnlyList<ApplicationCommand>>(),
                It.IsAny<CancellationToken>()))
            .ReturnsAsync((Snowflake _, IReadOnlyList<ApplicationCommand> commands, CancellationToken _) => commands);
    }

    public void Dispose()
    {
        if (Directory.Exists(_dataFolder)) Directory.Delete(_dataFolder, recursive: true);
    }

    private CommandRegistrar Registrar(ulong? devGuild,
        CommandRegistrationMode mode = CommandRegistrationMode.IfChanged, params string[] names) =>
        Registrar(new DiscordOptions { Token = "x", DevGuildId = devGuild }, mode, names);

    private CommandRegistrar Registrar(DiscordOptions discord,
        CommandRegistrationMode mode = CommandRegistrationMode.IfChanged, params string[] names)
    {
        IApplicationCommand[] commands = [.. (names.Length == 0 ? ["film", "recap"] : names)
            .Select(name =>
                new FakeCommand(name, AcknowledgementMode.Immediate,
                    _ => ValueTask.FromResult(FakeCommand.Text(name))))];
        return new CommandRegistrar(
            new InteractionRouter(commands, [], NullLogger<InteractionRouter>.Instance),
            _rest.Object,
            Options.Create(discord),
            Options.Create(new BotOptions { RegisterCommands = mode }),
            Options.Create(new StorageOptions { DataFolder = _dataFolder }),
            NullLogger<CommandRegistrar>.Instance);
    }

    private int Count(string method) => _rest.Invocations.Count(i => i.Method.Name == method);

    [Fact]
    public async Task With_a_dev_guild_the_commands_are_written_to_that_guild_only()
    {
        var outcome = await Registrar(devGuild: 555).RegisterAsync(Application, CancellationToken.None);

        Assert.Equal(CommandRegistrationOutcome.Registered, outcome);
        var put = Assert.Single(_rest.Invocations,
            i => i.Method.Name == nameof(IDiscordRestClient.BulkOverwriteGuildCommandsAsync));
        Assert.Equal(Application, put.Arguments[0]);
        Assert.Equal(new Snowflake(555), put.Arguments[1]);
        Assert.Equal(["film", "recap"], ((IReadOnlyList<ApplicationCommand>)put.Arguments[2]).Select(c => c.Name));
        Assert.Equal(0, Count(nameof(IDiscordRestClient.BulkOverwriteGlobalCommandsAsync)));
    }

    [Fact]
    public async Task Without_a_dev_guild_the_commands_are_written_globally()
    {
        await Registrar(devGuild: null).RegisterAsync(Application, CancellationToken.None);

        Assert.Equal(1, Count(nameof(IDiscordRestClient.BulkOverwriteGlobalCommandsAsync)));
        Assert.Equal(0, Count(nameof(IDiscordRestClient.BulkOverwriteGuildCommandsAsync)));
    }

    [Fact]
    public async Task Unchanged_definitions_are_not_written_again()
    {
        await Registrar(devGuild: 555).RegisterAsync(Application, CancellationToken.None);
        var second = await Registrar(devGuild: 555).RegisterAsync(Application, CancellationToken.None);

        Assert.Equal(CommandRegistrationOutcome.Unchanged, second);
        Assert.Equal(1, Count(nameof(IDiscordRestClient.BulkOverwriteGuildCommandsAsync)));
    }

    [Fact]
    public async Task Changed_definitions_another_scope_or_Always_are_written_again()
    {
        await Registrar(devGuild: 555).RegisterAsync(Application, CancellationToken.None);

        Assert.Equal(CommandRegistrationOutcome.Registered,
            await Registrar(devGuild: 555, names: ["film", "recap", "help"])
                .RegisterAsync(Application, CancellationToken.None));
        Assert.Equal(CommandRegistrationOutcome.Registered,
            await Registrar(devGuild: 556, names: ["film", "recap", "help"])
                .RegisterAsync(Application, CancellationToken.None));
        Assert.Equal(CommandRegistrationOutcome.Registered,
            await Registrar(devGuild: 556, CommandRegistrationMode.Always, "film", "recap", "help")
                .RegisterAsync(Application, CancellationToken.None));
        Assert.Equal(4, Count(nameof(IDiscordRestClient.BulkOverwriteGuildCommandsAsync)));
    }

    [Fact]
    public async Task A_refused_write_is_reported_and_tried_again_at_the_next_start()
    {
        _rest.SetupSequence(r =>
            r.BulkOverwriteGlobalCommandsAsync(It.IsAny<Snowflake>(), It.IsAny<IReadOnlyList<ApplicationCommand>>(),
                It.IsAny<CancellationToken>()))
            .ThrowsAsync(
                new DiscordApiException(HttpStatusCode.BadRequest, 50035, "Invalid Form Body",
                    [new DiscordFieldError("0.name", "APPLICATION_COMMAND_INVALID_NAME", "bad")], "PUT",
                    "/applications/{application}/commands"))
            .ReturnsAsync([]);

        Assert.Equal(CommandRegistrationOutcome.Failed,
            await Registrar(devGuild: null).RegisterAsync(Application, CancellationToken.None));
        Assert.Equal(CommandRegistrationOutcome.Registered,
            await Registrar(devGuild: null).RegisterAsync(Application, CancellationToken.None));
    }

    [Fact]
    public async Task Only_shard_zero_writes_the_commands()
    {
        var shardOne = Registrar(new DiscordOptions { Token = "x", ShardId = 1, ShardCount = 2 });
        var shardZero = Registrar(new DiscordOptions { Token = "x", ShardId = 0, ShardCount = 2 });

        Assert.Equal(CommandRegistrationOutcome.LeftToShardZero,
            await shardOne.RegisterAsync(Application, CancellationToken.None));
        Assert.Empty(_rest.Invocations);
        Assert.Equal(CommandRegistrationOutcome.Registered,
            await shardZero.RegisterAsync(Application, CancellationToken.None));
    }

    [Fact]
    public async Task Never_writes_nothing()
    {
        Assert.Equal(CommandRegistrationOutcome.Disabled,
            await Registrar(devGuild: 555, CommandRegistrationMode.Never)
                .RegisterAsync(Application, CancellationToken.None));
        Assert.Empty(_rest.Invocations);
    }

    [Fact]
    public void The_fingerprint_ignores_order_and_ids_but_not_content()
    {
        ApplicationCommand film = new() { Name = "film", Description = "Film" };
        ApplicationCommand recap = new() { Name = "recap", Description = "Recap" };

        Assert.Equal(CommandDefinitions.Fingerprint([film, recap]),
            CommandDefinitions.Fingerprint([recap with { Id = new Snowflake(3) }, film]));
        Assert.NotEqual(CommandDefinitions.Fingerprint([film, recap]),
            CommandDefinitions.Fingerprint([film, recap with { DefaultMemberPermissions = "32" }]));
    }
}
