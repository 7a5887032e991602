using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace FaceCompliance;

/// <summary>
/// A deadline counted in working days (<see cref="WorkingDayCalendar.Deadline"/>), and whether it rests on the State
/// Council's schedule for every year it spans or is an estimate.
/// </summary>
public sealed class WorkingDayDeadline
{
    internal WorkingDayDeadline(DateOnly start, int workingDays, DateOnly date, IReadOnlyList<int> yearsWithoutSchedule)
    {
        Start = start;
        WorkingDays = workingDays;
        Date = date;
        YearsWithoutSchedule = yearsWithoutSchedule;
    }

    /// <summary>The day the period began (not counted).</summary>
    public DateOnly Start { get; }

    /// <summary>The working days counted.</summary>
    public int WorkingDays { get; }

    /// <summary>The last day of the period.</summary>
    public DateOnly Date { get; }

    /// <summary>
    /// The years the period runs through whose holiday schedule the calendar does not hold: there only weekends were
    /// observed. Empty when the deadline is certain.
    /// </summary>
    public IReadOnlyList<int> YearsWithoutSchedule { get; }

    /// <summary>Whether <see cref="Date"/> is a guess: a year of the period has no schedule (<see cref="YearsWithoutSchedule"/>).</summary>
    public bool IsEstimate => YearsWithoutSchedule.Count > 0;

    /// <summary>The deadline, if every year it spans is scheduled.</summary>
    /// <returns><see cref="Date"/>.</returns>
    /// <exception cref="HolidayScheduleMissingException">The deadline is an estimate; the exception names the years to supply.</exception>
    public DateOnly EnsureScheduled() => IsEstimate ? throw new HolidayScheduleMissingException(this) : Date;

    /// <summary>The date, and the years without schedule when it is an estimate.</summary>
    /// <returns>For example <c>2027-02-03 (estimate: no holiday schedule for 2027)</c>.</returns>
    public override string ToString() => IsEstimate
        ? Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + " (estimate: no holiday schedule for " + Years(YearsWithoutSchedule) + ")"
        : Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    internal static string Years(IEnumerable<int> years) =>
        string.Join(", ", years.Select(y => y.ToString(CultureInfo.InvariantCulture)));
}
