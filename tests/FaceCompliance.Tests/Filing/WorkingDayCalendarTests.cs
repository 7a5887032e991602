using System;
using System.Linq;
using Xunit;

namespace FaceCompliance.Tests.Filing;

/// <summary>PRC working days: weekends off, holidays removed, make-up working days (调休) added; the start never counts.</summary>
public sealed class WorkingDayCalendarTests
{
    private static readonly WorkingDayCalendar China2025 = WorkingDayCalendar.ChinaOfficialHolidays2025();

    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    [Theory]
    [InlineData(2025, 6, 6, true)]    // Friday
    [InlineData(2025, 6, 7, false)]   // Saturday
    [InlineData(2025, 6, 8, false)]   // Sunday
    [InlineData(2025, 10, 1, true)]   // National Day, a Wednesday: only weekends are off here
    public void Weekends_only_means_monday_to_friday(int year, int month, int day, bool working)
    {
        Assert.Equal(working, WorkingDayCalendar.WeekendsOnly.IsWorkingDay(D(year, month, day)));
    }

    [Theory]
    [InlineData(2025, 6, 2, 1, 2025, 6, 3)]     // Monday: the next day
    [InlineData(2025, 6, 6, 1, 2025, 6, 9)]     // Friday: over the weekend to Monday
    [InlineData(2025, 6, 7, 1, 2025, 6, 9)]     // a Saturday start is not counted either
    [InlineData(2025, 6, 2, 5, 2025, 6, 9)]     // a working week later
    [InlineData(2025, 6, 2, 30, 2025, 7, 14)]   // six full weeks
    [InlineData(2025, 6, 8, 0, 2025, 6, 8)]     // no working days: the start itself
    public void Adding_working_days_skips_weekends_and_never_counts_the_start(
        int year, int month, int day, int days, int toYear, int toMonth, int toDay)
    {
        Assert.Equal(D(toYear, toMonth, toDay), WorkingDayCalendar.WeekendsOnly.AddWorkingDays(D(year, month, day), days));
    }

    [Fact]
    public void A_holiday_removes_a_weekday_and_a_make_up_day_adds_a_weekend_day()
    {
        var calendar = new WorkingDayCalendar([D(2025, 6, 10)], [D(2025, 6, 14)]);   // a Tuesday off, a Saturday worked

        Assert.False(calendar.IsWorkingDay(D(2025, 6, 10)));
        Assert.True(calendar.IsWorkingDay(D(2025, 6, 14)));
        Assert.True(calendar.IsWorkingDay(D(2025, 6, 11)));
        Assert.False(calendar.IsWorkingDay(D(2025, 6, 15)));
        // Monday 9th: Tue 10 is off; Wed 11, Thu 12, Fri 13 and Sat 14 (made up) count.
        Assert.Equal(D(2025, 6, 14), calendar.AddWorkingDays(D(2025, 6, 9), 4));
        Assert.Equal(D(2025, 6, 16), calendar.AddWorkingDays(D(2025, 6, 9), 5));
    }

    [Fact]
    public void A_holiday_on_a_weekend_changes_nothing()
    {
        var calendar = new WorkingDayCalendar([D(2025, 6, 7)], []);

        Assert.Equal(WorkingDayCalendar.WeekendsOnly.AddWorkingDays(D(2025, 6, 2), 10), calendar.AddWorkingDays(D(2025, 6, 2), 10));
    }

    [Fact]
    public void A_make_up_day_on_a_weekday_is_refused_as_a_likely_mistake()
    {
        var error = Assert.Throws<ArgumentException>(() => new WorkingDayCalendar([], [D(2025, 10, 8)]));

        Assert.Contains("2025-10-08 is a Wednesday", error.Message, StringComparison.Ordinal);
        Assert.Equal("makeUpWorkingDays", error.ParamName);
    }

