using Microsoft.Extensions.Logging;
using MiracleCell.Storage;

namespace MiracleCell.Bot.Trivia;

/// <summary>What every running game of a coordinator shares: services only, never game state.</summary>
/// <param name="Closed">Called by a game once it is closed in the store, before its final table is posted.</param>
/// <param name="Drained">Called by a game once its queue and its outgoing messages are done.</param>
internal sealed record TriviaGameContext(
    ITriviaStore Store,
    ITriviaMessenger Messenger,
    TimeProvider Time,
    TriviaNightOptions Options,
    ILogger Logger,
    Action<TriviaGameActor> Closed,
    Action<TriviaGameActor> Drained,
    CancellationToken Shutdown);
