using System;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using Xunit;

namespace FaceCompliance.Sqlite.Tests;

/// <summary>Consent, enrolment, verification and withdrawal on a real SQLite file, down to the bytes of the file.</summary>
public sealed class LifecycleTests
{
    [Fact]
    public void Withdrawal_deletes_the_subjects_rows_and_key_and_the_file_no_longer_holds_the_template()
    {
        using var test = new TestStore();
        var template = TestStore.Template(1);
        var receipt = test.Consents.Grant<GateEntry>(new ConsentGrant("resident-7") { AgeBand = FacialAgeBand.Adult });
        var templateId = test.Templates.Enroll(receipt, template);
        var similarity = test.Templates.Verify(receipt, template, 0.5f).Similarity;
        var ciphertext = Ciphertext(test, templateId);
        Checkpoint(test);

        Assert.Equal(1f, similarity, 4);
        Assert.True(Contains(FileBytes(test), ciphertext), "Before withdrawal the encrypted template should be in the file.");
        Assert.False(Contains(FileBytes(test), MemoryMarshal.AsBytes(template.Values).ToArray()), "The template must never be stored in the clear.");

        var deleted = test.Consents.Withdraw<GateEntry>("resident-7");

        Assert.Equal(1, deleted);
        Assert.Equal(0, test.Count("templates"));
        Assert.Equal(0, test.Count("subject_keys"));
        Assert.Equal(0, test.Templates.PeopleStored);
        var file = FileBytes(test);
        Assert.False(Contains(file, ciphertext), "The encrypted template is still in the database file or its log after withdrawal.");
        Assert.False(Contains(file, MemoryMarshal.AsBytes(template.Values).ToArray()));
        var error = Assert.Throws<ConsentRequiredException>(() => test.Templates.Verify(receipt, template, 0.5f).Similarity);
        Assert.Equal(ConsentRejection.Withdrawn, error.Reason);
    }

    [Fact]
    public void Verify_returns_the_best_similarity_against_the_threshold_and_audits_the_decision()
    {
        using var test = new TestStore();
        var receipt = test.Consents.Grant<GateEntry>(new ConsentGrant("resident-7") { AgeBand = FacialAgeBand.Adult });
        test.Templates.Enroll(receipt, TestStore.Template(1));
        var stranger = TestStore.Template(2);
        var strangerSimilarity = TestStore.Template(1).CosineSimilarity(stranger);

        var same = test.Templates.Verify(receipt, TestStore.Template(1), 0.9f);
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
        using var test = new TestStore();
        var receipt = test.Consents.Grant<GateEntry>(new ConsentGrant("resident-7") { AgeBand = FacialAgeBand.Adult });
        test.Templates.Enroll(receipt, TestStore.Template(1));
        test.Templates.Verify(receipt, TestStore.Template(2), 0.5f);
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
        using var test = new TestStore();

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
        using var test = new TestStore();
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
        using var test = new TestStore();
        var gate = test.Consents.Grant<GateEntry>(new ConsentGrant("resident-7") { AgeBand = FacialAgeBand.Adult });
        var visitor = test.Consents.Grant<VisitorCheck>(new ConsentGrant("resident-7"));
        test.Templates.Enroll(gate, TestStore.Template(1));
        test.Templates.Enroll(visitor, TestStore.Template(2));

        Assert.Equal(1, test.Consents.Withdraw<GateEntry>("resident-7"));

        Assert.Equal(1, test.Count("templates"));
        Assert.Equal(1, test.Count("subject_keys"));
        Assert.Equal(1f, test.Templates.Verify(visitor, TestStore.Template(2), 0.5f).Similarity, 4);
    }

    [Fact]
    public void Deleting_a_subject_destroys_every_template_and_the_key()
    {
        using var test = new TestStore();
        var gate = test.Consents.Grant<GateEntry>(new ConsentGrant("resident-7") { AgeBand = FacialAgeBand.Adult });
        test.Templates.Enroll(gate, TestStore.Template(1));
        test.Templates.Enroll(gate, TestStore.Template(2));
        test.Templates.Enroll(test.Consents.Grant<VisitorCheck>(new ConsentGrant("resident-7")), TestStore.Template(3));

        Assert.Equal(3, test.Templates.DeleteSubject("resident-7"));

        Assert.Equal(0, test.Count("templates"));
        Assert.Equal(0, test.Count("subject_keys"));
        Assert.Contains(test.Audit.Read(), r => r.Action == AuditAction.Deleted && r.Detail == "3 template(s) deleted, data key destroyed");
    }

    [Fact]
    public void A_template_moved_to_another_subject_does_not_decrypt()
    {
        using var test = new TestStore();
        var a = test.Consents.Grant<GateEntry>(new ConsentGrant("a") { AgeBand = FacialAgeBand.Adult });
        var b = test.Consents.Grant<GateEntry>(new ConsentGrant("b") { AgeBand = FacialAgeBand.Adult });
        var id = test.Templates.Enroll(a, TestStore.Template(1));
        test.Templates.Enroll(b, TestStore.Template(2));
        using (var connection = test.Raw())
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "UPDATE templates SET subject_id = 'b' WHERE template_id = $id";
            command.Parameters.AddWithValue("$id", id);
            command.ExecuteNonQuery();
        }

        // The moved template fails authentication: it is quarantined and audited, and b is verified against b's own only.
        Assert.True(test.Templates.Verify(b, TestStore.Template(2), 0.5f).Similarity > 0.99f);
        var quarantine = Assert.Single(test.Audit.Read(), r => r.Action == AuditAction.TemplateQuarantined);
        Assert.Equal("b", quarantine.SubjectId);
        Assert.StartsWith("template " + id + " failed authentication", quarantine.Detail, System.StringComparison.Ordinal);
        Assert.True(test.Templates.Verify(b, TestStore.Template(1), 0.5f).Similarity < 0.99f);
    }

    internal static byte[] Ciphertext(TestStore test, string templateId)
    {
        using var connection = test.Raw();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT ciphertext FROM templates WHERE template_id = $id";
        command.Parameters.AddWithValue("$id", templateId);
        return (byte[])command.ExecuteScalar()!;
    }

    private static void Checkpoint(TestStore test)
    {
        using var connection = test.Raw();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
        command.ExecuteNonQuery();
    }

    /// <summary>The database file and its write-ahead log, as bytes on disk.</summary>
    private static byte[] FileBytes(TestStore test)
    {
        using var stream = new MemoryStream();
        foreach (var path in new[] { test.Path, test.Path + "-wal" }.Where(File.Exists))
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            file.CopyTo(stream);
        }

        return stream.ToArray();
    }

    private static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;
}
