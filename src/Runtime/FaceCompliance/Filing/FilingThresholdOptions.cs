using System;

namespace FaceCompliance;

/// <summary>The levels, calendar and clock of a <see cref="FilingThresholdTracker"/>.</summary>
public sealed class FilingThresholdOptions
{
    /// <summary>The count of people stored that raises the early warning; below <see cref="FilingLevel"/>. Default 80,000.</summary>
    public int WarningLevel { get; init; } = 80_000;

    /// <summary>The count of people stored that makes the filing due. Default 100,000, the Art. 15 level; lower it only in tests.</summary>
    public int FilingLevel { get; init; } = Profiles.JurisdictionProfiles.China.FilingThreshold;

    /// <summary>
    /// The working days the deadline is counted in. Default <see cref="WorkingDayCalendar.ChinaOfficial"/>, the State
    /// Council schedules shipped with the library; a deadline that runs into a year it does not schedule is flagged
    /// (<see cref="FilingThresholdEventArgs.FilingDeadlineIsEstimate"/>).
    /// </summary>
    public WorkingDayCalendar Calendar { get; init; } = WorkingDayCalendar.ChinaOfficial();

    /// <summary>The clock that dates a crossing. Default <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
