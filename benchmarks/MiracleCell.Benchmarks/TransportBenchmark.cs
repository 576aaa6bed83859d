using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Hosting;

namespace MiracleCell.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project benchmarks/MiracleCell.Benchmarks -- transport</c>: the bot's Discord transport
/// against a loopback fake, beside a bare echo client (the floor). Bounded loops, loopback only.
/// </summary>
internal static class TransportBenchmark
{
    private const int Warmup = 500;
    private const int LatencySamples = 3000;
    private const int ThroughputInteractions = 20_000;
    private const int MaxInFlight = 200;
    private const int ProcessInteractions = 1000;
    private static readonly TimeSpan CallbackTimeout = TimeSpan.FromSeconds(30);
    private static readonly string DataFolder = Path.Combine(Path.GetTempPath(), "miraclecell-transport-benchmark");

    public static async Task<int> RunAsync(string[] args)
    {
        if (args is ["floor", var gateway, var api])
        {
            // Child-process mode: the floor client alone, for its memory and start-up figures.
            await using var floor = await TransportFloorClient.ConnectAsync(new Uri(gateway), new Uri(api),
                LoopbackFakeDiscord.Token);
            await Console.In.ReadToEndAsync();
            return 0;
        }

        if (args is ["fake"])
        {
            // Hold a fake Discord open and print the bot's settings, to run and inspect a bot build by hand
            // (e.g. a published one); ends when standard input closes.
            await using var held = await LoopbackFakeDiscord.StartAsync();
            foreach (var (key, value) in InProcessBot.Settings(held, DataFolder))
                Console.WriteLine($"export {key.Replace(":", "__", StringComparison.Ordinal)}='{value}'");
            Console.Out.Flush();
            _ = held.CommandsRegistered.ContinueWith(_ => Console.Error.WriteLine("fake: commands registered"),
                TaskScheduler.Default);
            // "send N" on standard input sends N /film interactions, one after another.
            while (await Console.In.ReadLineAsync() is { } line)
            {
                if (line.Split(' ') is ["send", var text]
                    && int.TryParse(text, CultureInfo.InvariantCulture, out var count))
                {
                    for (var i = 0; i < count; i++) await RoundTripAsync(held);
                    await Console.Error.WriteLineAsync($"fake: {count} interactions answered");
                }
            }
            return 0;
        }

        // --bot <MiracleCell.Bot.dll or a published executable>: measure that build alone instead of the build output
        // and the published ones;
        // --process-only: skip the in-process latency and throughput runs;
        // --no-publish: skip the published builds (Native AOT and trimmed JIT), which are otherwise published and
        // measured too;
        // --starts N: start each build N times (default 3), one build after another in turn.
        var botIndex = Array.IndexOf(args, "--bot");
        var botAssembly = botIndex >= 0 && botIndex + 1 < args.Length
            ? Path.GetFullPath(args[botIndex + 1])
            : BotAssembly();
        // --soak N [--rate R] [--rounds K]: N interactions at R per second (default 200) into the published (AOT)
        // build, or into each --bot given (--bot may be repeated to compare builds), K rounds in turn (default 1).
        if (Array.IndexOf(args, "--soak") is var soakIndex and >= 0)
        {
            var count = soakIndex + 1 < args.Length
                ? int.Parse(args[soakIndex + 1], CultureInfo.InvariantCulture) : 20_000;
            var rateIndex = Array.IndexOf(args, "--rate");
            var rate = rateIndex >= 0 && rateIndex + 1 < args.Length
                ? double.Parse(args[rateIndex + 1], CultureInfo.InvariantCulture) : 200;
            var roundsIndex = Array.IndexOf(args, "--rounds");
            var rounds = roundsIndex >= 0 && roundsIndex + 1 < args.Length
                ? int.Parse(args[roundsIndex + 1], CultureInfo.InvariantCulture) : 1;
            IReadOnlyList<string> soaked = botIndex >= 0
                ? [.. args.Select((arg, i) => (arg, i))
                    .Where(pair => pair.arg == "--bot" && pair.i + 1 < args.Length)
                    .Select(pair => Path.GetFullPath(args[pair.i + 1]))]
                : [await PublishBotAsync(botAssembly, "aot")];
            return await SoakBenchmark.RunAsync(soaked, count, rate, rounds);
        }
        var processOnly = args.Contains("--process-only");
        var startsIndex = Array.IndexOf(args, "--starts");
        var starts = startsIndex >= 0 && startsIndex + 1 < args.Length
            ? int.Parse(args[startsIndex + 1], CultureInfo.InvariantCulture)
            : 3;
        var builds = new List<(string Name, string Path)> { ("build output (JIT)", botAssembly) };
        if (botIndex < 0 && !args.Contains("--no-publish"))
        {
            builds.Add(("trimmed JIT publish", await PublishBotAsync(botAssembly, "trimmed", "-p:PublishAot=false")));
            builds.Add(("Native AOT publish", await PublishBotAsync(botAssembly, "aot")));
        }

        Console.WriteLine($"Transport benchmark: {Environment.ProcessorCount} cores, {LatencySamples} sequential + "
            + $"{ThroughputInteractions} concurrent (≤{MaxInFlight} in flight) /film interactions per client");
        Console.WriteLine($"Bot process: {botAssembly}");
        var nothing = new InProcessFigures(double.NaN, double.NaN, double.NaN, double.NaN);
        var floorFigures = processOnly ? nothing : await MeasureInProcessAsync("floor", async fake =>
        {
            var client = await TransportFloorClient.ConnectAsync(fake.GatewayUrl, fake.ApiUrl,
                LoopbackFakeDiscord.Token);
            await client.Ready.WaitAsync(CallbackTimeout);
            return client;
        });
        var botFigures = processOnly ? nothing : await MeasureInProcessAsync("bot", async fake =>
        {
            var host = InProcessBot.Build(fake, DataFolder);
            await host.StartAsync();
            await fake.CommandsRegistered.WaitAsync(CallbackTimeout);
            return new HostLifetime(host);
        });

        // Each build in turn, several times over, so a busy moment on the machine does not land on one build only.
        var floorRuns = new List<ProcessFigures>();
        var botRuns = builds.Select(_ => new List<ProcessFigures>()).ToList();
        for (var start = 0; start < starts; start++)
        {
            floorRuns.Add(
                await MeasureProcessAsync("floor", fake => FloorProcess(fake), waitForCommands: false,
                    showTimeline: false));
            for (var i = 0; i < builds.Count; i++)
            {
                var (name, path) = builds[i];
                botRuns[i]
                    .Add(
                        await MeasureProcessAsync(name, fake => BotProcess(fake, path), waitForCommands: true,
                            showTimeline: start == 0));
            }
        }

        Console.WriteLine();
        Console.WriteLine("| figure | floor (echo client) | MiracleCell bot | bot − floor |");
        Console.WriteLine("|---|---:|---:|---:|");
        Row("frame → callback p50 (µs)", floorFigures.P50, botFigures.P50);
        Row("frame → callback p99 (µs)", floorFigures.P99, botFigures.P99);
        Row("interactions/s (2 cores)", floorFigures.PerSecond, botFigures.PerSecond);
        Row("allocated bytes/interaction (incl. fake)", floorFigures.BytesPerInteraction,
            botFigures.BytesPerInteraction);
        Console.WriteLine();
        ProcessTable.Write(starts, ProcessInteractions,
            [("floor (echo client, JIT)", floorRuns), .. builds.Select((build, i) => (build.Name, botRuns[i]))]);
        return 0;
    }

