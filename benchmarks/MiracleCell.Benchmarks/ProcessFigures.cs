using System.Globalization;

namespace MiracleCell.Benchmarks;

/// <summary>
/// What one start of a process measured: times from process start, CPU used, the resident set after start and after
/// serving, and the latency of its first interactions (cold code included).
/// </summary>
internal sealed record ProcessFigures(
    double StartToReadyMs,
    double StartToCommandsMs,
    double CpuUntilRegisteredMs,
    ResidentMemory AfterStart,
    ResidentMemory AfterLoad,
    double CpuPerInteractionUs,
    double FirstP50,
    double FirstP99);

/// <summary>
/// The resident set from /proc/&lt;pid&gt;/status: file-backed pages (mapped executables, assemblies and native
/// libraries, shareable with other processes) and private ones (anonymous: GC and native heaps, stacks; shared memory:
/// the runtime's double-mapped JIT code and type data).
/// </summary>
internal sealed record ResidentMemory(double TotalMb, double FileMb, double PrivateMb)
{
    public static ResidentMemory Read(int pid)
    {
        var status = File.ReadAllLines($"/proc/{pid}/status");
        double Megabytes(string key)
        {
            var line = status.First(l => l.StartsWith(key + ":", StringComparison.Ordinal));
            return double.Parse(line[(key.Length + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024;
        }
        return new ResidentMemory(Megabytes("VmRSS"), Megabytes("RssFile"),
            Megabytes("RssAnon") + Megabytes("RssShmem"));
    }

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture,
            $"RSS {TotalMb:0.0} MB ({FileMb:0.0} file-backed, {PrivateMb:0.0} private)");
}

/// <summary>CPU time a process has used so far, user and system, all threads (/proc/&lt;pid&gt;/stat).</summary>
internal static class ProcessCpu
{
    // USER_HZ: the unit of utime and stime, 100 on every Linux the bot targets.
    private const double TicksPerSecond = 100;

    public static TimeSpan Read(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        // The command name in parentheses may hold spaces; fields are counted after it (utime is field 14, stime 15).
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture)
            + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }
}
