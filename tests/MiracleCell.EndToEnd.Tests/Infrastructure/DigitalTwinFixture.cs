namespace MiracleCell.EndToEnd.Tests.Infrastructure;

/// <summary>
/// One harness (discord-digital-twin + validating proxy + control API) and one published bot build, shared by the
/// tests of the <see cref="DigitalTwinCollection"/>: the bot is published while the harness starts. When Node or the
/// spec is missing it stays idle, the <see cref="E2EFactAttribute"/> tests are skipped, and under CI=true any use
/// fails with the reason.
/// </summary>
public sealed class DigitalTwinFixture : IAsyncLifetime
{
    private HarnessProcess? _harness;
    private TwinControlClient? _control;
    private PublishedBotBuild? _published;
    private string? _unavailableReason;

    public E2EPrerequisites Prerequisites { get; } = E2EPrerequisites.Check();

    public HarnessEndpoints Endpoints => Harness.Endpoints;

    public TwinControlClient Control => _control ?? throw Unavailable();

    /// <summary>What the harness wrote to stderr so far, for failure messages.</summary>
    public string HarnessLog => _harness?.StandardError ?? "";

    /// <summary>
    /// The deployment build's executable, which the bot tests start; null when
    /// <see cref="PublishedBotBuild.BuildVariable"/> asks for the build output instead.
    /// </summary>
    public string? PublishedExecutable => _published?.Executable;

    private HarnessProcess Harness => _harness ?? throw Unavailable();

    public async Task InitializeAsync()
    {
        if (!Prerequisites.Satisfied)
        {
            _unavailableReason = $"End-to-end prerequisites are missing: {Prerequisites.MissingReason}";
            return;
        }

        var published = PublishedBotBuild.PrepareAsync(Prerequisites.Layout!);
        try
        {
            _harness = await HarnessProcess.StartAsync(Prerequisites, CancellationToken.None);
            _control = new TwinControlClient(_harness.Endpoints.Control);
        }
        finally
        {
            // Wait for the publish whatever happened to the harness: it must not outlive the fixture.
            _published = await published;
        }
    }

    public async Task DisposeAsync()
    {
        _control?.Dispose();
        if (_harness is not null)
        {
            await _harness.DisposeAsync();
        }

        if (_published is not null)
        {
            await _published.DisposeAsync();
        }
    }

    private InvalidOperationException Unavailable() =>
        new(_unavailableReason ?? "The digital twin harness has not started.");
}

[CollectionDefinition(Name)]
public sealed class DigitalTwinCollection : ICollectionFixture<DigitalTwinFixture>
{
    public const string Name = "Digital twin";
}
