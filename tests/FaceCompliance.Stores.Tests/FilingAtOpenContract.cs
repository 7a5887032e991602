using System;
using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace FaceCompliance.Stores.Tests;

/// <summary>
/// A store already at a filing level when it is opened raises the event once, dated from the data, with the deadline
/// from that year's State Council calendar; the store remembers it, so opening again raises nothing (Art. 15).
/// </summary>
public abstract class FilingAtOpenContract
{
    protected abstract StoreUnderTest NewStore(StoreSettings? settings = null);

    private static readonly DateTimeOffset TenAmInBeijing = new(2026, 3, 2, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_store_of_more_than_100000_people_raises_the_filing_event_once_when_opened()
    {
        using var test = NewStore();
        // 100,250 people, one every minute: the 100,000th was first stored at 10:00 on Monday 2 March 2026 in Beijing.
        test.InsertPeople(100_250, i => TenAmInBeijing.AddMinutes(i - 99_999));
        test.Clock.Now = new DateTimeOffset(2026, 3, 20, 1, 0, 0, TimeSpan.Zero);

        var events = OpenAndCollect(test);

        var filing = Assert.Single(events, e => e.Level == FilingThresholdLevel.Filing);
        Assert.Equal((100_000, 100_250, true), (filing.Threshold, filing.Count, filing.FoundAtOpen));
        Assert.Equal(new DateOnly(2026, 3, 2), filing.ReachedOn);
        // 2026 calendar: 清明节 takes Monday 6 April, so the 30th working day is Tuesday 14 April (weekends only: 13 April).
        Assert.Equal(new DateOnly(2026, 4, 14), filing.FilingDeadline);
        Assert.False(filing.FilingDeadlineIsEstimate);
        var warning = Assert.Single(events, e => e.Level == FilingThresholdLevel.Warning);
        Assert.Equal((80_000, 100_250, true), (warning.Threshold, warning.Count, warning.FoundAtOpen));
        Assert.Equal(2, events.Count);

        Assert.Empty(OpenAndCollect(test));
        Assert.Empty(OpenAndCollect(test));
        using var store = test.OpenAgain(StoreUnderTest.MasterKey);
        var audited = store.Audit.Read(0, 10).Where(r => r.Action == AuditAction.FilingThresholdReached).Select(r => r.Detail).ToList();
        Assert.Equal(
            [
                "Warning level 80000 reached with 100250 people stored (found when the store was opened; reached on or before 2026-02-16)",
                "Filing level 100000 reached with 100250 people stored (found when the store was opened; reached on or before 2026-03-02); file by 2026-04-14",
            ],
            audited);
        Assert.Equal(100_250, store.Templates.PeopleStored);

        // The filing export (备案表) carries the real count and that deadline: from the event, and from the
        // processor-wide census over its stores (one here).
        var export = FilingExport.FromAssembly(typeof(GateEntry).Assembly);
        using var fromEvent = System.Text.Json.JsonDocument.Parse(export.Filing(filing, new DateOnly(2026, 3, 20)));
        Assert.Equal(100_250, fromEvent.RootElement.GetProperty("存储人脸信息的人数").GetInt32());
        Assert.Equal("2026-04-14", fromEvent.RootElement.GetProperty("备案截止日期").GetString());
        var census = new FacialDataCensus(new FilingThresholdOptions());
        census.Register(store.Templates);
        using var fromCensus = System.Text.Json.JsonDocument.Parse(export.Filing(census.PeopleStored, new DateOnly(2026, 3, 20), filing.ReachedOn, WorkingDayCalendar.ChinaOfficial()));
        Assert.Equal(100_250, fromCensus.RootElement.GetProperty("存储人脸信息的人数").GetInt32());
        Assert.Equal("2026-04-14", fromCensus.RootElement.GetProperty("备案截止日期").GetString());
    }

    [Theory]
    [InlineData(2025, 9, 26, 2025, 11, 13)]   // 2025 calendar: 1-8 Oct off, Sun 28 Sep and Sat 11 Oct worked
    [InlineData(2026, 9, 25, 2026, 11, 12)]   // 2026 calendar: 1-7 Oct off, Sat 10 Oct worked
    public void The_deadline_comes_from_the_calendar_of_the_year_the_level_was_reached(int year, int month, int day, int toYear, int toMonth, int toDay)
    {
        using var test = NewStore(new StoreSettings(Filing: new FilingThresholdOptions { WarningLevel = 3, FilingLevel = 5 }));
        var reached = new DateTimeOffset(year, month, day, 2, 0, 0, TimeSpan.Zero);
        test.InsertPeople(6, i => reached.AddDays(i - 4));

        var filing = Assert.Single(OpenAndCollect(test), e => e.Level == FilingThresholdLevel.Filing);

        Assert.Equal(new DateOnly(year, month, day), filing.ReachedOn);
        Assert.Equal(new DateOnly(toYear, toMonth, toDay), filing.FilingDeadline);
        Assert.False(filing.FilingDeadlineIsEstimate);
    }

    [Fact]
    public void A_deadline_past_the_shipped_calendars_is_flagged_in_the_event_and_the_audit()
    {
        using var test = NewStore(new StoreSettings(Filing: new FilingThresholdOptions { WarningLevel = 3, FilingLevel = 5 }));
        test.InsertPeople(5, i => new DateTimeOffset(2026, 12, 1, 2, 0, 0, TimeSpan.Zero).AddMinutes(i));

        var filing = Assert.Single(OpenAndCollect(test), e => e.Level == FilingThresholdLevel.Filing);

        Assert.True(filing.FilingDeadlineIsEstimate);
        Assert.Equal([2027], filing.YearsWithoutSchedule);
        using var store = test.OpenAgain(StoreUnderTest.MasterKey);
        Assert.Contains(store.Audit.Read(), r => r.Action == AuditAction.FilingThresholdReached
            && r.Detail!.EndsWith("; file by 2027-01-12 (estimate: no holiday schedule for 2027)", StringComparison.Ordinal));
    }

    [Fact]
    public void A_level_raised_while_running_is_not_raised_again_when_the_store_is_reopened()
    {
        var events = new List<FilingThresholdEventArgs>();
        using var test = NewStore(new StoreSettings(Filing: new FilingThresholdOptions { WarningLevel = 1, FilingLevel = 2 }));
        test.Templates.FilingThresholdReached += (_, e) => events.Add(e);
        foreach (var subject in new[] { "p1", "p2" })
        {
            test.Templates.Enroll(test.Consents.Grant<GateEntry>(new ConsentGrant(subject) { AgeBand = FacialAgeBand.Adult }), StoreUnderTest.Template(1));
        }

        Assert.Equal([FilingThresholdLevel.Warning, FilingThresholdLevel.Filing], events.Select(e => e.Level));
        Assert.All(events, e => Assert.False(e.FoundAtOpen));

        Assert.Empty(OpenAndCollect(test));
    }

    [Fact]
    public void A_count_that_fell_below_the_level_while_closed_is_raised_again_when_it_is_back()
    {
        using var test = NewStore(new StoreSettings(Filing: new FilingThresholdOptions { WarningLevel = 3, FilingLevel = 5 }));
        var start = new DateTimeOffset(2026, 3, 2, 2, 0, 0, TimeSpan.Zero);
        test.InsertPeople(5, i => start.AddMinutes(i));
        Assert.Equal(2, OpenAndCollect(test).Count);

        Assert.Equal(2, test.ExecuteRaw("DELETE FROM templates WHERE subject_id IN ('person-0', 'person-1')"));
        Assert.Equal(2, test.ExecuteRaw("DELETE FROM subject_keys WHERE subject_id IN ('person-0', 'person-1')"));
        Assert.Empty(OpenAndCollect(test));   // 3 people: the filing level is forgotten, the warning stays raised
        test.InsertPeople(2, i => start.AddDays(1).AddMinutes(i), "later");

        var again = Assert.Single(OpenAndCollect(test));
        Assert.Equal((FilingThresholdLevel.Filing, 5, new DateOnly(2026, 3, 3)), (again.Level, again.Count, again.ReachedOn));
    }

    private static List<FilingThresholdEventArgs> OpenAndCollect(StoreUnderTest test)
    {
        var events = new List<FilingThresholdEventArgs>();
        using var store = test.OpenAgain(StoreUnderTest.MasterKey, filingThresholdReached: (_, e) => events.Add(e));
        return events;
    }
}

public sealed class SqliteFilingAtOpenContract : FilingAtOpenContract
{
    protected override StoreUnderTest NewStore(StoreSettings? settings = null) => new SqliteStoreUnderTest(settings ?? new StoreSettings());
}

public sealed class PostgreSqlFilingAtOpenContract : FilingAtOpenContract
{
    protected override StoreUnderTest NewStore(StoreSettings? settings = null) => new PostgreSqlStoreUnderTest(settings ?? new StoreSettings());
}
