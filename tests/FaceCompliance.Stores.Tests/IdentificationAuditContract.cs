using System;
using System.Linq;
using Xunit;

namespace FaceCompliance.Stores.Tests;

/// <summary>
/// The events of remote biometric identification (EU AI Act Art. 12(3)) go into the same hash chain as every other
/// record: the start and end of a use, each candidate with its input, each confirming person. Other actions are refused.
/// </summary>
public abstract class IdentificationAuditContract
{
    protected abstract StoreUnderTest NewStore(StoreSettings? settings = null);

    [Fact]
    public void The_four_identification_events_are_recorded_in_order_in_the_chain()
    {
        using var test = NewStore();

        var started = test.Audit.RecordIdentificationEvent(AuditAction.IdentificationUseStarted, "Tests.Search", null, "session=s1; reference database=lobby");
        var matched = test.Audit.RecordIdentificationEvent(AuditAction.Identified, "Tests.Search", "p1", "session=s1; input=frame-7");
        var confirmed = test.Audit.RecordIdentificationEvent(AuditAction.IdentificationConfirmed, "Tests.Search", "p1", "session=s1; confirmed by=alice");
        var ended = test.Audit.RecordIdentificationEvent(AuditAction.IdentificationUseEnded, "Tests.Search", null, "session=s1; searches=1");

        Assert.Equal(
            [(AuditAction.IdentificationUseStarted, (string?)null, "session=s1; reference database=lobby"), (AuditAction.Identified, "p1", "session=s1; input=frame-7"),
             (AuditAction.IdentificationConfirmed, "p1", "session=s1; confirmed by=alice"), (AuditAction.IdentificationUseEnded, null, "session=s1; searches=1")],
            test.Audit.Read().Select(r => (r.Action, r.SubjectId, r.Detail)));
        Assert.All(test.Audit.Read(), r => Assert.Equal(("Tests.Search", AuditOutcome.Succeeded), (r.PurposeId, r.Outcome)));
        Assert.Equal([started.Sequence, matched.Sequence, confirmed.Sequence, ended.Sequence], test.Audit.Read().Select(r => r.Sequence));
        Assert.True(test.Audit.Verify().IsValid);
    }

    [Fact]
    public void Another_action_a_bad_subject_or_an_empty_detail_is_refused_and_nothing_is_written()
    {
        using var test = NewStore();

        Assert.Equal("action", Assert.Throws<ArgumentOutOfRangeException>(() => test.Audit.RecordIdentificationEvent(AuditAction.Deleted, "Tests.Search", "p1", "x")).ParamName);
        Assert.Equal("subjectId", Assert.Throws<ArgumentException>(() => test.Audit.RecordIdentificationEvent(AuditAction.Identified, "Tests.Search", "", "x")).ParamName);
        Assert.Equal("detail", Assert.Throws<ArgumentException>(() => test.Audit.RecordIdentificationEvent(AuditAction.Identified, "Tests.Search", "p1", " ")).ParamName);
        Assert.Equal("purposeId", Assert.Throws<ArgumentException>(() => test.Audit.RecordIdentificationEvent(AuditAction.Identified, " ", "p1", "x")).ParamName);
        Assert.Empty(test.Audit.Read());
    }
}

public sealed class SqliteIdentificationAuditContract : IdentificationAuditContract
{
    protected override StoreUnderTest NewStore(StoreSettings? settings = null) => new SqliteStoreUnderTest(settings ?? new StoreSettings());
}

public sealed class PostgreSqlIdentificationAuditContract : IdentificationAuditContract
{
    protected override StoreUnderTest NewStore(StoreSettings? settings = null) => new PostgreSqlStoreUnderTest(settings ?? new StoreSettings());
}
