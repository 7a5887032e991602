using System;
using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace FaceCompliance.Stores.Tests;

/// <summary>The number of distinct people stored now, and the warning and filing events at the configured levels (Art. 15).</summary>
public abstract class FilingThresholdContract
{
    protected abstract StoreUnderTest NewStore(StoreSettings? settings = null);

    [Fact]
    public void Events_fire_at_the_configured_counts_of_distinct_current_people()
    {
        using var test = NewStore(new StoreSettings(Filing: new FilingThresholdOptions { WarningLevel = 3, FilingLevel = 5 }));
        var events = new List<FilingThresholdEventArgs>();
        test.Templates.FilingThresholdReached += (_, e) => events.Add(e);

        Enrol(test, "p1", 2);
        Enrol(test, "p2", 1);
        Assert.Empty(events);
        Enrol(test, "p1", 1);
        Assert.Empty(events);
        Enrol(test, "p3", 1);
        var warning = Assert.Single(events);
        Assert.Equal((FilingThresholdLevel.Warning, 3, 3), (warning.Level, warning.Threshold, warning.Count));
        Assert.Null(warning.FilingDeadline);

        Enrol(test, "p4", 1);
        Enrol(test, "p5", 3);

        Assert.Equal(2, events.Count);
        var filing = events[1];
        Assert.Equal((FilingThresholdLevel.Filing, 5, 5), (filing.Level, filing.Threshold, filing.Count));
        Assert.Equal(new DateOnly(2026, 3, 2), filing.ReachedOn);
        Assert.Equal(new DateOnly(2026, 4, 14), filing.FilingDeadline);   // 清明节 takes Monday 6 April (2026 schedule)
        Assert.Equal(5, test.Templates.PeopleStored);
        Assert.Contains(test.Audit.Read(), r => r.Action == AuditAction.FilingThresholdReached && r.Detail == "Filing level 5 reached with 5 people stored; file by 2026-04-14");
    }

    [Fact]
    public void People_who_leave_lower_the_count_and_crossing_again_fires_again()
    {
        using var test = NewStore(new StoreSettings(Filing: new FilingThresholdOptions { WarningLevel = 1, FilingLevel = 2 }));
        var events = new List<FilingThresholdEventArgs>();
        test.Templates.FilingThresholdReached += (_, e) => events.Add(e);
        Enrol(test, "p1", 1);
        Enrol(test, "p2", 1);
        Assert.Equal([FilingThresholdLevel.Warning, FilingThresholdLevel.Filing], events.Select(e => e.Level));

        test.Templates.DeleteSubject("p2");
        Assert.Equal(1, test.Templates.PeopleStored);
        test.Consents.Withdraw<GateEntry>("p1");
        Assert.Equal(0, test.Templates.PeopleStored);
        Assert.Equal(2, events.Count);

        Enrol(test, "p3", 1);
        Enrol(test, "p4", 1);

        Assert.Equal([FilingThresholdLevel.Warning, FilingThresholdLevel.Filing, FilingThresholdLevel.Warning, FilingThresholdLevel.Filing], events.Select(e => e.Level));
    }

    [Fact]
    public void A_person_enrolled_for_two_purposes_counts_once()
    {
        using var test = NewStore();
        test.Templates.Enroll(test.Consents.Grant<GateEntry>(new ConsentGrant("p1") { AgeBand = FacialAgeBand.Adult }), StoreUnderTest.Template(1));
        test.Templates.Enroll(test.Consents.Grant<VisitorCheck>(new ConsentGrant("p1")), StoreUnderTest.Template(2));

        Assert.Equal(1, test.Templates.PeopleStored);
    }

    private static void Enrol(StoreUnderTest test, string subject, int templates)
    {
        var receipt = test.Consents.Grant<GateEntry>(new ConsentGrant(subject) { AgeBand = FacialAgeBand.Adult });
        for (var i = 0; i < templates; i++)
        {
            test.Templates.Enroll(receipt, StoreUnderTest.Template(subject.GetHashCode(StringComparison.Ordinal) + i));
        }
    }
}

public sealed class SqliteFilingThresholdContract : FilingThresholdContract
{
    protected override StoreUnderTest NewStore(StoreSettings? settings = null) => new SqliteStoreUnderTest(settings ?? new StoreSettings());
}

public sealed class PostgreSqlFilingThresholdContract : FilingThresholdContract
{
    protected override StoreUnderTest NewStore(StoreSettings? settings = null) => new PostgreSqlStoreUnderTest(settings ?? new StoreSettings());
}
