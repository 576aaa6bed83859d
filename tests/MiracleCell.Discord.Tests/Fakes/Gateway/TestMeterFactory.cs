using System.Diagnostics.Metrics;

namespace MiracleCell.Discord.Tests.Fakes.Gateway;

/// <summary>Creates meters that are disposed with the factory, as the host's factory does.</summary>
public sealed class TestMeterFactory : IMeterFactory
{
    private readonly List<Meter> _meters = [];

    public Meter Create(MeterOptions options)
    {
        var meter = new Meter(options);
        lock (_meters) _meters.Add(meter);
        return meter;
    }

    /// <summary>Whether <paramref name="meter"/> came from this factory: listeners use it to ignore other tests'
    /// meters of the same name, which run in parallel.</summary>
    public bool Created(Meter meter)
    {
        lock (_meters) return _meters.Contains(meter);
    }

    public void Dispose()
    {
        lock (_meters) foreach (var meter in _meters) meter.Dispose();
    }
}
