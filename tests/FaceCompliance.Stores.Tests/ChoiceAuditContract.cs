using System;
using System.Linq;
using Xunit;

namespace FaceCompliance.Stores.Tests;

/// <summary>
/// A refusal of face processing and the use of the non-face alternative are recorded in the audit trail, so the
/// operator can show that people who refused were served another way (Measures Arts. 10 §2 and 12).
/// </summary>
public abstract class ChoiceAuditContract
{
    protected abstract StoreUnderTest NewStore(StoreSettings? settings = null);

    [Fact]
    public void A_refusal_and_the_alternative_used_are_audited_for_the_purpose()
    {
        using var test = NewStore();

        var refused = test.Consents.RecordRefusal<GateEntry>("p9", "declined face enrolment at the desk");
        var alternative = test.Consents.RecordAlternativeUsed<GateEntry>("p9", "access card");
        var anonymous = test.Consents.RecordAlternativeUsed<VisitorCheck>(null, "registered at the desk");

        Assert.Equal((AuditAction.FaceProcessingRefused, "p9", GateEntry.Info.Id, "declined face enrolment at the desk"),
            (refused.Action, refused.SubjectId, refused.PurposeId, refused.Detail));
        Assert.Equal((AuditAction.AlternativeUsed, "p9", GateEntry.Info.Id, "access card"),
            (alternative.Action, alternative.SubjectId, alternative.PurposeId, alternative.Detail));
        Assert.Equal((AuditAction.AlternativeUsed, (string?)null, VisitorCheck.Info.Id), (anonymous.Action, anonymous.SubjectId, anonymous.PurposeId));
        Assert.Equal([refused.Sequence, alternative.Sequence, anonymous.Sequence], test.Audit.Read().Select(r => r.Sequence));
        Assert.All(test.Audit.Read(), r => Assert.Equal(AuditOutcome.Succeeded, r.Outcome));
        Assert.Equal(0L, test.Count("consents"));
        Assert.True(test.Audit.Verify().IsValid);
    }

    [Fact]
    public void A_refusal_without_a_note_is_recorded_and_a_bad_id_or_note_is_refused()
    {
        using var test = NewStore();

        Assert.Null(test.Consents.RecordRefusal<GateEntry>("p1").Detail);
        Assert.Equal("detail", Assert.Throws<ArgumentException>(() => test.Consents.RecordRefusal<GateEntry>("p1", " ")).ParamName);
        Assert.Equal("detail", Assert.Throws<ArgumentException>(() => test.Consents.RecordAlternativeUsed<GateEntry>("p1", new string('x', 201))).ParamName);
        Assert.Equal("subjectId", Assert.Throws<ArgumentException>(() => test.Consents.RecordAlternativeUsed<GateEntry>("", "card")).ParamName);
        Assert.Single(test.Audit.Read());
    }
}

public sealed class SqliteChoiceAuditContract : ChoiceAuditContract
{
    protected override StoreUnderTest NewStore(StoreSettings? settings = null) => new SqliteStoreUnderTest(settings ?? new StoreSettings());
}

public sealed class PostgreSqlChoiceAuditContract : ChoiceAuditContract
{
    protected override StoreUnderTest NewStore(StoreSettings? settings = null) => new PostgreSqlStoreUnderTest(settings ?? new StoreSettings());
}