    [Fact]
    public void A_day_that_is_both_holiday_and_make_up_day_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => new WorkingDayCalendar([D(2025, 10, 11)], [D(2025, 10, 11)]));

        Assert.Contains("2025-10-11 is both a holiday and a make-up working day", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_negative_number_of_days_is_refused()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => WorkingDayCalendar.WeekendsOnly.AddWorkingDays(D(2025, 6, 2), -1));

        Assert.Equal("days", error.ParamName);
    }

    [Fact]
    public void Counting_past_the_last_representable_date_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => WorkingDayCalendar.WeekendsOnly.AddWorkingDays(DateOnly.MaxValue.AddDays(-3), 5));
    }

    [Theory]
    [InlineData(2025, 1, 1, false)]    // 元旦, Wednesday
    [InlineData(2025, 1, 26, true)]    // Sunday worked for 春节
    [InlineData(2025, 1, 28, false)]   // 春节 begins on New Year's Eve
    [InlineData(2025, 2, 4, false)]    // its last day
    [InlineData(2025, 2, 5, true)]
    [InlineData(2025, 2, 8, true)]     // Saturday worked for 春节
    [InlineData(2025, 4, 4, false)]    // 清明节
    [InlineData(2025, 4, 27, true)]    // Sunday worked for 劳动节
    [InlineData(2025, 5, 2, false)]    // 劳动节
    [InlineData(2025, 5, 5, false)]    // 劳动节, Monday
    [InlineData(2025, 6, 2, false)]    // 端午节, Monday
    [InlineData(2025, 9, 28, true)]    // Sunday worked for 国庆节
    [InlineData(2025, 10, 1, false)]
    [InlineData(2025, 10, 8, false)]   // 国庆节 and 中秋节 end on a Wednesday
    [InlineData(2025, 10, 9, true)]
    [InlineData(2025, 10, 11, true)]   // Saturday worked for 国庆节
    [InlineData(2025, 10, 12, false)]
    public void The_2025_schedule_follows_the_state_council_notice(int year, int month, int day, bool working)
    {
        Assert.Equal(working, China2025.IsWorkingDay(D(year, month, day)));
    }

    [Fact]
    public void The_2025_schedule_has_248_working_days()
    {
        // 261 weekdays, minus 18 weekday holidays, plus 5 make-up days.
        var days = Enumerable.Range(0, 365).Select(offset => D(2025, 1, 1).AddDays(offset));

        Assert.Equal(248, days.Count(China2025.IsWorkingDay));
    }

    [Fact]
    public void Thirty_working_days_across_the_national_day_week_count_the_make_up_days()
    {
        // From Friday 26 September: Sun 28 Sep (made up), Mon 29, Tue 30 = 3; 1-8 Oct off; Thu 9, Fri 10, Sat 11 (made up) = 6;
        // five weeks of five = 31 by Fri 14 Nov, so the 30th is Thu 13 Nov. Weekends only, it would be Fri 7 Nov.
        Assert.Equal(D(2025, 11, 13), China2025.AddWorkingDays(D(2025, 9, 26), 30));
        Assert.Equal(D(2025, 11, 7), WorkingDayCalendar.WeekendsOnly.AddWorkingDays(D(2025, 9, 26), 30));
    }

    [Fact]
    public void Working_days_across_the_spring_festival()
    {
        // From Friday 24 January: Sun 26 (made up) = 1, Mon 27 = 2; 28 Jan-4 Feb off; Wed 5 = 3 ... Sat 8 (made up) = 6, Mon 10 = 7.
        Assert.Equal(D(2025, 1, 27), China2025.AddWorkingDays(D(2025, 1, 24), 2));
        Assert.Equal(D(2025, 2, 5), China2025.AddWorkingDays(D(2025, 1, 24), 3));
        Assert.Equal(D(2025, 2, 10), China2025.AddWorkingDays(D(2025, 1, 24), 7));
    }

    [Fact]
    public void The_cac_transition_deadline_is_thirty_working_days_after_the_measures_took_effect()
    {
        // The CAC announced 2025-07-14 as the deadline for those already over 100,000 on 2025-06-01 (a Sunday);
        // 端午节 takes Monday 2 June. Weekends only, the count would end on Friday 11 July.
        Assert.Equal(D(2025, 7, 14), China2025.AddWorkingDays(D(2025, 6, 1), 30));
        Assert.Equal(D(2025, 7, 11), WorkingDayCalendar.WeekendsOnly.AddWorkingDays(D(2025, 6, 1), 30));
    }

    [Fact]
    public void Outside_2025_the_official_schedule_observes_weekends_only()
    {
        Assert.True(China2025.IsWorkingDay(D(2026, 1, 1)));
        Assert.True(China2025.IsWorkingDay(D(2024, 10, 1)));
    }
}
