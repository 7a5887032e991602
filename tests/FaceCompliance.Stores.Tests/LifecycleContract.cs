using System;
using System.Linq;
using Xunit;

namespace FaceCompliance.Stores.Tests;

/// <summary>Consent, enrolment, verification, withdrawal and deletion, with the audit records each writes.</summary>
public abstract class LifecycleContract
{
    protected abstract StoreUnderTest NewStore(StoreSettings? settings = null);

    [Fact]
    public void Verify_returns_the_best_similarity_against_the_threshold_and_audits_the_decision()
    {
        using var test = NewStore();
        var receipt = test.Consents.Grant<GateEntry>(new ConsentGrant("resident-7") { AgeBand = FacialAgeBand.Adult });
        test.Templates.Enroll(receipt, StoreUnderTest.Template(1));
        var stranger = StoreUnderTest.Template(2);
        var strangerSimilarity = StoreUnderTest.Cosine(StoreUnderTest.Template(1), stranger);

        var same = test.Templates.Verify(receipt, StoreUnderTest.Template(1), 0.9f);
        var other = test.Templates.Verify(receipt, stranger, 0.9f);

        Assert.Equal(new FaceVerification(same.Similarity, 0.9f), same);
        Assert.Equal(1f, same.Similarity, 4);
        Assert.True(same.IsMatch);
        Assert.Equal(strangerSimilarity, other.Similarity);
        Assert.False(other.IsMatch);
        var details = test.Audit.Read().Where(r => r.Action == AuditAction.Verified).Select(r => r.Detail).ToList();
        Assert.Equal(["best similarity 1.000, threshold 0.900: match",
            string.Create(System.Globalization.CultureInfo.InvariantCulture, $"best similarity {strangerSimilarity:0.000}, threshold 0.900: no match")], details);
        Assert.Throws<ArgumentOutOfRangeException>(() => test.Templates.Verify(receipt, stranger, 1.5f));
        Assert.Throws<ArgumentOutOfRangeException>(() => test.Templates.Verify(receipt, stranger, float.NaN));
    }

    [Fact]
    public void Every_step_is_in_the_audit_trail_in_order_and_the_chain_verifies()
    {
        using var test = NewStore();
        var receipt = test.Consents.Grant<GateEntry>(new ConsentGrant("resident-7") { AgeBand = FacialAgeBand.Adult });
        test.Templates.Enroll(receipt, StoreUnderTest.Template(1));
        test.Templates.Verify(receipt, StoreUnderTest.Template(2), 0.5f);
        test.Consents.Withdraw<GateEntry>("resident-7");

        var records = test.Audit.Read();

        Assert.Equal(
            [AuditAction.ConsentGranted, AuditAction.Enrolled, AuditAction.Verified, AuditAction.ConsentWithdrawn, AuditAction.Deleted],
            records.Select(r => r.Action));
        Assert.All(records, r => Assert.Equal("test-gate", r.Actor));
        Assert.All(records, r => Assert.Equal("resident-7", r.SubjectId));
        Assert.All(records.Take(3), r => Assert.Equal(receipt.Id, r.ReceiptId));
        Assert.Equal(GateEntry.PurposeId, records[0].PurposeId);
        Assert.True(test.Audit.Verify().IsValid);
    }

    [Fact]
    public void A_receipt_records_purpose_notice_version_time_form_and_guardian()
    {
        using var test = NewStore();

        var receipt = test.Consents.Grant<GateEntry>(new ConsentGrant("child-3", ConsentForm.Written) { AgeBand = FacialAgeBand.Under14, GuardianId = "parent-3" });

        Assert.Equal(GateEntry.PurposeId, receipt.PurposeId);
        Assert.Equal(GateEntry.NoticeVersion, receipt.NoticeVersion);
        Assert.Equal(test.Clock.Now, receipt.GivenAt);
        Assert.Equal(test.Clock.Now + GateEntry.RetentionPeriod, receipt.ExpiresAt);
        Assert.Equal(ConsentForm.Written, receipt.Form);
        Assert.True(receipt.SubjectIsUnder14);
        Assert.Equal("parent-3", receipt.GuardianId);
        Assert.Null(test.Consents.Check(receipt));
    }

