using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Xunit;
using FaceCompliance.Storage;

namespace FaceCompliance.Stores.Tests;

/// <summary>Forged, tampered, expired, withdrawn, wrong-purpose and old-notice receipts: each refused, each with its own message, nothing processed.</summary>
public abstract class ConsentRejectionContract
{
    protected abstract StoreUnderTest NewStore(StoreSettings? settings = null);

    [Fact]
    public void A_receipt_issued_by_another_registry_is_forged()
    {
        using var test = NewStore();
        using var other = NewStore(new StoreSettings(MasterKey: FacialDataKeys.NewMasterKey()));
        var foreign = other.Consents.Grant<GateEntry>(new ConsentGrant("resident-7") { AgeBand = FacialAgeBand.Adult });

        var error = Refused(test, foreign, ConsentRejection.Forged);

        Assert.Contains("was not issued by this registry (forged)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_receipt_whose_content_was_changed_is_tampered()
    {
        using var test = NewStore();
        var genuine = test.Consents.Grant<GateEntry>(new ConsentGrant("resident-7") { AgeBand = FacialAgeBand.Adult });
        var edited = Edit(genuine, content => content.Replace("\nresident-7\n", "\nresident-8\n", StringComparison.Ordinal));

        var error = Refused(test, edited, ConsentRejection.Tampered);

        Assert.Contains("altered after it was issued", error.Message, StringComparison.Ordinal);
        Assert.Equal("resident-8", error.SubjectId);
    }

    [Fact]
    public void A_later_expiry_written_into_a_receipt_is_tampering_too()
    {
        using var test = NewStore();
        var genuine = test.Consents.Grant<GateEntry>(new ConsentGrant("resident-7") { AgeBand = FacialAgeBand.Adult });
        var edited = new ConsentReceipt<GateEntry>(genuine.Id, genuine.Subject, genuine.PurposeId, genuine.NoticeVersion, genuine.GivenAt,
            genuine.ExpiresAt.AddYears(10), genuine.Form, genuine.AgeBand, genuine.GuardianId, genuine.Scopes, genuine.Signature);

        Refused(test, edited, ConsentRejection.Tampered);
    }

    [Fact]
    public void A_receipt_past_its_validity_is_expired()
    {
        using var test = NewStore();
        var receipt = test.Consents.Grant<GateEntry>(new ConsentGrant("resident-7") { AgeBand = FacialAgeBand.Adult, ValidFor = TimeSpan.FromDays(2) });
        test.Clock.Advance(TimeSpan.FromDays(2));

        var error = Refused(test, receipt, ConsentRejection.Expired);

        Assert.Contains("expired at 2026-03-04 01:00:00Z", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_withdrawn_receipt_is_refused_at_once()
    {
        using var test = NewStore();
        var receipt = test.Consents.Grant<GateEntry>(new ConsentGrant("resident-7") { AgeBand = FacialAgeBand.Adult });
        test.Consents.Withdraw<GateEntry>("resident-7");

        var error = Refused(test, receipt, ConsentRejection.Withdrawn);

        Assert.Contains("was withdrawn at 2026-03-02 01:00:00Z", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_receipt_for_another_purpose_is_refused()
    {
        using var test = NewStore();
        var visitor = test.Consents.Grant<VisitorCheck>(new ConsentGrant("resident-7"));
        var presentedAsGate = ConsentReceipt<GateEntry>.Parse(visitor.ToToken());

        var error = Refused(test, presentedAsGate, ConsentRejection.WrongPurpose);

        Assert.Contains($"is for purpose '{VisitorCheck.PurposeId}', not '{GateEntry.PurposeId}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_receipt_for_an_older_notice_must_be_given_again()
    {
        using var test = NewStore();
        var older = IssuedForOlderNotice(test, "resident-7", "0123456789abcdef");

        var error = Refused(test, older, ConsentRejection.OldNotice);

        Assert.Contains($"notice version 0123456789abcdef, but the notice now reads version {GateEntry.NoticeVersion}", error.Message, StringComparison.Ordinal);
        Assert.Contains("consent again", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_six_reasons_have_six_different_messages()
    {
        var messages = new List<string>();
        using (var test = NewStore())
        {
            using var other = NewStore(new StoreSettings(MasterKey: FacialDataKeys.NewMasterKey()));
            messages.Add(Refused(test, other.Consents.Grant<GateEntry>(new ConsentGrant("s1") { AgeBand = FacialAgeBand.Adult }), ConsentRejection.Forged).Message);
            messages.Add(Refused(test, Edit(test.Consents.Grant<GateEntry>(new ConsentGrant("s2") { AgeBand = FacialAgeBand.Adult }), c => c.Replace("\ns2\n", "\ns9\n", StringComparison.Ordinal)), ConsentRejection.Tampered).Message);
            messages.Add(Refused(test, ConsentReceipt<GateEntry>.Parse(test.Consents.Grant<VisitorCheck>(new ConsentGrant("s3")).ToToken()), ConsentRejection.WrongPurpose).Message);
            var withdrawn = test.Consents.Grant<GateEntry>(new ConsentGrant("s4") { AgeBand = FacialAgeBand.Adult });
            test.Consents.Withdraw<GateEntry>("s4");
            messages.Add(Refused(test, withdrawn, ConsentRejection.Withdrawn).Message);
            messages.Add(Refused(test, IssuedForOlderNotice(test, "s5", "fedcba9876543210"), ConsentRejection.OldNotice).Message);
            var expiring = test.Consents.Grant<GateEntry>(new ConsentGrant("s6") { AgeBand = FacialAgeBand.Adult, ValidFor = TimeSpan.FromMinutes(1) });
            test.Clock.Advance(TimeSpan.FromMinutes(1));
            messages.Add(Refused(test, expiring, ConsentRejection.Expired).Message);
        }

        // With the ids, versions, times and quoted names taken out, what is left must still tell the six apart.
        var wording = messages.Select(m => System.Text.RegularExpressions.Regex.Replace(m, @"[0-9a-f]{16,32}|\d{4}-\d{2}-\d{2} [0-9:]+Z|'[^']*'", "_")).ToList();
        Assert.Equal(6, wording.Distinct(StringComparer.Ordinal).Count());
    }

    /// <summary>Checks that the receipt is refused everywhere it is used, with the reason, and that nothing was stored.</summary>
    private static ConsentRequiredException Refused(StoreUnderTest test, ConsentReceipt<GateEntry> receipt, ConsentRejection reason)
    {
        var templatesBefore = test.Count("templates");
        Assert.Equal(reason, test.Consents.Check(receipt));
        var enrol = Assert.Throws<ConsentRequiredException>(() => test.Templates.Enroll(receipt, StoreUnderTest.Template(1)));
        var verify = Assert.Throws<ConsentRequiredException>(() => test.Templates.Verify(receipt, StoreUnderTest.Template(1), 0.5f).Similarity);
        var ensure = Assert.Throws<ConsentRequiredException>(() => test.Consents.EnsureValid(receipt));

        Assert.Equal(templatesBefore, test.Count("templates"));
        foreach (var error in new[] { enrol, verify, ensure })
        {
            Assert.Equal(reason, error.Reason);
            Assert.Equal(GateEntry.PurposeId, error.PurposeId);
            Assert.Equal(receipt.Subject, error.SubjectId);
            Assert.StartsWith($"Consent of subject '{receipt.Subject}' to purpose '{GateEntry.PurposeId}' is not valid: ", error.Message, StringComparison.Ordinal);
        }

        var refusals = test.Audit.Read(0, 10_000).Where(r => r.Action == AuditAction.ConsentRejected && r.ReceiptId == receipt.Id).ToList();
        Assert.Equal(3, refusals.Count);
        Assert.All(refusals, r => Assert.Equal(AuditOutcome.Refused, r.Outcome));
        Assert.All(refusals, r => Assert.Equal(reason.ToString(), r.Detail));
        Assert.True(test.Audit.Verify().IsValid);
        return enrol;
    }

    private static ConsentReceipt<GateEntry> Edit(ConsentReceipt<GateEntry> receipt, Func<string, string> edit)
    {
        var parts = receipt.ToToken().Split('.');
        var content = Encoding.UTF8.GetString(System.Buffers.Text.Base64Url.DecodeFromChars(parts[1]));
        var edited = System.Buffers.Text.Base64Url.EncodeToString(Encoding.UTF8.GetBytes(edit(content)));
        return ConsentReceipt<GateEntry>.Parse($"{parts[0]}.{edited}.{parts[2]}");
    }

    /// <summary>A receipt issued, with a valid signature, by an earlier build whose notice had another version.</summary>
    private static ConsentReceipt<GateEntry> IssuedForOlderNotice(StoreUnderTest test, string subject, string oldVersion)
    {
        var now = test.Clock.Now;
        var unsigned = new ConsentReceipt<GateEntry>(Guid.NewGuid().ToString("N"), subject, GateEntry.PurposeId, oldVersion, now, now.AddDays(30),
            ConsentForm.Separate, FacialAgeBand.Adult, null, FacialConsentScopes.Processing, []);
        var receipt = new ConsentReceipt<GateEntry>(unsigned.Id, subject, unsigned.PurposeId, oldVersion, now, now.AddDays(30),
            ConsentForm.Separate, FacialAgeBand.Adult, null, FacialConsentScopes.Processing, new ReceiptSigner(test.Keys).Sign(unsigned));
        Assert.Equal(1, test.ExecuteRaw("""
            INSERT INTO consents (receipt_id, subject_id, purpose_id, notice_version, given_at, expires_at, form, under14, guardian_id, signature, age_band, scopes)
            VALUES (@id, @subject, @purpose, @version, @given, @expires, 1, FALSE, NULL, @signature, 1, 0)
            """,
            ("@id", receipt.Id), ("@subject", subject), ("@purpose", receipt.PurposeId), ("@version", oldVersion),
            ("@given", receipt.GivenAt.UtcTicks), ("@expires", receipt.ExpiresAt.UtcTicks), ("@signature", receipt.Signature.ToArray())));
        return receipt;
    }
}

public sealed class SqliteConsentRejectionContract : ConsentRejectionContract
{
    protected override StoreUnderTest NewStore(StoreSettings? settings = null) => new SqliteStoreUnderTest(settings ?? new StoreSettings());
}

public sealed class PostgreSqlConsentRejectionContract : ConsentRejectionContract
{
    protected override StoreUnderTest NewStore(StoreSettings? settings = null) => new PostgreSqlStoreUnderTest(settings ?? new StoreSettings());
}