    private static void Row(string name, double floor, double bot) =>
        FloorComparison.WriteRow(name, floor, bot, decimals: 1);

    private sealed record InProcessFigures(double P50, double P99, double PerSecond, double BytesPerInteraction);

    private static async Task<InProcessFigures> MeasureInProcessAsync(string name,
        Func<LoopbackFakeDiscord, Task<IAsyncDisposable>> connect)
    {
        await using var fake = await LoopbackFakeDiscord.StartAsync();
        await using var client = await connect(fake);

        Console.Error.WriteLine($"{name}: connected, warming up");
        for (var i = 0; i < Warmup; i++) await RoundTripAsync(fake);
        var latencies = new double[LatencySamples];
        for (var i = 0; i < LatencySamples; i++) latencies[i] = await RoundTripAsync(fake);
        Array.Sort(latencies);

        GC.Collect();
        GC.WaitForPendingFinalizers();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        using var inFlight = new SemaphoreSlim(MaxInFlight);
        var arrivals = new List<Task>(ThroughputInteractions);
        for (var i = 0; i < ThroughputInteractions; i++)
        {
            await inFlight.WaitAsync();
            var (_, arrived) = await SendFilmAsync(fake);
            arrivals.Add(arrived.ContinueWith(_ => inFlight.Release(), TaskScheduler.Default));
        }
        await Task.WhenAll(arrivals).WaitAsync(CallbackTimeout);
        clock.Stop();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;

        var figures = new InProcessFigures(
            FloorComparison.Percentile(latencies, 0.50), FloorComparison.Percentile(latencies, 0.99),
            ThroughputInteractions / clock.Elapsed.TotalSeconds, (double)allocated / ThroughputInteractions);
        Console.WriteLine(
            string.Create(CultureInfo.InvariantCulture,
                $"{name,-6} in-process: p50 {figures.P50:0} µs, p99 {figures.P99:0} µs, {figures.PerSecond:0}/s, "
                    + $"{figures.BytesPerInteraction:0} B/interaction"));
        return figures;
    }

