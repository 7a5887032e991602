using System;
using Xunit;

namespace FaceCompliance.Tests.Filing;

/// <summary>Art. 15: rising through 80,000 warns, rising through 100,000 starts the 30-working-day filing clock.</summary>
public sealed class FilingThresholdTrackerTests
{
    // 2025-06-10 10:00 in China Standard Time, a Tuesday with no holiday in the following six weeks.
    private static readonly DateTimeOffset Tuesday = new(2025, 6, 10, 2, 0, 0, TimeSpan.Zero);

    private static FilingThresholdTracker Tracker(DateTimeOffset now, WorkingDayCalendar? calendar = null) =>
        new(new FilingThresholdOptions { TimeProvider = new FixedTimeProvider(now), Calendar = calendar ?? WorkingDayCalendar.WeekendsOnly });

    [Fact]
    public void Reaching_the_warning_level_warns_without_a_deadline()
    {
        var reached = Assert.Single(Tracker(Tuesday).Observe(79_999, 80_000));

        Assert.Equal(FilingThresholdLevel.Warning, reached.Level);
        Assert.Equal(80_000, reached.Threshold);
        Assert.Equal(80_000, reached.Count);
        Assert.Equal(new DateOnly(2025, 6, 10), reached.ReachedOn);
        Assert.Null(reached.FilingDeadline);
    }

    [Fact]
    public void Reaching_the_filing_level_sets_the_deadline_thirty_working_days_later()
    {
        var reached = Assert.Single(Tracker(Tuesday).Observe(99_990, 100_004));

        Assert.Equal(FilingThresholdLevel.Filing, reached.Level);
        Assert.Equal(100_000, reached.Threshold);
        Assert.Equal(100_004, reached.Count);
        Assert.Equal(new DateOnly(2025, 6, 10), reached.ReachedOn);
        Assert.Equal(new DateOnly(2025, 7, 22), reached.FilingDeadline);   // six weeks of weekdays after a Tuesday
    }

    [Fact]
    public void Jumping_past_both_levels_raises_both_warning_first()
    {
        var reached = Tracker(Tuesday).Observe(0, 150_000);

        Assert.Collection(reached,
            warning => Assert.Equal((FilingThresholdLevel.Warning, 80_000, 150_000), (warning.Level, warning.Threshold, warning.Count)),
            filing => Assert.Equal((FilingThresholdLevel.Filing, 100_000, 150_000), (filing.Level, filing.Threshold, filing.Count)));
    }

    [Theory]
    [InlineData(80_000, 80_001)]     // already at the warning level
    [InlineData(100_000, 100_000)]   // no change
    [InlineData(100_000, 120_000)]   // already at the filing level
    [InlineData(120_000, 90_000)]    // falling
    [InlineData(100_000, 0)]
    [InlineData(10, 79_999)]         // rising, but below every level
    [InlineData(0, 0)]
    public void No_level_is_raised_unless_the_count_rises_through_it(int previous, int current)
    {
        Assert.Empty(Tracker(Tuesday).Observe(previous, current));
    }

    [Fact]
    public void Falling_below_a_level_and_rising_through_it_again_raises_it_again()
    {
        var tracker = Tracker(Tuesday);
        Assert.Single(tracker.Observe(99_999, 100_000));

        Assert.Empty(tracker.Observe(100_000, 99_000));
        var again = Assert.Single(tracker.Observe(99_000, 100_001));

        Assert.Equal(FilingThresholdLevel.Filing, again.Level);
        Assert.Equal(100_001, again.Count);
    }

    [Theory]
    [InlineData("2025-09-30T15:59:59Z", 2025, 9, 30)]    // 23:59:59 in Beijing
    [InlineData("2025-09-30T16:00:00Z", 2025, 10, 1)]    // midnight in Beijing, still 30 September in UTC
    [InlineData("2025-10-01T08:00:00+08:00", 2025, 10, 1)]
    [InlineData("2025-09-30T23:00:00-05:00", 2025, 10, 1)]
    public void The_day_reached_is_the_date_in_china_standard_time(string now, int year, int month, int day)
    {
        var reached = Assert.Single(Tracker(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture)).Observe(99_999, 100_000));

