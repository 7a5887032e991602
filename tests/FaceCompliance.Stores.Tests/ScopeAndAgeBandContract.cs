using System;
using System.Linq;
using System.Text;
using Xunit;
using FaceCompliance.Storage;

namespace FaceCompliance.Stores.Tests;

/// <summary>
/// Receipts record the separate-consent scopes and the subject's age band, both signed: a purpose that may involve
/// minors refuses an unknown age, a check that needs a scope refuses a receipt without it, and editing either breaks
/// the signature.
/// </summary>
public abstract class ScopeAndAgeBandContract
{
    protected abstract StoreUnderTest NewStore(StoreSettings? settings = null);

    [Fact]
    public void A_grant_records_the_scopes_and_age_band_and_the_store_keeps_them()
    {
        using var test = NewStore();

        var receipt = test.Consents.Grant<GateEntry>(new ConsentGrant("resident-7")
        {
            AgeBand = FacialAgeBand.Adult,
            Scopes = FacialConsentScopes.Transfer | FacialConsentScopes.Provision,
        });

        Assert.Equal(FacialAgeBand.Adult, receipt.AgeBand);
        Assert.Equal(FacialConsentScopes.Transfer | FacialConsentScopes.Provision, receipt.Scopes);
        Assert.Equal([1L, 5L, 0L], test.ReadRow("SELECT age_band, scopes, CAST(under14 AS integer) FROM consents"));
        var parsed = ConsentReceipt<GateEntry>.Parse(receipt.ToToken());
        Assert.Equal((receipt.AgeBand, receipt.Scopes), (parsed.AgeBand, parsed.Scopes));
        test.Consents.EnsureValid(parsed, FacialConsentScopes.Transfer | FacialConsentScopes.Provision);
        Assert.Contains(test.Audit.Read(), r => r.Action == AuditAction.ConsentGranted
            && r.Detail!.EndsWith(", age band Adult, scopes Transfer and Provision", StringComparison.Ordinal));
    }

    [Fact]
    public void An_unknown_age_is_refused_when_granting_consent_to_a_purpose_that_may_involve_minors()
    {
        using var test = NewStore();

        var error = Assert.Throws<ArgumentException>(() => test.Consents.Grant<GateEntry>(new ConsentGrant("resident-7")));

        Assert.Equal("AgeBand", error.ParamName);
        Assert.Contains("does not say how old subject 'resident-7' is (age band Unknown)", error.Message, StringComparison.Ordinal);
        Assert.Contains("may involve people under 14: a person of unknown age is not treated as an adult", error.Message, StringComparison.Ordinal);
        Assert.Contains("GuardianId of the parent or guardian who consented (Measures Art. 7; PIPL Art. 31)", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, test.Count("consents"));
    }

    [Fact]
    public void An_unknown_age_is_accepted_by_a_purpose_for_adults_only()
    {
        using var test = NewStore();

        var receipt = test.Consents.Grant<VisitorCheck>(new ConsentGrant("visitor-1"));

        Assert.Equal(FacialAgeBand.Unknown, receipt.AgeBand);
        test.Consents.EnsureValid(receipt);
        Assert.Null(test.Consents.Check(receipt));
    }

    [Fact]
    public void A_grant_for_a_subject_under_14_must_name_the_guardian_who_consented()
    {
        using var test = NewStore();

        var error = Assert.Throws<ArgumentException>(() => test.Consents.Grant<GateEntry>(new ConsentGrant("child-1") { AgeBand = FacialAgeBand.Under14 }));
        var receipt = test.Consents.Grant<GateEntry>(new ConsentGrant("child-1") { AgeBand = FacialAgeBand.Under14, GuardianId = "parent-1" });

        Assert.Equal("GuardianId", error.ParamName);
        Assert.Contains("Subject 'child-1' is under 14: only a parent or guardian may consent (Measures Art. 7; PIPL Art. 31); set GuardianId", error.Message, StringComparison.Ordinal);
        Assert.Equal((FacialAgeBand.Under14, "parent-1", true), (receipt.AgeBand, receipt.GuardianId, receipt.SubjectIsUnder14));
        test.Consents.EnsureValid(receipt);
    }

