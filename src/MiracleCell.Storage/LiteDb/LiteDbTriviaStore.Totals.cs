using LiteDB;
using Microsoft.Extensions.Logging;
using MiracleCell.Core.Trivia;
using static MiracleCell.Storage.LiteDb.ScoreDocuments;

namespace MiracleCell.Storage.LiteDb;

public sealed partial class LiteDbTriviaStore
{
    public Task<GameClosure?> FinishGameAsync(Snowflake guildId, long gameId, GameEndState endState,
        DateTimeOffset endedAt, CancellationToken cancellationToken = default)
    {
        if (!Enum.IsDefined(endState))
            throw new ArgumentOutOfRangeException(nameof(endState), endState, "End state must be Finished, "
                + "Stopped or Interrupted.");
        return WriteAsync(database =>
        {
            _runningGames.Remove(gameId, out var running);
            return CloseGame(database, guildId, gameId, endState, endedAt, running);
        }, cancellationToken);
    }

    public async Task<IReadOnlyList<GameClosure>> RecoverInterruptedGamesAsync(Func<Snowflake, bool>? isOwnGuild = null,
        CancellationToken cancellationToken = default)
    {
        var running = await ReadAsync(database => Games(database).Find(Eq("state", Running))
            .Select(g => (Id: g["_id"].AsInt64, Guild: Snowflake(g["guild"])))
            .OrderBy(g => g.Id)
            .ToList(), cancellationToken).ConfigureAwait(false);

        return await InterruptedGames.CloseAsync(this, running, isOwnGuild, _time, _logger, cancellationToken)
            .ConfigureAwait(false);
    }

    // Runs inside the writer's transaction: the state change and the totals update commit together,
    // so a game's totals are applied exactly once however many times it is closed. A game the writer holds in
    // memory (see RunningGameAnswers) has every answer there; otherwise they are read from the file.
    private static GameClosure? CloseGame(LiteDatabase database, Snowflake guildId, long gameId, GameEndState endState,
        DateTimeOffset endedAt, RunningGameAnswers? running)
    {
        var game = GameIn(database, guildId, gameId);
        if (game is null) return null;
        var channelId = Snowflake(game["channel"]);
        var closedNow = game["state"].AsString == Running;

        var gameAnswers = running is not null && running.Guild == Id(guildId)
            ? running.Answers
            : AnswersOfGame(database, game).Where(a => a["guild"].AsInt64 == Id(guildId)).Select(GameAnswerOf);
        var answers = gameAnswers
            .Select(a => new StoredAnswer(Snowflake(a.User), a.QuestionIndex, a.IsCorrect, a.Points,
                DateTimeOffset.FromUnixTimeMilliseconds(a.AnsweredAtMs)))
            .ToList();
        var scores = answers.GroupBy(a => a.UserId)
            .Select(g => new PlayerGameScore(g.Key, g.Sum(a => a.Points), g.Count(), g.Count(a => a.IsCorrect)))
            .OrderByDescending(s => s.Points).ThenBy(s => s.UserId)
            .ToArray();
        var winner = TriviaScoring.WinnerOf(scores.Select(s => (s.UserId, s.Points)));
        if (!closedNow)
        {
            return new GameClosure(gameId, guildId, channelId, ParseEndState(game["state"].AsString), false, scores,
                winner);
        }

        game["state"] = StateName(endState);
        game["endedAt"] = ToUnixMs(endedAt);
        game["winner"] = winner is { } w ? Id(w) : BsonValue.Null;
        Games(database).Update(game);
        foreach (var player in answers.GroupBy(a => a.UserId))
        {
            AddToTotals(database, guildId, player.Key, [.. player.OrderBy(a => a.QuestionIndex)], player.Key == winner);
        }
        return new GameClosure(gameId, guildId, channelId, endState, true, scores, winner);
    }

    private sealed record StoredAnswer(Snowflake UserId, int QuestionIndex, bool IsCorrect, int Points,
        DateTimeOffset AnsweredAt);

    // Streaks count consecutive right answers among the answers a player gave, carried across games.
    private static void AddToTotals(LiteDatabase database, Snowflake guildId, Snowflake userId,
        IReadOnlyList<StoredAnswer> answers, bool won)
    {
        var totals = Totals(database);
        var key = MemberKey(guildId, userId);
        var member = totals.FindById(key) ?? new BsonDocument
        {
            ["_id"] = key,
            ["guild"] = Id(guildId),
            ["user"] = Id(userId),
            ["points"] = 0L,
            ["games"] = 0,
            ["wins"] = 0,
            ["answers"] = 0,
            ["correct"] = 0,
            ["bestStreak"] = 0,
            ["streak"] = 0,
        };
        int best = member["bestStreak"].AsInt32, streak = member["streak"].AsInt32;
        foreach (var answer in answers)
        {
            streak = answer.IsCorrect ? streak + 1 : 0;
            best = Math.Max(best, streak);
        }
        member["points"] = member["points"].AsInt64 + answers.Sum(a => (long)a.Points);
        member["games"] = member["games"].AsInt32 + 1;
        member["wins"] = member["wins"].AsInt32 + (won ? 1 : 0);
        member["answers"] = member["answers"].AsInt32 + answers.Count;
        member["correct"] = member["correct"].AsInt32 + answers.Count(a => a.IsCorrect);
        member["bestStreak"] = best;
        member["streak"] = streak;
        totals.Upsert(member);

        var monthly = Monthly(database);
        foreach (var month in answers.Where(a => a.Points != 0).GroupBy(a => MonthKey(a.AnsweredAt)))
        {
            var guildMonth = GuildMonth(guildId, month.Key);
            var id = guildMonth + ":" + Id(userId).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var row = monthly.FindById(id) ?? new BsonDocument
            {
                ["_id"] = id,
                ["guildMonth"] = guildMonth,
                ["guild"] = Id(guildId),
                ["user"] = Id(userId),
                ["points"] = 0L,
            };
            row["points"] = row["points"].AsInt64 + month.Sum(a => (long)a.Points);
            monthly.Upsert(row);
        }
    }
}
