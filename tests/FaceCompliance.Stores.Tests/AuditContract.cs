using System;
using System.Linq;
using Xunit;

namespace FaceCompliance.Stores.Tests;

/// <summary>The audit trail's contract (<see cref="IAuditTrail"/>), the same for every store.</summary>
public abstract class AuditContract
{
    protected abstract StoreUnderTest NewStore(StoreSettings? settings = null);

    [Fact]
    public void The_chain_of_every_write_verifies_with_sequences_from_one_without_gaps()
    {
        using var test = NewStore();
        var receipt = test.Consents.Grant<GateEntry>(new ConsentGrant("resident-1") { AgeBand = FacialAgeBand.Adult });
        test.Templates.Enroll(receipt, StoreUnderTest.Template(1));
        test.Audit.RecordApplicationEvent("resident-1", AuditOutcome.Succeeded, "card issued");
        test.Consents.Withdraw<GateEntry>("resident-1");

        var records = test.Audit.Read();
        var verification = test.Audit.Verify();

        Assert.True(verification.IsValid, verification.Problem);
        Assert.Equal(records.Count, verification.RecordsChecked);
        Assert.Equal(Enumerable.Range(1, records.Count).Select(i => (long)i), records.Select(r => r.Sequence));
        Assert.All(records.Zip(records.Skip(1)), pair => Assert.Equal(pair.First.Hash, pair.Second.PreviousHash));
    }

    [Fact]
    public void A_query_by_subject_reads_page_after_page()
    {
        using var test = NewStore();
        for (var i = 0; i < 5; i++)
        {
            test.Audit.RecordApplicationEvent("resident-1", AuditOutcome.Succeeded, "event " + i);
            test.Audit.RecordApplicationEvent("resident-2", AuditOutcome.Succeeded, "event " + i);
        }

        var first = test.Audit.Query(new AuditQuery { SubjectId = "resident-1", Limit = 2 });
        var second = test.Audit.Query(new AuditQuery { SubjectId = "resident-1", Limit = 2, AfterSequence = first[^1].Sequence });
        var third = test.Audit.Query(new AuditQuery { SubjectId = "resident-1", Limit = 2, AfterSequence = second[^1].Sequence });

        Assert.Equal(["event 0", "event 1", "event 2", "event 3", "event 4"], first.Concat(second).Concat(third).Select(r => r.Detail));
        Assert.All(first.Concat(second).Concat(third), r => Assert.Equal("resident-1", r.SubjectId));
        Assert.Equal(5, test.Audit.Query(new AuditQuery { Action = AuditAction.ApplicationEvent, AfterSequence = 5 }).Count);
    }

    [Fact]
    public void A_record_altered_in_storage_breaks_the_chain_at_that_record()
    {
        using var test = NewStore();
        for (var i = 0; i < 4; i++)
        {
            test.Audit.RecordApplicationEvent(null, AuditOutcome.Succeeded, "event " + i);
        }

        test.AlterAuditDetail(3, "nothing happened");

        var verification = test.Audit.Verify();
        Assert.False(verification.IsValid);
        Assert.Equal(3, verification.FirstInvalidSequence);
    }

    [Fact]
    public void Purging_records_past_retention_keeps_the_chain_verifiable_and_appendable()
    {
        using var test = NewStore();
        test.Audit.RecordApplicationEvent(null, AuditOutcome.Succeeded, "old");
        test.Audit.RecordApplicationEvent(null, AuditOutcome.Succeeded, "old");
        test.Clock.Advance(TimeSpan.FromDays(4 * 366));
        test.Audit.RecordApplicationEvent(null, AuditOutcome.Succeeded, "recent");

        Assert.Equal(2, test.Audit.PurgeRecordsBefore(test.Clock.Now.AddDays(-3 * 366 - 1)));
        test.Audit.RecordApplicationEvent(null, AuditOutcome.Succeeded, "after the purge");

        Assert.Equal([3L, 4L], test.Audit.Read().Select(r => r.Sequence));
        Assert.True(test.Audit.Verify().IsValid);
        Assert.Throws<ArgumentOutOfRangeException>(() => test.Audit.PurgeRecordsBefore(test.Clock.Now));
    }
}

public sealed class SqliteAuditContract : AuditContract
{
    protected override StoreUnderTest NewStore(StoreSettings? settings = null) => new SqliteStoreUnderTest(settings ?? new StoreSettings());
}

public sealed class PostgreSqlAuditContract : AuditContract
{
    protected override StoreUnderTest NewStore(StoreSettings? settings = null) => new PostgreSqlStoreUnderTest(settings ?? new StoreSettings());
}
