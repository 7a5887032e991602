namespace FaceCompliance.Vision;

/// <summary>One bin of a score histogram: the scores from <see cref="From"/> (included) to <see cref="To"/> (excluded).</summary>
/// <param name="From">The lower edge, included.</param>
/// <param name="To">The upper edge, excluded.</param>
/// <param name="Count">How many scores fall in it.</param>
public sealed record HistogramBin(double From, double To, int Count);