    [Theory]
    [InlineData(16)]
    [InlineData(-1)]
    public void A_value_that_is_not_a_scope_is_refused(int scopes)
    {
        using var test = NewStore();
        var receipt = test.Consents.Grant<VisitorCheck>(new ConsentGrant("visitor-1"));

        var grant = Assert.Throws<ArgumentException>(() => test.Consents.Grant<VisitorCheck>(new ConsentGrant("visitor-2") { Scopes = (FacialConsentScopes)scopes }));
        var check = Assert.Throws<ArgumentException>(() => test.Consents.EnsureValid(receipt, (FacialConsentScopes)scopes));

        Assert.Contains("is not a consent scope; combine Transfer, ImageRetention, Provision, CrossBorder.", grant.Message, StringComparison.Ordinal);
        Assert.Equal("requiredScopes", check.ParamName);
    }

    [Fact]
    public void A_check_that_needs_a_scope_refuses_a_receipt_without_it_and_names_the_missing_scope()
    {
        using var test = NewStore();
        var receipt = test.Consents.Grant<GateEntry>(new ConsentGrant("resident-7") { AgeBand = FacialAgeBand.Adult, Scopes = FacialConsentScopes.Transfer });

        var error = Assert.Throws<ConsentRequiredException>(() => test.Consents.EnsureValid(receipt, FacialConsentScopes.Transfer | FacialConsentScopes.ImageRetention));

        Assert.Equal(ConsentRejection.ScopeMissing, error.Reason);
        Assert.Equal(
            $"Consent of subject 'resident-7' to purpose '{GateEntry.PurposeId}' is not valid: receipt {receipt.Id} holds the scopes Transfer, but this processing also needs ImageRetention: subject 'resident-7' must consent to ImageRetention separately (Measures Art. 6; PIPL Art. 29)",
            error.Message);
        Assert.Equal(ConsentRejection.ScopeMissing, test.Consents.Check(receipt, FacialConsentScopes.Provision));
        Assert.Null(test.Consents.Check(receipt, FacialConsentScopes.Transfer));
        test.Consents.EnsureValid(receipt, FacialConsentScopes.Transfer);
        test.Consents.EnsureValid(receipt);
        var refusal = Assert.Single(test.Audit.Read(), r => r.Action == AuditAction.ConsentRejected);
        Assert.Equal((AuditOutcome.Refused, "ScopeMissing", receipt.Id), (refusal.Outcome, refusal.Detail, refusal.ReceiptId));
    }