    internal static async Task<double> RoundTripAsync(LoopbackFakeDiscord fake)
    {
        var (sent, arrived) = await SendFilmAsync(fake);
        var arrival = await arrived.WaitAsync(CallbackTimeout);
        return Stopwatch.GetElapsedTime(sent, arrival.At).TotalMicroseconds;
    }

    /// <summary>One <c>/film</c> slash command, always from the same user in the same channel.</summary>
    private static Task<(long Sent, Task<CallbackArrival> Callback)> SendFilmAsync(LoopbackFakeDiscord fake) =>
        fake.SendInteractionAsync(fake.NextInteractionId(), type: 2,
            channelId: new Snowflake(1_000_000_000_000_003), userId: new Snowflake(1_000_000_000_000_004), "alice",
            """{"id":"1000000000000005","name":"film","type":1}""");

    /// <summary>
    /// Starts one process against a fresh fake and measures it. With <paramref name="showTimeline"/>, prints each log
    /// line written up to READY with its time since process start, to see where start-up goes.
    /// </summary>
    private static async Task<ProcessFigures> MeasureProcessAsync(string name,
        Func<LoopbackFakeDiscord, ProcessStartInfo> describe, bool waitForCommands, bool showTimeline)
    {
        await using var fake = await LoopbackFakeDiscord.StartAsync();
        var startInfo = describe(fake);
        startInfo.RedirectStandardInput = true;
        startInfo.RedirectStandardOutput = true;
        startInfo.RedirectStandardError = true;
        var timeline = new List<(double Ms, string Line)>();
        var startedAt = DateTime.UtcNow;
        var started = Stopwatch.GetTimestamp();
        using var process = Process.Start(startInfo)
            ?? throw new InvalidOperationException($"Could not start {startInfo.FileName}.");
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not { Length: > 0 } line) return;
            if (line.Contains("fail:", StringComparison.Ordinal)) Console.Error.WriteLine($"[{name}] {line}");
            // Console lines start with the logger's UTC timestamp: "2026-12-05T08:40:24.123Z info: ...".
            if (showTimeline && line.Length > 24
                && DateTime.TryParse(line[..24], CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal,
                    out var at))
                lock (timeline) timeline.Add(((at - startedAt).TotalMilliseconds, line[25..]));
        };
        process.ErrorDataReceived += (_, e) =>
            { if (e.Data is { Length: > 0 }) Console.Error.WriteLine($"[{name}] {e.Data}"); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            var ready = await fake.Ready.WaitAsync(CallbackTimeout);
            var commands = waitForCommands ? await fake.CommandsRegistered.WaitAsync(CallbackTimeout) : 0;
            var cpuUntilRegistered = ProcessCpu.Read(process.Id);
            // Let start-up work (JIT, first GCs) settle before reading the resident set.
            await Task.Delay(TimeSpan.FromSeconds(2));
            var afterStart = ResidentMemory.Read(process.Id);
            // Then some traffic, to see what serving adds (tier-1 code, pools, caches) and what each interaction costs.
            var cpuBefore = ProcessCpu.Read(process.Id);
            var latencies = new double[ProcessInteractions];
            for (var i = 0; i < ProcessInteractions; i++) latencies[i] = await RoundTripAsync(fake);
            var cpuPerInteraction = (ProcessCpu.Read(process.Id) - cpuBefore) / ProcessInteractions;
            Array.Sort(latencies);
            await Task.Delay(TimeSpan.FromSeconds(2));
            var figures = new ProcessFigures(
                Stopwatch.GetElapsedTime(started, ready).TotalMilliseconds,
                waitForCommands ? Stopwatch.GetElapsedTime(started, commands).TotalMilliseconds : double.NaN,
                waitForCommands ? cpuUntilRegistered.TotalMilliseconds : double.NaN,
                afterStart, ResidentMemory.Read(process.Id), cpuPerInteraction.TotalMicroseconds,
                FloorComparison.Percentile(latencies, 0.50), FloorComparison.Percentile(latencies, 0.99));
            Console.WriteLine(
                string.Create(CultureInfo.InvariantCulture,
                    $"{name}: start → READY {figures.StartToReadyMs:0} ms, CPU until registered "
                        + $"{figures.CpuUntilRegisteredMs:0} ms, after start {afterStart}, after {ProcessInteractions} "
                        + $"interactions {figures.AfterLoad}, CPU/interaction {figures.CpuPerInteractionUs:0} µs, "
                        + $"gateway connections {fake.Connections}"));
            if (showTimeline)
            {
                lock (timeline)
                    foreach (var (ms, line) in timeline)
                        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name} +{ms:0} ms {line}"));
                Console.WriteLine(
                    string.Create(CultureInfo.InvariantCulture,
                        $"  {name} +{figures.StartToReadyMs:0} ms READY sent by the fake"));
            }
            return figures;
        }
        finally
        {
            process.StandardInput.Close();
            if (!process.WaitForExit(TimeSpan.FromSeconds(1))) process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    internal static ProcessStartInfo FloorProcess(LoopbackFakeDiscord fake)
    {
        var info = new ProcessStartInfo(Dotnet()) { UseShellExecute = false };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "MiracleCell.Benchmarks.dll"));
        info.ArgumentList.Add("transport");
        info.ArgumentList.Add("floor");
        info.ArgumentList.Add(fake.GatewayUrl.ToString());
        info.ArgumentList.Add(fake.ApiUrl.ToString());
        return info;
    }

    /// <summary>The build output (a .dll, run by <c>dotnet</c>) or a published build (its executable, run as it
    /// is).</summary>
    internal static ProcessStartInfo BotProcess(LoopbackFakeDiscord fake, string bot)
    {
        var assembly = bot.EndsWith(".dll", StringComparison.Ordinal);
        var info = new ProcessStartInfo(assembly ? Dotnet() : bot) { UseShellExecute = false };
        if (assembly) info.ArgumentList.Add(bot);
        foreach (var (key, value) in InProcessBot.Settings(fake, DataFolder))
            info.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        info.Environment["DOTNET_ENVIRONMENT"] = "Production";
        return info;
    }

    /// <summary>
    /// Publishes the bot (<c>dotnet publish -c Release</c>, which is Native AOT, plus <paramref name="properties"/>)
    /// next to the benchmark's data folder, from the repository that holds <paramref name="botAssembly"/>; returns
    /// the published executable.
    /// </summary>
    internal static async Task<string> PublishBotAsync(string botAssembly, string name, params string[] properties)
    {
        var project = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(botAssembly)!, "..", "..", ".."));
        var output = $"{DataFolder}-published-{name}";
        var info = new ProcessStartInfo(Dotnet()) { UseShellExecute = false, RedirectStandardOutput = true };
        foreach (var argument in new[] { "publish", project, "-c", "Release", "-o", output, "-nologo", "-v",
            "quiet" }.Concat(properties))
            info.ArgumentList.Add(argument);
        Console.Error.WriteLine($"Publishing {project} {string.Join(' ', properties)} to {output}");
        using var publish = Process.Start(info)
            ?? throw new InvalidOperationException("Could not start dotnet publish.");
        var log = await publish.StandardOutput.ReadToEndAsync();
        await publish.WaitForExitAsync();
        if (publish.ExitCode != 0)
            throw new InvalidOperationException($"dotnet publish failed ({publish.ExitCode}):\n{log}");
        return Path.Combine(output, "MiracleCell.Bot");
    }

    /// <summary>The bot's own build output (with its deps.json), found from this assembly's folder upwards.</summary>
    internal static string BotAssembly()
    {
        var configuration = AppContext.BaseDirectory.Contains("/Debug/", StringComparison.Ordinal)
            ? "Debug"
            : "Release";
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "src", "MiracleCell.Bot", "bin", configuration, "net10.0",
                "MiracleCell.Bot.dll");
            if (File.Exists(candidate)) return candidate;
        }
        throw new InvalidOperationException($"Build src/MiracleCell.Bot in {configuration} first: its "
            + "MiracleCell.Bot.dll was not found.");
    }

    private static string Dotnet() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host)
            ? host
            : "dotnet";

    private sealed class HostLifetime(IHost host) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await host.StopAsync();
            host.Dispose();
        }
    }
}
