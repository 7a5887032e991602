using System;
using System.Collections.Generic;
using System.Globalization;

namespace FaceCompliance;

/// <summary>
/// Decides when the count of people whose facial information is stored reaches the filing level, and by when the
/// filing is due.
/// </summary>
/// <remarks>
/// Measures Art. 15: a processor that stores the facial information of 100,000 people or more files with the
/// cyberspace administration (CAC) office at provincial level or above within 30 working days of reaching that
/// number. The count is of distinct people stored now, across all purposes, so it can fall (deletion, expiry)
/// and rise again; each rise through a level raises that level again. The tracker only decides: the application
/// keeps the count, calls <see cref="Observe"/> whenever it changes, and raises or records the events returned.
/// </remarks>
public sealed class FilingThresholdTracker
{
    /// <summary>The working days allowed to file once the filing level is reached (Art. 15).</summary>
    public const int FilingWorkingDays = 30;

    private static readonly TimeSpan ChinaStandardTime = TimeSpan.FromHours(8);   // no daylight saving time since 1991

    private readonly FilingThresholdOptions options;

    /// <summary>Creates a tracker.</summary>
    /// <param name="options">The levels, calendar and clock; <see langword="null"/> for the defaults.</param>
    /// <exception cref="ArgumentOutOfRangeException">A level is not positive.</exception>
    /// <exception cref="ArgumentException">The warning level is not below the filing level.</exception>
    /// <exception cref="ArgumentNullException">The calendar or clock is <see langword="null"/>.</exception>
    public FilingThresholdTracker(FilingThresholdOptions? options = null)
    {
        options ??= new FilingThresholdOptions();
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.WarningLevel, "options.WarningLevel");
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.FilingLevel, "options.FilingLevel");
        if (options.WarningLevel >= options.FilingLevel)
        {
            throw new ArgumentException(
                Format($"the warning level ({options.WarningLevel}) must be below the filing level ({options.FilingLevel})."),
                nameof(options));
        }

        ArgumentNullException.ThrowIfNull(options.Calendar, "options.Calendar");
        ArgumentNullException.ThrowIfNull(options.TimeProvider, "options.TimeProvider");
        this.options = options;
    }

    /// <summary>
    /// The events to raise for a change in the count of people stored: one for each level with
    /// <paramref name="previousCount"/> &lt; level &lt;= <paramref name="currentCount"/>, warning first.
    /// </summary>
    /// <param name="previousCount">The count before the change.</param>
    /// <param name="currentCount">The count after it.</param>
    /// <returns>The levels reached, dated today in China Standard Time; empty when none was reached.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative.</exception>
    public IReadOnlyList<FilingThresholdEventArgs> Observe(int previousCount, int currentCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(previousCount);
        ArgumentOutOfRangeException.ThrowIfNegative(currentCount);

        var reached = new List<FilingThresholdEventArgs>(2);
        var today = Today();
        foreach (var level in Levels)
        {
            if (previousCount < Threshold(level) && Threshold(level) <= currentCount)
            {
                reached.Add(Reached(level, currentCount, today, foundAtOpen: false));
            }
        }

        return reached;
    }

    /// <summary>The two levels, warning first.</summary>
    public static IReadOnlyList<FilingThresholdLevel> Levels { get; } = [FilingThresholdLevel.Warning, FilingThresholdLevel.Filing];

    /// <summary>The configured count of a level.</summary>
    /// <param name="level">The level.</param>
    /// <returns><see cref="FilingThresholdOptions.WarningLevel"/> or <see cref="FilingThresholdOptions.FilingLevel"/>.</returns>
    public int Threshold(FilingThresholdLevel level) => level switch
    {
        FilingThresholdLevel.Warning => options.WarningLevel,
        FilingThresholdLevel.Filing => options.FilingLevel,
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "Not a filing threshold level."),
    };

    /// <summary>
    /// The event for a level reached on a given day, with the filing deadline counted from that day: for a store that
    /// finds, when it opens, a level already reached that it never raised (<see cref="FilingThresholdEventArgs.FoundAtOpen"/>).
    /// </summary>
    /// <param name="level">The level.</param>
    /// <param name="count">The count of people stored now.</param>
    /// <param name="reachedOn">The China Standard Time day the level was reached.</param>
    /// <param name="foundAtOpen">Whether the level was found at open rather than seen being crossed.</param>
    /// <returns>The event to raise and record.</returns>
    public FilingThresholdEventArgs Reached(FilingThresholdLevel level, int count, DateOnly reachedOn, bool foundAtOpen)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var deadline = level == FilingThresholdLevel.Filing ? options.Calendar.Deadline(reachedOn, FilingWorkingDays) : null;
        return new(level, Threshold(level), count, reachedOn, deadline?.Date, deadline?.YearsWithoutSchedule ?? [], foundAtOpen);
    }

    /// <summary>The working-day deadline <paramref name="days"/> after <paramref name="start"/> in the configured calendar (for a change or cancellation filing: 30).</summary>
    /// <param name="start">The day the obligation arose; not counted.</param>
    /// <param name="days">Working days.</param>
    /// <returns>The deadline, flagged when it is an estimate.</returns>
    public WorkingDayDeadline Deadline(DateOnly start, int days = FilingWorkingDays) => options.Calendar.Deadline(start, days);

    /// <summary>Today in China Standard Time (UTC+8), by the configured clock.</summary>
    /// <returns>The date.</returns>
    public DateOnly Today() => ChinaDate(options.TimeProvider.GetUtcNow());

    /// <summary>The China Standard Time (UTC+8) date of an instant.</summary>
    /// <param name="instant">The instant.</param>
    /// <returns>Its date in Beijing.</returns>
    public static DateOnly ChinaDate(DateTimeOffset instant) => DateOnly.FromDateTime(instant.ToOffset(ChinaStandardTime).DateTime);

    private static string Format(FormattableString message) => message.ToString(CultureInfo.InvariantCulture);
}
