using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using MiracleCell.Bot;
using MiracleCell.Bot.Console;
using MiracleCell.Bot.Interactions;
using MiracleCell.Core.Text;
using MiracleCell.Discord.Models;

namespace MiracleCell.Benchmarks;

/// <summary>A whole command through the router, from interaction to callback body, as the gateway will run
/// it.</summary>
[MemoryDiagnoser]
public class RenderBenchmarks
{
    private ServiceProvider _services = null!;
    private InteractionRouter _router = null!;
    private Interaction _interaction = null!;

    [Params("/film", "/recap", "/recap part:ending", "/recap part:ending spoilers:true", "/character name:yong goo",
        "/cast", "/spoiler text:\"||a|| @everyone\"", "/help", "/character name:yong?")]
    public string Line { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        _services = BotCli.BuildServices(BenchmarkPack.Load(), TextWriter.Null);
        _router = _services.GetRequiredService<InteractionRouter>();
        var factory = new ConsoleInteractions(_router, Locale.English);
        _interaction = factory.FromLine(factory.Parse(Line));
    }

    [GlobalCleanup]
    public void Cleanup() => _services.Dispose();

    [Benchmark]
    public async Task<InteractionResponse> Handle() =>
        (await _router.HandleAsync(_interaction, CancellationToken.None)).Response;
}
