using BenchmarkDotNet.Attributes;
using MiracleCell.Core.Films;
using MiracleCell.Core.Search;

namespace MiracleCell.Benchmarks;

/// <summary>What each keystroke of autocomplete and each /character costs.</summary>
[MemoryDiagnoser]
public class LookupBenchmarks
{
    private FilmCatalog _catalog = null!;

    [Params("yong goo", "Ye Seong", "yan", "qqqq", "the warden", "little ye-seung")]
    public string Typed { get; set; } = "";

    [GlobalSetup]
    public void Setup() => _catalog = new FilmCatalog(BenchmarkPack.Load());

    [Benchmark]
    public NameMatch<Character>? ResolveCharacter() => _catalog.Characters.Resolve(Typed);

    [Benchmark]
    public int SuggestCharacters() => _catalog.Characters.Suggest(Typed, 25).Count;

    [Benchmark]
    public int SuggestActors() => _catalog.Cast.Suggest(Typed, 25).Count;
}