    [Fact]
    public void A_receipt_survives_its_token_form()
    {
        using var test = NewStore();
        var receipt = test.Consents.Grant<GateEntry>(new ConsentGrant("resident-7") { AgeBand = FacialAgeBand.Adult });

        var parsed = ConsentReceipt<GateEntry>.Parse(receipt.ToToken());

        Assert.Equal(receipt.SignedContent(), parsed.SignedContent());
        Assert.Equal(receipt.Signature.ToArray(), parsed.Signature.ToArray());
        Assert.Null(test.Consents.Check(parsed));
        Assert.Throws<FormatException>(() => ConsentReceipt<GateEntry>.Parse("fcr1.not-a-receipt"));
        Assert.Throws<FormatException>(() => ConsentReceipt<GateEntry>.Parse(receipt.ToToken()[..^3] + "@@@"));
    }

    [Fact]
    public void Withdrawing_one_purpose_keeps_the_other_purposes_templates_and_the_key()
    {
        using var test = NewStore();
        var gate = test.Consents.Grant<GateEntry>(new ConsentGrant("resident-7") { AgeBand = FacialAgeBand.Adult });
        var visitor = test.Consents.Grant<VisitorCheck>(new ConsentGrant("resident-7"));
        test.Templates.Enroll(gate, StoreUnderTest.Template(1));
        test.Templates.Enroll(visitor, StoreUnderTest.Template(2));

        Assert.Equal(1, test.Consents.Withdraw<GateEntry>("resident-7"));

        Assert.Equal(1, test.Count("templates"));
        Assert.Equal(1, test.Count("subject_keys"));
        Assert.Equal(1f, test.Templates.Verify(visitor, StoreUnderTest.Template(2), 0.5f).Similarity, 4);
    }

    [Fact]
    public void Deleting_a_subject_destroys_every_template_and_the_key()
    {
        using var test = NewStore();
        var gate = test.Consents.Grant<GateEntry>(new ConsentGrant("resident-7") { AgeBand = FacialAgeBand.Adult });
        test.Templates.Enroll(gate, StoreUnderTest.Template(1));
        test.Templates.Enroll(gate, StoreUnderTest.Template(2));
        test.Templates.Enroll(test.Consents.Grant<VisitorCheck>(new ConsentGrant("resident-7")), StoreUnderTest.Template(3));

        Assert.Equal(3, test.Templates.DeleteSubject("resident-7"));

        Assert.Equal(0, test.Count("templates"));
        Assert.Equal(0, test.Count("subject_keys"));
        Assert.Contains(test.Audit.Read(), r => r.Action == AuditAction.Deleted && r.Detail == "3 template(s) deleted, data key destroyed");
    }

    [Fact]
    public void A_template_moved_to_another_subject_does_not_decrypt()
    {
        using var test = NewStore();
        var a = test.Consents.Grant<GateEntry>(new ConsentGrant("a") { AgeBand = FacialAgeBand.Adult });
        var b = test.Consents.Grant<GateEntry>(new ConsentGrant("b") { AgeBand = FacialAgeBand.Adult });
        var id = test.Templates.Enroll(a, StoreUnderTest.Template(1));
        test.Templates.Enroll(b, StoreUnderTest.Template(2));
        Assert.Equal(1, test.ExecuteRaw("UPDATE templates SET subject_id = 'b' WHERE template_id = @id", ("@id", id)));

        // The moved template fails authentication: it is quarantined and audited, and b is verified against b's own only.
        Assert.True(test.Templates.Verify(b, StoreUnderTest.Template(2), 0.5f).Similarity > 0.99f);
        var quarantine = Assert.Single(test.Audit.Read(), r => r.Action == AuditAction.TemplateQuarantined);
        Assert.Equal("b", quarantine.SubjectId);
        Assert.StartsWith("template " + id + " failed authentication", quarantine.Detail, System.StringComparison.Ordinal);
        Assert.True(test.Templates.Verify(b, StoreUnderTest.Template(1), 0.5f).Similarity < 0.99f);
    }

}

public sealed class SqliteLifecycleContract : LifecycleContract
{
    protected override StoreUnderTest NewStore(StoreSettings? settings = null) => new SqliteStoreUnderTest(settings ?? new StoreSettings());
}

public sealed class PostgreSqlLifecycleContract : LifecycleContract
{
    protected override StoreUnderTest NewStore(StoreSettings? settings = null) => new PostgreSqlStoreUnderTest(settings ?? new StoreSettings());
}