    [Fact]
    public void A_receipt_for_processing_only_is_refused_before_a_transfer()
    {
        using var test = NewStore();
        var receipt = test.Consents.Grant<VisitorCheck>(new ConsentGrant("visitor-1"));

        var error = Assert.Throws<ConsentRequiredException>(() => test.Consents.EnsureValid(receipt, FacialConsentScopes.Transfer));

        Assert.Equal(ConsentRejection.ScopeMissing, error.Reason);
        Assert.Contains("holds the scopes Processing only, but this processing also needs Transfer", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_single_scope_check_refuses_a_receipt_without_its_scope_and_accepts_one_with_it()
    {
        using var test = NewStore();
        var transferOnly = test.Consents.Grant<VisitorCheck>(new ConsentGrant("visitor-1") { Scopes = FacialConsentScopes.Transfer });
        var all = test.Consents.Grant<VisitorCheck>(new ConsentGrant("visitor-2") { Scopes = ConsentCoverage.AllScopes });

        test.Consents.EnsureTransferConsent(transferOnly);
        var images = Assert.Throws<ConsentRequiredException>(() => test.Consents.EnsureImageRetentionConsent(transferOnly));
        var provision = Assert.Throws<ConsentRequiredException>(() => test.Consents.EnsureProvisionConsent(transferOnly));
        test.Consents.EnsureTransferConsent(all);
        test.Consents.EnsureImageRetentionConsent(all);
        test.Consents.EnsureProvisionConsent(all);

        Assert.Contains("also needs ImageRetention:", images.Message, StringComparison.Ordinal);
        Assert.Contains("also needs Provision:", provision.Message, StringComparison.Ordinal);
        Assert.Equal(ConsentRejection.ScopeMissing, provision.Reason);
    }

    [Theory]
    [InlineData(10, "1", "5")]   // scopes Transfer -> Transfer and Provision
    [InlineData(10, "1", "0")]   // scopes Transfer -> none
    [InlineData(8, "1", "0")]    // age band Adult -> Unknown
    [InlineData(8, "1", "2")]    // age band Adult -> Under14
    public void Editing_the_scopes_or_the_age_band_breaks_the_signature(int field, string from, string to)
    {
        using var test = NewStore();
        var genuine = test.Consents.Grant<VisitorCheck>(new ConsentGrant("visitor-1") { AgeBand = FacialAgeBand.Adult, Scopes = FacialConsentScopes.Transfer });
        var fields = Content(genuine).Split('\n');
        Assert.Equal(from, fields[field]);
        fields[field] = to;

        var edited = WithContent(genuine, string.Join("\n", fields));

        Assert.False(new ReceiptSigner(test.Keys).HasValidSignature(edited));
        Assert.Equal(ConsentRejection.Tampered, test.Consents.Check(edited));
        var error = Assert.Throws<ConsentRequiredException>(() => test.Consents.EnsureValid(edited));
        Assert.Equal(ConsentRejection.Tampered, error.Reason);
    }

    [Fact]
    public void An_unknown_age_written_into_a_receipt_for_a_child_breaks_the_signature_too()
    {
        using var test = NewStore();
        var genuine = test.Consents.Grant<GateEntry>(new ConsentGrant("child-1") { AgeBand = FacialAgeBand.Under14, GuardianId = "parent-1" });
        var edited = new ConsentReceipt<GateEntry>(genuine.Id, genuine.Subject, genuine.PurposeId, genuine.NoticeVersion, genuine.GivenAt,
            genuine.ExpiresAt, genuine.Form, FacialAgeBand.Adult, genuine.GuardianId, genuine.Scopes | FacialConsentScopes.Transfer, genuine.Signature);

        Assert.False(new ReceiptSigner(test.Keys).HasValidSignature(edited));
        Assert.Equal(ConsentRejection.Tampered, test.Consents.Check(edited, FacialConsentScopes.Transfer));
    }

    private static string Content<TPurpose>(ConsentReceipt<TPurpose> receipt)
        where TPurpose : IFacialDataPurpose => Encoding.UTF8.GetString(System.Buffers.Text.Base64Url.DecodeFromChars(receipt.ToToken().Split('.')[1]));

    private static ConsentReceipt<TPurpose> WithContent<TPurpose>(ConsentReceipt<TPurpose> receipt, string content)
        where TPurpose : IFacialDataPurpose
    {
        var parts = receipt.ToToken().Split('.');
        return ConsentReceipt<TPurpose>.Parse($"{parts[0]}.{System.Buffers.Text.Base64Url.EncodeToString(Encoding.UTF8.GetBytes(content))}.{parts[2]}");
    }
}

public sealed class SqliteScopeAndAgeBandContract : ScopeAndAgeBandContract
{
    protected override StoreUnderTest NewStore(StoreSettings? settings = null) => new SqliteStoreUnderTest(settings ?? new StoreSettings());
}

public sealed class PostgreSqlScopeAndAgeBandContract : ScopeAndAgeBandContract
{
    protected override StoreUnderTest NewStore(StoreSettings? settings = null) => new PostgreSqlStoreUnderTest(settings ?? new StoreSettings());
}
