using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using MiracleCell.Bot.Clubs;
using MiracleCell.Bot.Console;
using MiracleCell.Bot.Interactions;
using MiracleCell.Core.Films;
using MiracleCell.Core.Text;
using MiracleCell.Discord.Models;
using MiracleCell.Storage;

namespace MiracleCell.Bot.Tests;

/// <summary>The real registrations over an in-memory pack, driven by console lines or hand-built
/// interactions.</summary>
internal sealed partial class TestBot : IDisposable
{
    private readonly ServiceProvider _services;
    private readonly string _dataFolder = Directory.CreateTempSubdirectory("miraclecell-bot-").FullName;

    /// <param name="progress">How far every reader has watched; nothing by default, as on a server with no
    /// setting.</param>
    public TestBot(FilmPack? pack = null, WatchProgress? progress = null)
        : this(FilmLibrary.Of(pack ?? TestPacks.MiracleInCellNo7()), progress)
    {
    }

    /// <param name="library">The films served, the default first.</param>
    /// <param name="progress">How far every reader has watched; null to follow what /club keeps in the store.</param>
    public TestBot(FilmLibrary library, WatchProgress? progress = null)
    {
        Pack = library.Default.Pack;
        _services = BotCli.BuildServices(library, Log, services =>
        {
            services.Configure<StorageOptions>(options => options.DataFolder = _dataFolder);
            if (progress is { } fixedProgress)
                services.AddSingleton<IWatchProgressSource>(new FixedWatchProgress(fixedProgress));
        });
        Router = _services.GetRequiredService<InteractionRouter>();
    }

    public FilmPack Pack { get; }
    public StringWriter Log { get; } = new();
    public InteractionRouter Router { get; }

    public Interaction Interaction(string line, Locale locale = Locale.English)
    {
        var factory = new ConsoleInteractions(Router, locale);
        return factory.FromLine(factory.Parse(line));
    }

    public Task<InteractionResult> Run(string line, Locale locale = Locale.English) =>
        Router.HandleAsync(Interaction(line, locale), CancellationToken.None);

    public async Task<InteractionCallbackData> Reply(string line, Locale locale = Locale.English)
    {
        var result = await Run(line, locale);
        Assert.True(result.Outcome == InteractionOutcome.Replied, $"{line} failed: "
            + $"{result.Error?.Message.En ?? result.Response.Data?.Content}");
        return result.Response.Data!;
    }

    public Task<InteractionResult> Press(string customId, InteractionCallbackData onMessage,
        Locale locale = Locale.English)
    {
        var factory = new ConsoleInteractions(Router, locale);
        var message = new MessagePayload { Content = onMessage.Content, Embeds = onMessage.Embeds,
            Components = onMessage.Components, Flags = onMessage.Flags };
        return Router.HandleAsync(factory.ButtonPress(customId, message), CancellationToken.None);
    }

    /// <summary>All the text Discord would render as markdown: content, titles, descriptions, field names and
    /// values.</summary>
    public static string MarkdownText(InteractionCallbackData data) => string.Join("\n",
        new[] { data.Content }.Concat((data.Embeds ?? []).SelectMany(e =>
            new[] { e.Title, e.Description }.Concat((e.Fields ?? []).SelectMany(f => new[] { f.Name, f.Value }))))
                .Where(t => t is not null));

    /// <summary>The spoiler tags in markdown: <c>||…||</c> pairs whose pipes are not escaped.</summary>
    public static IReadOnlyList<string> Spoilers(string markdown) =>
        [.. SpoilerTag().Matches(markdown).Select(m => m.Groups["inside"].Value)];

    [GeneratedRegex(@"(?<!\\)\|\|(?<inside>(?:[^|\\]|\\.|\|(?!\|))*?)(?<!\\)\|\|", RegexOptions.Singleline)]
    private static partial Regex SpoilerTag();

    public IServiceProvider Services => _services;

    public void Dispose()
    {
        // The store is only asynchronously disposable.
        _services.DisposeAsync().AsTask().GetAwaiter().GetResult();
        Directory.Delete(_dataFolder, recursive: true);
    }
}
