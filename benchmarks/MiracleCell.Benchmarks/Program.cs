using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;

// `-- --filter '*'` runs everything; `--job short` is BenchmarkDotNet's own quick job.
var config = DefaultConfig.Instance;
if (args.Contains("--quick"))
{
    config = config.AddJob(Job.ShortRun);
    args = [.. args.Where(a => a != "--quick")];
}
BenchmarkSwitcher.FromAssembly(typeof(MiracleCell.Benchmarks.PackLoadBenchmarks).Assembly).Run(args, config);
