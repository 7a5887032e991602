using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Xunit;

namespace FaceCompliance.Stores.Tests;

/// <summary>Audit queries by subject, kind and time read one page; application events join the same chain.</summary>
public abstract class AuditQueryContract
{
    protected abstract StoreUnderTest NewStore(StoreSettings? settings = null);

    private const int Records = 1_000;
    private const int Subjects = 10;

    [Fact]
    public void A_page_by_subject_out_of_1000_records_returns_the_page_and_the_next_page_continues_exactly()
    {
        using var test = NewStore();
        Fill(test);

        var first = test.Audit.Query(new AuditQuery { SubjectId = "resident-7", Limit = 50 });
        var second = test.Audit.Query(new AuditQuery { SubjectId = "resident-7", Limit = 50, AfterSequence = first[^1].Sequence });
        var third = test.Audit.Query(new AuditQuery { SubjectId = "resident-7", Limit = 50, AfterSequence = second[^1].Sequence });

        Assert.Equal(50, first.Count);
        Assert.Equal(50, second.Count);
        Assert.Empty(third);
        var expected = Enumerable.Range(0, Records).Where(i => i % Subjects == 7).Select(i => (long)i + 1).ToList();
        Assert.Equal(expected, first.Concat(second).Select(r => r.Sequence));
        Assert.All(first.Concat(second), r => Assert.Equal("resident-7", r.SubjectId));
        Assert.True(test.Audit.Verify().IsValid);
    }

    [Fact]
    public void Kind_and_time_range_select_exactly_the_matching_records()
    {
        using var test = NewStore();
        Fill(test);
        var start = test.Clock.Now;

        var refusals = test.Audit.Query(new AuditQuery { SubjectId = "resident-7", Action = AuditAction.FaceProcessingRefused, Limit = 1000 });
        // Record i was written at start + i seconds (Fill); the range holds records 200 to 299.
        var window = test.Audit.Query(new AuditQuery { From = start.AddSeconds(200 - Records), Until = start.AddSeconds(300 - Records), Limit = 1000 });

        Assert.Equal(Enumerable.Range(0, Records).Where(i => i % Subjects == 7 && i % 2 == 1).Select(i => (long)i + 1), refusals.Select(r => r.Sequence));
        Assert.Equal(Enumerable.Range(201, 100).Select(i => (long)i), window.Select(r => r.Sequence));
    }

    [Fact]
    public void An_application_event_is_appended_to_the_same_chain_and_found_by_kind()
    {
        using var test = NewStore();
        test.Consents.Grant<GateEntry>(new ConsentGrant("resident-7") { AgeBand = FacialAgeBand.Adult });

        var record = test.Audit.RecordApplicationEvent("resident-7", AuditOutcome.Refused, "wrong PIN at gate 1 (3rd attempt)");

        Assert.Equal((2L, AuditAction.ApplicationEvent, AuditOutcome.Refused), (record.Sequence, record.Action, record.Outcome));
        Assert.Equal(new[] { record }, test.Audit.Query(new AuditQuery { Action = AuditAction.ApplicationEvent }));
        Assert.True(test.Audit.Verify().IsValid);
    }

    [Theory]
    [InlineData(201, "at most 200 characters")]
    [InlineData(0, "must not be empty")]
    public void An_application_event_detail_is_bounded(int length, string expected)
    {
        using var test = NewStore();

        var error = Assert.Throws<ArgumentException>(() => test.Audit.RecordApplicationEvent(null, AuditOutcome.Succeeded, new string('x', length)));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Empty(test.Audit.Read());
    }

    [Fact]
    public void A_forged_line_in_an_application_event_detail_is_refused()
    {
        using var test = NewStore();

        var error = Assert.Throws<ArgumentException>(() => test.Audit.RecordApplicationEvent(null, AuditOutcome.Succeeded, "card 12\nforged line"));

        Assert.Contains("control character U+000A", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(AuditQuery.MaxLimit + 1)]
    public void A_page_outside_1_to_1000_is_refused_naming_the_limit(int limit)
    {
        using var test = NewStore();

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => test.Audit.Query(new AuditQuery { Limit = limit }));

        Assert.Contains("1 to 1000 records at a time", error.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// Writes 1,000 records through the public API, one second apart, ending at the test clock's time: record i
    /// (sequence i + 1) is about resident-(i mod 10), an application event when i is even and a refusal when odd.
    /// </summary>
    private static void Fill(StoreUnderTest test)
    {
        var end = test.Clock.Now;
        for (var i = 0; i < Records; i++)
        {
            test.Clock.Now = end.AddSeconds(i - Records);
            var subject = "resident-" + (i % Subjects).ToString(CultureInfo.InvariantCulture);
            var detail = "event " + i.ToString(CultureInfo.InvariantCulture);
            if (i % 2 == 0)
            {
                test.Audit.RecordApplicationEvent(subject, AuditOutcome.Succeeded, detail);
            }
            else
            {
                test.Consents.RecordRefusal<GateEntry>(subject, detail);
            }
        }

        test.Clock.Now = end;
    }
}

public sealed class SqliteAuditQueryContract : AuditQueryContract
{
    protected override StoreUnderTest NewStore(StoreSettings? settings = null) => new SqliteStoreUnderTest(settings ?? new StoreSettings());
}

public sealed class PostgreSqlAuditQueryContract : AuditQueryContract
{
    protected override StoreUnderTest NewStore(StoreSettings? settings = null) => new PostgreSqlStoreUnderTest(settings ?? new StoreSettings());
}
