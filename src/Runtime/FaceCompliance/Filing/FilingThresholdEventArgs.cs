using System;

namespace FaceCompliance;

/// <summary>The count of people whose facial information is stored has risen to a <see cref="FilingThresholdLevel"/>.</summary>
public sealed class FilingThresholdEventArgs : EventArgs
{
    /// <summary>Creates the event.</summary>
    /// <param name="level">Which level was reached.</param>
    /// <param name="threshold">The configured count of that level.</param>
    /// <param name="count">The count of people stored that reached it.</param>
    /// <param name="reachedOn">The China Standard Time date it was reached.</param>
    /// <param name="filingDeadline">For <see cref="FilingThresholdLevel.Filing"/>, the last day to file; otherwise <see langword="null"/>.</param>
    public FilingThresholdEventArgs(FilingThresholdLevel level, int threshold, int count, DateOnly reachedOn, DateOnly? filingDeadline)
    {
        Level = level;
        Threshold = threshold;
        Count = count;
        ReachedOn = reachedOn;
        FilingDeadline = filingDeadline;
    }

    /// <summary>Which level was reached.</summary>
    public FilingThresholdLevel Level { get; }

    /// <summary>The configured count of that level, for example 100,000.</summary>
    public int Threshold { get; }

    /// <summary>The count of distinct people stored that reached the level.</summary>
    public int Count { get; }

    /// <summary>The date the level was reached, in China Standard Time (UTC+8).</summary>
    public DateOnly ReachedOn { get; }

    /// <summary>
    /// For <see cref="FilingThresholdLevel.Filing"/>, the 30th working day after <see cref="ReachedOn"/>, the last day
    /// to file with the provincial CAC office; <see langword="null"/> for <see cref="FilingThresholdLevel.Warning"/>.
    /// </summary>
    public DateOnly? FilingDeadline { get; }
}
