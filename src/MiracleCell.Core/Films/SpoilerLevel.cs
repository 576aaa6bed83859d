namespace MiracleCell.Core.Films;

/// <summary>How much of the film a text gives away.</summary>
public enum SpoilerLevel
{
    /// <summary>Safe for someone who has not seen the film: the premise and production facts.</summary>
    None = 0,
    /// <summary>Gives away events of the first half.</summary>
    Mild = 1,
    /// <summary>Gives away the turns of the second half, the verdict or the ending.</summary>
    Major = 2,
}
