using System;
using System.Collections.Generic;
using System.Globalization;

namespace FaceCompliance;

/// <summary>
/// A deadline in working days runs into a year whose State Council holiday schedule the calendar does not hold, and
/// the caller asked for certainty (<see cref="WorkingDayDeadline.EnsureScheduled"/>) rather than an estimate.
/// </summary>
public sealed class HolidayScheduleMissingException : InvalidOperationException
{
    /// <summary>Creates the exception for an estimated deadline.</summary>
    /// <param name="deadline">The estimate.</param>
    public HolidayScheduleMissingException(WorkingDayDeadline deadline)
        : base(Describe(deadline))
    {
        ArgumentNullException.ThrowIfNull(deadline);
        Deadline = deadline;
    }

    private static string Describe(WorkingDayDeadline? deadline) => deadline is null ? "No deadline." : string.Create(CultureInfo.InvariantCulture,
        $"{deadline.WorkingDays} working days after {deadline.Start:yyyy-MM-dd} run into {WorkingDayDeadline.Years(deadline.YearsWithoutSchedule)}, for which no State Council holiday schedule is loaded: {deadline.Date:yyyy-MM-dd} counts weekends only there and may be wrong. Supply the year's schedule (WorkingDayCalendar.ChinaOfficial().Including(WorkingDayCalendar.Load(path))) once it is published, usually in November of the year before.");

    /// <summary>The estimated deadline.</summary>
    public WorkingDayDeadline Deadline { get; }

    /// <summary>The years without a schedule.</summary>
    public IReadOnlyList<int> Years => Deadline.YearsWithoutSchedule;
}
