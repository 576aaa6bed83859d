using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;

// `-- transport`: the Discord transport against a loopback fake (not a BenchmarkDotNet run).
if (args is ["transport", ..])
{
    return await MiracleCell.Benchmarks.TransportBenchmark.RunAsync(args[1..]);
}

// `-- trivia [rate ...]`: 100 trivia nights in the bot against a loopback fake, paced answer clicks (not a
// BenchmarkDotNet run).
if (args is ["trivia", ..])
{
    return await MiracleCell.Benchmarks.TriviaLoadBenchmark.RunAsync(args[1..]);
}

// `-- store [answers] [rounds]`: durable answers per second into LiteDB and PostgreSQL, one table (not a
// BenchmarkDotNet run).
if (args is ["store", ..])
{
    return await MiracleCell.Benchmarks.StoreBenchmark.RunAsync(args[1..]);
}

// `-- checkpoint [rate ...]`: the LiteDB store alone under the trivia load shape, with its commits and checkpoints
// measured (not a BenchmarkDotNet run).
if (args is ["checkpoint", ..])
{
    return await MiracleCell.Benchmarks.CheckpointBenchmark.RunAsync(args[1..]);
}

// `-- --filter '*'` runs everything; `--job short` is BenchmarkDotNet's own quick job.
var config = DefaultConfig.Instance;
if (args.Contains("--quick"))
{
    config = config.AddJob(Job.ShortRun);
    args = [.. args.Where(a => a != "--quick")];
}
BenchmarkSwitcher.FromAssembly(typeof(MiracleCell.Benchmarks.PackLoadBenchmarks).Assembly).Run(args, config);
return 0;
