using BenchmarkDotNet.Attributes;
using MiracleCell.Core.Films;
using MiracleCell.Core.Films.Loading;

namespace MiracleCell.Benchmarks;

/// <summary>Start-up cost: reading and validating the shipped pack, then building its name indexes.</summary>
[MemoryDiagnoser]
public class PackLoadBenchmarks
{
    private string _folder = "";

    [GlobalSetup]
    public void Setup() => _folder = BenchmarkPack.Folder;

    [Benchmark]
    public ContentLoadResult LoadAndValidate() => ContentPackLoader.Load(_folder);

    [Benchmark]
    public FilmCatalog LoadAndIndex() => new(ContentPackLoader.Load(_folder).Pack!);
}