        Assert.Equal(new DateOnly(year, month, day), reached.ReachedOn);
    }

    [Fact]
    public void The_deadline_is_counted_in_the_configured_calendar()
    {
        // Reached on 1 October 2025 in Beijing: 2-8 Oct are holidays, Sat 11 Oct is worked; the 30th working day is 18 Nov.
        var midnightInBeijing = new DateTimeOffset(2025, 9, 30, 16, 0, 0, TimeSpan.Zero);

        var official = Assert.Single(Tracker(midnightInBeijing, WorkingDayCalendar.ChinaOfficialHolidays2025()).Observe(99_999, 100_000));
        var weekendsOnly = Assert.Single(Tracker(midnightInBeijing).Observe(99_999, 100_000));

        Assert.Equal(new DateOnly(2025, 11, 18), official.FilingDeadline);
        Assert.Equal(new DateOnly(2025, 11, 12), weekendsOnly.FilingDeadline);
    }

    [Fact]
    public void The_levels_can_be_lowered_for_tests()
    {
        var tracker = new FilingThresholdTracker(new FilingThresholdOptions
        {
            WarningLevel = 8, FilingLevel = 10, TimeProvider = new FixedTimeProvider(Tuesday),
        });

        Assert.Equal(FilingThresholdLevel.Warning, Assert.Single(tracker.Observe(7, 9)).Level);
        var filing = Assert.Single(tracker.Observe(9, 10));
        Assert.Equal((FilingThresholdLevel.Filing, 10), (filing.Level, filing.Threshold));
    }

    [Fact]
    public void The_defaults_are_the_article_15_levels_the_official_calendar_and_the_system_clock()
    {
        var options = new FilingThresholdOptions();
        Assert.Equal(80_000, options.WarningLevel);
        Assert.Equal(100_000, options.FilingLevel);
        Assert.Same(WorkingDayCalendar.ChinaOfficial(), options.Calendar);
        Assert.Same(TimeProvider.System, options.TimeProvider);
        Assert.Equal(30, FilingThresholdTracker.FilingWorkingDays);

        var reached = Assert.Single(new FilingThresholdTracker().Observe(99_999, 100_000));

        Assert.Equal(100_000, reached.Threshold);
        Assert.Equal(WorkingDayCalendar.ChinaOfficial().AddWorkingDays(reached.ReachedOn, 30), reached.FilingDeadline);
    }

    [Fact]
    public void A_deadline_in_a_year_without_a_schedule_is_flagged_as_an_estimate()
    {
        // Reached on Tuesday 1 December 2026 in Beijing: the 30 working days end in January 2027, which has no schedule yet.
        var december = new DateTimeOffset(2026, 12, 1, 2, 0, 0, TimeSpan.Zero);

        var reached = Assert.Single(Tracker(december, WorkingDayCalendar.ChinaOfficial()).Observe(99_999, 100_000));

        Assert.Equal(new DateOnly(2027, 1, 12), reached.FilingDeadline);
        Assert.True(reached.FilingDeadlineIsEstimate);
        Assert.Equal([2027], reached.YearsWithoutSchedule);
        Assert.False(reached.FoundAtOpen);
    }

    [Fact]
    public void A_deadline_inside_the_scheduled_years_is_certain()
    {
        // Reached on Monday 2 March 2026: 清明节 takes Monday 6 April, so the 30th working day is Tuesday 14 April.
        var march = new DateTimeOffset(2026, 3, 2, 2, 0, 0, TimeSpan.Zero);

        var reached = Assert.Single(Tracker(march, WorkingDayCalendar.ChinaOfficial()).Observe(99_999, 100_000));

        Assert.Equal(new DateOnly(2026, 4, 14), reached.FilingDeadline);
        Assert.False(reached.FilingDeadlineIsEstimate);
        Assert.Empty(reached.YearsWithoutSchedule);
    }

    [Fact]
    public void A_level_found_at_open_is_dated_and_its_deadline_counted_from_the_day_given()
    {
        var tracker = Tracker(Tuesday, WorkingDayCalendar.ChinaOfficial());

        var found = tracker.Reached(FilingThresholdLevel.Filing, 100_250, new DateOnly(2026, 3, 2), foundAtOpen: true);
        var warning = tracker.Reached(FilingThresholdLevel.Warning, 100_250, new DateOnly(2026, 2, 2), foundAtOpen: true);

        Assert.Equal((FilingThresholdLevel.Filing, 100_000, 100_250, true), (found.Level, found.Threshold, found.Count, found.FoundAtOpen));
        Assert.Equal(new DateOnly(2026, 4, 14), found.FilingDeadline);
        Assert.Equal((80_000, (DateOnly?)null), (warning.Threshold, warning.FilingDeadline));
    }

    [Theory]
    [InlineData(-1, 5, "previousCount")]
    [InlineData(5, -1, "currentCount")]
    public void A_negative_count_is_refused(int previous, int current, string parameter)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Tracker(Tuesday).Observe(previous, current));

        Assert.Equal(parameter, error.ParamName);
    }

    [Theory]
    [InlineData(100_000, 100_000)]
    [InlineData(120_000, 100_000)]
    public void A_warning_level_not_below_the_filing_level_is_refused(int warning, int filing)
    {
        var error = Assert.Throws<ArgumentException>(() =>
            new FilingThresholdTracker(new FilingThresholdOptions { WarningLevel = warning, FilingLevel = filing }));

        Assert.Contains($"the warning level ({warning}) must be below the filing level ({filing})", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 10, "options.WarningLevel")]
    [InlineData(-5, 10, "options.WarningLevel")]
    [InlineData(-10, -5, "options.WarningLevel")]
    [InlineData(5, 0, "options.FilingLevel")]
    [InlineData(5, -100, "options.FilingLevel")]
    public void A_level_that_is_not_positive_is_refused(int warning, int filing, string parameter)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() =>
            new FilingThresholdTracker(new FilingThresholdOptions { WarningLevel = warning, FilingLevel = filing }));

        Assert.Equal(parameter, error.ParamName);
    }

    [Fact]
    public void A_missing_calendar_or_clock_is_refused()
    {
        Assert.Equal("options.Calendar", Assert.Throws<ArgumentNullException>(() =>
            new FilingThresholdTracker(new FilingThresholdOptions { Calendar = null! })).ParamName);
        Assert.Equal("options.TimeProvider", Assert.Throws<ArgumentNullException>(() =>
            new FilingThresholdTracker(new FilingThresholdOptions { TimeProvider = null! })).ParamName);
    }

    private sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
    }
}
