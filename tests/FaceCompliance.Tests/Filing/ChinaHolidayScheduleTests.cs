using System;
using System.IO;
using System.Linq;
using Xunit;

namespace FaceCompliance.Tests.Filing;

/// <summary>
/// The State Council schedules shipped as data (2025: 国办发明电〔2024〕12号; 2026: notice of 2025-11-04), a deployer's
/// own schedule file, and the warning when a deadline runs into a year without a schedule.
/// </summary>
public sealed class ChinaHolidayScheduleTests
{
    private static readonly WorkingDayCalendar Official = WorkingDayCalendar.ChinaOfficial();

    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    [Fact]
    public void The_library_ships_2025_and_2026_with_the_notices_cited()
    {
        Assert.Equal([2025, 2026], Official.ScheduledYears.Keys.Order());
        Assert.Contains("国办发明电〔2024〕12号", Official.ScheduledYears[2025], StringComparison.Ordinal);
        Assert.Contains("国务院办公厅关于2026年部分节假日安排的通知", Official.ScheduledYears[2026], StringComparison.Ordinal);
        Assert.False(Official.IsScheduled(2027));
    }

    [Theory]
    [InlineData(2026, 1, 1, false)]    // 元旦, Thursday
    [InlineData(2026, 1, 2, false)]    // Friday, part of 元旦
    [InlineData(2026, 1, 4, true)]     // Sunday worked for 元旦
    [InlineData(2026, 2, 13, true)]    // Friday before 春节
    [InlineData(2026, 2, 14, true)]    // Saturday worked for 春节
    [InlineData(2026, 2, 16, false)]   // 春节
    [InlineData(2026, 2, 23, false)]   // 春节's last day, a Monday
    [InlineData(2026, 2, 24, true)]
    [InlineData(2026, 2, 28, true)]    // Saturday worked for 春节
    [InlineData(2026, 4, 6, false)]    // 清明节, Monday
    [InlineData(2026, 5, 5, false)]    // 劳动节, Tuesday
    [InlineData(2026, 5, 9, true)]     // Saturday worked for 劳动节
    [InlineData(2026, 6, 19, false)]   // 端午节, Friday
    [InlineData(2026, 9, 20, true)]    // Sunday worked for 国庆节
    [InlineData(2026, 9, 25, false)]   // 中秋节, Friday
    [InlineData(2026, 10, 7, false)]   // 国庆节's last day, a Wednesday
    [InlineData(2026, 10, 8, true)]
    [InlineData(2026, 10, 10, true)]   // Saturday worked for 国庆节
    public void The_2026_schedule_follows_the_state_council_notice(int year, int month, int day, bool working)
    {
        Assert.Equal(working, Official.IsWorkingDay(D(year, month, day)));
    }

    [Fact]
    public void The_2026_schedule_has_248_working_days()
    {
        // 261 weekdays (1 January is a Thursday), minus 19 weekday holidays (元旦 2, 春节 6, 清明 1, 劳动 3, 端午 1,
        // 中秋 1, 国庆 5), plus 6 make-up days.
        var days = Enumerable.Range(0, 365).Select(offset => D(2026, 1, 1).AddDays(offset));

        Assert.Equal(248, days.Count(Official.IsWorkingDay));
    }

    [Fact]
    public void The_2025_schedule_alone_still_reads_2025_from_the_same_data()
    {
        var only2025 = WorkingDayCalendar.ChinaOfficialHolidays2025();

        Assert.Equal([2025], only2025.ScheduledYears.Keys);
        Assert.False(only2025.IsWorkingDay(D(2025, 10, 8)));
        Assert.True(only2025.IsWorkingDay(D(2026, 10, 8)));
        Assert.True(only2025.IsWorkingDay(D(2026, 10, 7)));   // 2026 is not in it: weekends only
    }

    [Fact]
    public void A_deadline_inside_scheduled_years_is_certain()
    {
        // From Monday 2 March 2026: 清明节 takes Monday 6 April, so the 30th working day is Tuesday 14 April.
        var deadline = Official.Deadline(D(2026, 3, 2), 30);

        Assert.Equal(D(2026, 4, 14), deadline.Date);
        Assert.False(deadline.IsEstimate);
        Assert.Equal(D(2026, 4, 14), deadline.EnsureScheduled());
        Assert.Equal("2026-04-14", deadline.ToString());
    }

