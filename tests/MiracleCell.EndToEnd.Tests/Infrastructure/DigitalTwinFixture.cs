namespace MiracleCell.EndToEnd.Tests.Infrastructure;

/// <summary>
/// One harness (discord-digital-twin + validating proxy + control API) shared by the tests of the
/// <see cref="DigitalTwinCollection"/>. When Node or the spec is missing it stays idle, the
/// <see cref="E2EFactAttribute"/> tests are skipped, and under CI=true any use fails with the reason.
/// </summary>
public sealed class DigitalTwinFixture : IAsyncLifetime
{
    private HarnessProcess? _harness;
    private TwinControlClient? _control;
    private string? _unavailableReason;

    public E2EPrerequisites Prerequisites { get; } = E2EPrerequisites.Check();

    public HarnessEndpoints Endpoints => Harness.Endpoints;

    public TwinControlClient Control => _control ?? throw Unavailable();

    /// <summary>What the harness wrote to stderr so far, for failure messages.</summary>
    public string HarnessLog => _harness?.StandardError ?? "";

    private HarnessProcess Harness => _harness ?? throw Unavailable();

    public async Task InitializeAsync()
    {
        if (!Prerequisites.Satisfied)
        {
            _unavailableReason = $"End-to-end prerequisites are missing: {Prerequisites.MissingReason}";
            return;
        }

        _harness = await HarnessProcess.StartAsync(Prerequisites, CancellationToken.None);
        _control = new TwinControlClient(_harness.Endpoints.Control);
    }

    public async Task DisposeAsync()
    {
        _control?.Dispose();
        if (_harness is not null)
        {
            await _harness.DisposeAsync();
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
