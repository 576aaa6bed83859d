using Xunit;

namespace MiracleCell.Testing;

/// <summary>
/// A test that takes a permission away from a file or folder and expects the bot to notice. Skipped, with the reason,
/// when the tests run as root: root reads and writes whatever the permission bits say, so the test could not fail.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class NotAsRootFactAttribute : FactAttribute
{
    public NotAsRootFactAttribute()
    {
        if (IsRoot)
            Skip = "runs as root, which ignores file permissions; run the tests as an ordinary user to cover it";
    }

    /// <summary>True when the effective user id is 0 (read from /proc, so no native call is needed).</summary>
    public static bool IsRoot
    {
        get
        {
            if (!OperatingSystem.IsLinux()) return false;
            var uid = File.ReadLines("/proc/self/status")
                .FirstOrDefault(line => line.StartsWith("Uid:", StringComparison.Ordinal));
            // "Uid:\treal\teffective\tsaved\tfilesystem"
            var fields = uid?.Split('\t', StringSplitOptions.RemoveEmptyEntries);
            return fields is { Length: > 2 } && fields[2] == "0";
        }
    }
}
