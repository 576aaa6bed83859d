namespace MiracleCell.Bot.Hosting;

/// <summary>Checks before anything connects that the data folder (Storage:DataFolder) can hold the bot's
/// files.</summary>
internal static class DataFolder
{
    /// <summary>Creates the folder when missing and writes a probe file in it.</summary>
    /// <exception cref="StartupException">The folder is a file, cannot be created or cannot be written.</exception>
    public static void EnsureUsable(string configured)
    {
        var folder = Path.GetFullPath(configured);
        if (File.Exists(folder))
            throw new StartupException($"Storage:DataFolder {folder} is a file, not a folder: point Storage:DataFolder "
                + "at a folder (or move the file away).");
        try
        {
            Directory.CreateDirectory(folder);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new StartupException($"Storage:DataFolder {folder} cannot be created ({exception.Message}): "
                + "point Storage:DataFolder at a folder the bot's user may create or write.", exception);
        }
        try
        {
            var probe = Path.Combine(folder, $".write-check-{Environment.ProcessId}");
            using (File.Create(probe, 1, FileOptions.DeleteOnClose)) { }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new StartupException($"Storage:DataFolder {folder} is not writable ({exception.Message}): give the "
                + "bot's user write access to it or choose another folder.", exception);
        }
    }
}
