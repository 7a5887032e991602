using System;
using System.Collections.Generic;
using System.Linq;
using MathNet.Numerics.Statistics;

namespace FaceCompliance.Vision;

/// <summary>The distribution of one kind of pair score: count, mean, sample standard deviation, extremes and histogram.</summary>
/// <param name="Count">How many pairs.</param>
/// <param name="Mean">The mean score.</param>
/// <param name="StandardDeviation">The sample standard deviation (n − 1); 0 for a single score.</param>
/// <param name="Minimum">The lowest score.</param>
/// <param name="Maximum">The highest score.</param>
/// <param name="Histogram">Bins 1/<see cref="ThresholdCalibration.HistogramBinsPerUnit"/> wide (0.05) on multiples of their width, from the bin of <see cref="Minimum"/> to the bin of <see cref="Maximum"/>, empty bins included.</param>
public sealed record ScoreSummary(int Count, double Mean, double StandardDeviation, float Minimum, float Maximum, IReadOnlyList<HistogramBin> Histogram)
{
    internal static ScoreSummary Of(IReadOnlyList<float> scores)
    {
        var values = scores.Select(s => (double)s).ToArray();
        var (mean, standardDeviation) = values.Length > 1 ? values.MeanStandardDeviation() : (values[0], 0d);
        return new ScoreSummary(values.Length, mean, standardDeviation, scores.Min(), scores.Max(), HistogramOf(values));
    }

    private static List<HistogramBin> HistogramOf(double[] values)
    {
        const int binsPerUnit = ThresholdCalibration.HistogramBinsPerUnit;
        var first = (int)Math.Floor(values.Min() * binsPerUnit);
        var counts = new int[(int)Math.Floor(values.Max() * binsPerUnit) - first + 1];
        foreach (var value in values)
        {
            counts[(int)Math.Floor(value * binsPerUnit) - first]++;
        }

        return counts.Select((count, i) => new HistogramBin((double)(first + i) / binsPerUnit, (double)(first + i + 1) / binsPerUnit, count)).ToList();
    }
}
