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
        if (Crossed(options.WarningLevel))
        {
            reached.Add(new(FilingThresholdLevel.Warning, options.WarningLevel, currentCount, today, null));
        }

        if (Crossed(options.FilingLevel))
        {
            reached.Add(new(FilingThresholdLevel.Filing, options.FilingLevel, currentCount, today,
                options.Calendar.AddWorkingDays(today, FilingWorkingDays)));
        }

        return reached;

        bool Crossed(int level) => previousCount < level && level <= currentCount;
    }

    private DateOnly Today() =>
        DateOnly.FromDateTime(options.TimeProvider.GetUtcNow().ToOffset(ChinaStandardTime).DateTime);

    private static string Format(FormattableString message) => message.ToString(CultureInfo.InvariantCulture);
}