    [Fact]
    public void A_deadline_that_runs_into_an_unscheduled_year_is_an_estimate_and_can_be_refused()
    {
        // From Tuesday 1 December 2026, weekends only in 2027 (1 January counted as a working day): Tuesday 12 January.
        var deadline = Official.Deadline(D(2026, 12, 1), 30);

        Assert.Equal(D(2027, 1, 12), deadline.Date);
        Assert.True(deadline.IsEstimate);
        Assert.Equal([2027], deadline.YearsWithoutSchedule);
        Assert.Equal("2027-01-12 (estimate: no holiday schedule for 2027)", deadline.ToString());
        var error = Assert.Throws<HolidayScheduleMissingException>(() => deadline.EnsureScheduled());
        Assert.Equal([2027], error.Years);
        Assert.Contains("30 working days after 2026-12-01 run into 2027, for which no State Council holiday schedule is loaded", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Weekends_only_schedules_no_year_so_every_deadline_is_an_estimate()
    {
        var deadline = WorkingDayCalendar.WeekendsOnly.Deadline(D(2026, 3, 2), 30);

        Assert.Equal(D(2026, 4, 13), deadline.Date);
        Assert.Equal([2026], deadline.YearsWithoutSchedule);
        Assert.False(WorkingDayCalendar.WeekendsOnly.Deadline(D(2026, 3, 2), 0).IsEstimate);
    }

    [Fact]
    public void A_deployer_file_adds_a_year_and_makes_the_deadline_certain()
    {
        var path = Path.Combine(Path.GetTempPath(), "facecompliance-holidays-" + Guid.NewGuid().ToString("N") + ".txt");
        // A made-up 2027 schedule, for the test only: New Year's Day off.
        File.WriteAllText(path, "# deployer's schedule\nyear 2027 test schedule, not an official notice\noff 2027-01-01 元旦\n");
        try
        {
            var calendar = Official.Including(WorkingDayCalendar.Load(path));

            var deadline = calendar.Deadline(D(2026, 12, 1), 30);
            Assert.Equal(D(2027, 1, 13), deadline.Date);
            Assert.False(deadline.IsEstimate);
            Assert.Equal([2025, 2026, 2027], calendar.ScheduledYears.Keys.Order());
            Assert.False(calendar.IsWorkingDay(D(2026, 10, 1)));   // the shipped years are kept
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_deployer_year_replaces_the_shipped_one()
    {
        var corrected = WorkingDayCalendar.Parse("year 2026 corrected\noff 2026-10-01..2026-10-02 国庆节\n");

        var calendar = Official.Including(corrected);

        Assert.Equal("corrected", calendar.ScheduledYears[2026]);
        Assert.False(calendar.IsWorkingDay(D(2026, 10, 2)));
        Assert.True(calendar.IsWorkingDay(D(2026, 10, 5)));    // off in the shipped schedule, not in the correction
        Assert.False(calendar.IsWorkingDay(D(2026, 10, 10)));  // the shipped make-up Saturday is gone too
        Assert.False(calendar.IsWorkingDay(D(2025, 10, 8)));   // 2025 is untouched
    }

    [Theory]
    [InlineData("off 2027-01-01 元旦", "line 1: 2027-01-01 is in 2027, which no 'year' line declares")]
    [InlineData("year 2027 x\nwork 2027-01-06 调休", "line 2: make-up working day 2027-01-06 is a Wednesday")]
    [InlineData("year 2027 x\noff 2027-02-10..2027-02-03 春节", "line 2: '2027-02-10..2027-02-03' is not a date or a range")]
    [InlineData("year 2027 x\nyear 2027 y", "line 2: year 2027 is declared twice")]
    [InlineData("year 2027", "line 1: a 'year' line is 'year YYYY source'")]
    [InlineData("year 2027 x\n\nholiday 2027-01-01", "line 3: 'holiday 2027-01-01' is not a 'year', 'off' or 'work' line")]
    [InlineData("year 2027 x\noff 2027-13-01 x", "line 2: '2027-13-01' is not a date YYYY-MM-DD")]
    [InlineData("year 2027 x\noff 2027-01-09 x\nwork 2027-01-09 x", "line 3: 2027-01-09 is both a day off and a make-up working day")]
    public void A_bad_schedule_line_is_refused_with_its_line_number(string text, string expected)
    {
        var error = Assert.Throws<FormatException>(() => WorkingDayCalendar.Parse(text, "holidays.txt"));

        Assert.StartsWith("holidays.txt, ", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Comments_blank_lines_and_windows_line_ends_are_allowed()
    {
        var calendar = WorkingDayCalendar.Parse("# header\r\n\r\nyear 2027 notice # trailing comment\r\noff 2027-01-01 元旦\r\nwork 2027-01-09 调休\r\n");

        Assert.Equal("notice", calendar.ScheduledYears[2027]);
        Assert.False(calendar.IsWorkingDay(D(2027, 1, 1)));
        Assert.True(calendar.IsWorkingDay(D(2027, 1, 9)));
    }
}
