using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace MiracleCell.Benchmarks;

/// <summary>
/// <c>-- transport --soak 20000</c>: one bot build as its own process answers /film interactions at a steady rate
/// for a long run, beside the bare echo client doing the same. Reports resident memory (and, for the bot, the managed
/// heap from its <c>/metrics</c>) at checkpoints, and CPU per interaction over the run after the first 1,000.
/// </summary>
internal static class SoakBenchmark
{
    private static readonly int[] Checkpoints = [1_000, 5_000, 10_000, 20_000];
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static readonly string DataFolder = Path.Combine(Path.GetTempPath(), "miraclecell-soak-benchmark");

    public static async Task<int> RunAsync(IReadOnlyList<string> bots, int count, double rate, int rounds)
    {
        var checkpoints = Checkpoints.Where(c => c < count).Append(count).ToArray();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Soak: {count} /film interactions at {rate:0}/s, one after another, "
            + $"{Environment.ProcessorCount} cores, {rounds} round(s); bots: {string.Join(", ", bots)}"));
        var ratios = bots.Select(_ => new List<double>()).ToList();
        var cpuRows = new List<string>();
        for (var round = 1; round <= rounds; round++)
        {
            // Each bot beside an echo client soaked just before it, so both see the same moment of the machine.
            for (var b = 0; b < bots.Count; b++)
            {
                var floor = await SoakAsync("floor", TransportBenchmark.FloorProcess, checkpoints, rate, metrics: null);
                var botFigures = await SoakBotAsync(bots[b], checkpoints, rate);
                if (round == 1) WriteMemory(bots[b], botFigures, floor);
                var ratio = botFigures.CpuPerInteractionUs / floor.CpuPerInteractionUs;
                ratios[b].Add(ratio);
                cpuRows.Add(string.Create(CultureInfo.InvariantCulture,
                    $"| {round} | {bots[b]} | {botFigures.CpuPerInteractionUs:0} / {floor.CpuPerInteractionUs:0} "
                    + $"| {ratio:0.00} | {LoadAverage()} |"));
                Console.Error.WriteLine(cpuRows[^1]);
            }
        }

        Console.WriteLine();
        Console.WriteLine($"CPU per interaction, 1,000 → {count:N0} (bot / its echo client, µs):");
        Console.WriteLine("| round | bot | bot / floor (µs) | ratio | load average (1, 5 min) at the end |");
        Console.WriteLine("|---|---|---:|---:|---|");
        foreach (var row in cpuRows) Console.WriteLine(row);
        for (var b = 0; b < bots.Count; b++)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"median ratio {Median(ratios[b]):0.00} over {ratios[b].Count} round(s): {bots[b]}"));
        }
        return 0;
    }

    private static Task<SoakFigures> SoakBotAsync(string bot, int[] checkpoints, double rate)
    {
        if (Directory.Exists(DataFolder)) Directory.Delete(DataFolder, recursive: true);
        var port = FreePort();
        return SoakAsync("bot", fake =>
        {
            var info = TransportBenchmark.BotProcess(fake, bot);
            info.Environment["Storage__DataFolder"] = DataFolder;
            info.Environment["Health__Urls"] = $"http://127.0.0.1:{port}/";
            return info;
        }, checkpoints, rate, new Uri($"http://127.0.0.1:{port}/metrics"));
    }

    private static void WriteMemory(string bot, SoakFigures botFigures, SoakFigures floor)
    {
        Console.WriteLine();
        Console.WriteLine(bot);
        Console.WriteLine("| after | bot RSS (MB) | bot managed heap (MB) | floor RSS (MB) |");
        Console.WriteLine("|---|---:|---:|---:|");
        for (var i = 0; i < botFigures.Points.Count; i++)
        {
            var (at, memory, heap, _) = botFigures.Points[i];
            var label = at == 0 ? "start" : at.ToString("N0", CultureInfo.InvariantCulture);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {label} | {memory.TotalMb:0.0} ({memory.PrivateMb:0.0} private) | {heap:0.0} "
                + $"| {floor.Points[i].Memory.TotalMb:0.0} |"));
        }
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1
            ? sorted[sorted.Count / 2]
            : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    /// <summary>The 1- and 5-minute load averages (/proc/loadavg), to judge how busy the machine was.</summary>
    private static string LoadAverage() =>
        File.Exists("/proc/loadavg")
            ? string.Join(", ", File.ReadAllText("/proc/loadavg").Split(' ').Take(2))
            : "?";

    private sealed record Point(int After, ResidentMemory Memory, double HeapMb, TimeSpan Cpu);

    private sealed record SoakFigures(IReadOnlyList<Point> Points, double CpuPerInteractionUs);

    private static async Task<SoakFigures> SoakAsync(
        string name, Func<LoopbackFakeDiscord, ProcessStartInfo> describe, int[] checkpoints, double rate, Uri? metrics)
    {
        await using var fake = await LoopbackFakeDiscord.StartAsync();
        var info = describe(fake);
        info.RedirectStandardInput = true;
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        using var process = Process.Start(info)
            ?? throw new InvalidOperationException($"Could not start {info.FileName}.");
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is { } line && line.Contains("fail:", StringComparison.Ordinal))
                Console.Error.WriteLine($"[{name}] {line}");
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { Length: > 0 }) Console.Error.WriteLine($"[{name}] {e.Data}");
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var http = new HttpClient();
        try
        {
            await fake.Ready.WaitAsync(StartTimeout);
            if (metrics is not null) await fake.CommandsRegistered.WaitAsync(StartTimeout);
            await Task.Delay(TimeSpan.FromSeconds(2)); // let start-up work settle, as the start-up figures do
            var points = new List<Point> { await ReadAsync(0) };
            var interval = TimeSpan.FromSeconds(1 / rate);
            var clock = Stopwatch.StartNew();
            var last = checkpoints[^1];
            for (var i = 1; i <= last; i++)
            {
                await TransportBenchmark.RoundTripAsync(fake);
                if (checkpoints.Contains(i))
                {
                    points.Add(await ReadAsync(i));
                    Console.Error.WriteLine(
                        $"{name}: {i} interactions, {points[^1].Memory}, heap {points[^1].HeapMb:0.0} MB");
                }
                var wait = interval * i - clock.Elapsed;
                if (wait > TimeSpan.Zero) await Task.Delay(wait);
            }
            var from = points.First(point => point.After == Math.Min(1_000, last));
            var perInteraction = (points[^1].Cpu - from.Cpu).TotalMicroseconds / Math.Max(1, last - from.After);
            return new SoakFigures(points, perInteraction);
        }
        finally
        {
            process.StandardInput.Close();
            if (!process.WaitForExit(TimeSpan.FromSeconds(5))) process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        async Task<Point> ReadAsync(int after) => new(after, ResidentMemory.Read(process.Id),
            metrics is null ? double.NaN : await ManagedHeapMbAsync(http, metrics), ProcessCpu.Read(process.Id));
    }

    /// <summary>The bot's <c>runtime.gc_heap_size</c> gauge (heap after the last collection), from /metrics.</summary>
    private static async Task<double> ManagedHeapMbAsync(HttpClient http, Uri metrics)
    {
        var body = await http.GetStringAsync(metrics);
        var line = body.Split('\n')
            .FirstOrDefault(l => l.StartsWith("miraclecell_runtime_gc_heap_size", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"{metrics} has no miraclecell_runtime_gc_heap_size line.");
        return double.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture) / (1024 * 1024);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
