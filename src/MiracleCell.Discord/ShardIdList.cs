namespace MiracleCell.Discord;

/// <summary>
/// Parses <c>Discord:ShardIds</c>: shard ids and ranges separated by commas, such as <c>0-3</c>, <c>0,2</c> or
/// <c>0-1,4-5</c>. The result is sorted and without repeats.
/// </summary>
public static class ShardIdList
{
    /// <summary>More shards than any bot needs per process; a guard against <c>0-2000000000</c> typos.</summary>
    public const int MaxShardsPerProcess = 1024;

    /// <summary>The ids in <paramref name="text"/>, or null with <paramref name="problem"/> saying what is
    /// wrong.</summary>
    public static IReadOnlyList<int>? TryParse(string text, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(text);
        var ids = new SortedSet<int>();
        foreach (var raw in text.Split(',', StringSplitOptions.TrimEntries))
        {
            if (raw.Length == 0)
            {
                problem = $"'{text}' has an empty entry: write ids and ranges separated by single commas, "
                    + "such as 0-3 or 0,2.";
                return null;
            }
            var dash = raw.IndexOf('-', 1);
            var first = dash < 0 ? raw : raw[..dash].Trim();
            var last = dash < 0 ? raw : raw[(dash + 1)..].Trim();
            if (!int.TryParse(first, out var from) || !int.TryParse(last, out var to) || from < 0 || to < 0)
            {
                problem = $"'{raw}' is not a shard id (0 or more) or a range such as 0-3.";
                return null;
            }
            if (to < from)
            {
                problem = $"the range '{raw}' runs backwards: write it low to high ({to}-{from}).";
                return null;
            }
            if ((long)to - from + ids.Count >= MaxShardsPerProcess)
            {
                problem = $"'{text}' names more than {MaxShardsPerProcess} shards: split them between processes.";
                return null;
            }
            for (var id = from; id <= to; id++) ids.Add(id);
        }
        problem = null;
        return [.. ids];
    }
}
