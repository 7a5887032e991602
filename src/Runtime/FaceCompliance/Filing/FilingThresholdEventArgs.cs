using System;
using System.Collections.Generic;

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
        : this(level, threshold, count, reachedOn, filingDeadline, [], foundAtOpen: false)
    {
    }

    /// <summary>Creates the event, saying whether the deadline is an estimate and whether the level was found when a store opened.</summary>
    /// <param name="level">Which level was reached.</param>
    /// <param name="threshold">The configured count of that level.</param>
    /// <param name="count">The count of people stored that reached it.</param>
    /// <param name="reachedOn">The China Standard Time date it was reached.</param>
    /// <param name="filingDeadline">For <see cref="FilingThresholdLevel.Filing"/>, the last day to file; otherwise <see langword="null"/>.</param>
    /// <param name="yearsWithoutSchedule">The years of the deadline's period whose holiday schedule is not loaded (<see cref="WorkingDayDeadline.YearsWithoutSchedule"/>).</param>
    /// <param name="foundAtOpen">Whether the count was already at the level when the store was opened (<see cref="FoundAtOpen"/>).</param>
    public FilingThresholdEventArgs(FilingThresholdLevel level, int threshold, int count, DateOnly reachedOn, DateOnly? filingDeadline,
        IReadOnlyList<int> yearsWithoutSchedule, bool foundAtOpen)
    {
        ArgumentNullException.ThrowIfNull(yearsWithoutSchedule);
        Level = level;
        Threshold = threshold;
        Count = count;
        ReachedOn = reachedOn;
        FilingDeadline = filingDeadline;
        YearsWithoutSchedule = yearsWithoutSchedule;
        FoundAtOpen = foundAtOpen;
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

    /// <summary>
    /// The years of the deadline's period whose State Council holiday schedule the calendar does not hold. When not
    /// empty, <see cref="FilingDeadline"/> counts weekends only in those years and is an estimate
    /// (<see cref="FilingDeadlineIsEstimate"/>): supply the schedule (<see cref="WorkingDayCalendar.Including"/>).
    /// </summary>
    public IReadOnlyList<int> YearsWithoutSchedule { get; }

    /// <summary>Whether <see cref="FilingDeadline"/> is an estimate (<see cref="YearsWithoutSchedule"/> is not empty).</summary>
    public bool FilingDeadlineIsEstimate => YearsWithoutSchedule.Count > 0;

    /// <summary>
    /// Whether the count was already at the level when the store was opened, and no event had been raised for it.
    /// <see cref="ReachedOn"/> is then the latest day it can have been reached: the day the last person needed to
    /// reach the level, counting only the people stored now, was first stored. If people since deleted made the count
    /// reach it earlier, the real deadline is earlier too.
    /// </summary>
    public bool FoundAtOpen { get; }
}
