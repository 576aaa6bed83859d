using System.Globalization;

namespace MiracleCell.Benchmarks;

/// <summary>The process figures as one Markdown table: a column per build, each cell the range over its
/// starts.</summary>
internal static class ProcessTable
{
    public static void Write(int starts, int interactions,
        IReadOnlyList<(string Name, List<ProcessFigures> Runs)> builds)
    {
        Console.WriteLine(
            $"| figure ({starts} starts each, range) | {string.Join(" | ", builds.Select(b => b.Name))} |");
        Console.WriteLine($"|---|{string.Concat(builds.Select(_ => "---:|"))}");
        Row("process start → READY (ms)", builds, f => f.StartToReadyMs, 0);
        Row("process start → commands registered (ms)", builds, f => f.StartToCommandsMs, 0);
        Row("CPU until registered (ms)", builds, f => f.CpuUntilRegisteredMs, 0);
        Row("resident memory after start (MB)", builds, f => f.AfterStart.TotalMb, 1);
        Row("  of which file-backed (MB)", builds, f => f.AfterStart.FileMb, 1);
        Row("  of which private (MB)", builds, f => f.AfterStart.PrivateMb, 1);
        Row($"resident memory after {interactions:N0} interactions (MB)", builds, f => f.AfterLoad.TotalMb, 1);
        Row($"CPU per interaction over those {interactions:N0} (µs)", builds, f => f.CpuPerInteractionUs, 0);
        Row($"frame → callback p50 over the first {interactions:N0} (µs)", builds, f => f.FirstP50, 0);
        Row($"frame → callback p99 over the first {interactions:N0} (µs)", builds, f => f.FirstP99, 0);
    }

    private static void Row(string label, IReadOnlyList<(string Name, List<ProcessFigures> Runs)> builds,
        Func<ProcessFigures, double> figure, int decimals) =>
        Console.WriteLine(
            $"| {label} | {string.Join(" | ", builds.Select(b => Range(b.Runs.Select(figure).ToList(), decimals)))} |");

    private static string Range(List<double> values, int decimals)
    {
        if (values.Count == 0 || values.Any(double.IsNaN)) return "–";
        var format = "0." + new string('0', decimals);
        var (low, high) = (values.Min().ToString(format, CultureInfo.InvariantCulture),
            values.Max().ToString(format, CultureInfo.InvariantCulture));
        return low == high ? low : $"{low}–{high}";
    }
}
