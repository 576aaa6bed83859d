using System.Globalization;

namespace MiracleCell.Benchmarks;

/// <summary>The arithmetic and table rows shared by the benchmarks that set the bot beside a bare echo client (the
/// floor).</summary>
internal static class FloorComparison
{
    /// <summary>The nearest-rank percentile <paramref name="p"/> (0–1) of ascending
    /// <paramref name="sorted"/>.</summary>
    public static double Percentile(double[] sorted, double p) =>
        sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    /// <summary>A Markdown row <c>| label | floor | bot | bot − floor |</c>; <paramref name="label"/> may span several
    /// cells.</summary>
    public static void WriteRow(string label, double floor, double bot, int decimals) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {label} | {Format(floor, decimals)} | {Format(bot, decimals)} | {Format(bot - floor, decimals)} |"));

    /// <summary>A dash for a figure not measured; whole numbers from 100 up, else <paramref name="decimals"/>
    /// places.</summary>
    private static string Format(double value, int decimals) =>
        double.IsNaN(value)
            ? "–"
            : value.ToString(value >= 100 ? "0" : "0." + new string('0', decimals), CultureInfo.InvariantCulture);
}
