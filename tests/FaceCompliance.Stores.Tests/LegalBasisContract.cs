using System;
using System.Collections.Generic;
using System.Linq;
using Xunit;
using FaceCompliance.Storage;

namespace FaceCompliance.Stores.Tests;

/// <summary>A purpose whose declared basis is a legal duty (PIPL Art. 13 §1(3)), as the generator describes it once the declaration carries the basis.</summary>
public sealed class DutyCheck : IFacialDataPurpose
{
    public const string PurposeId = "FaceCompliance.Stores.Tests.DutyCheck";

    public static FacialPurposeInfo Info { get; } = new(PurposeId, FacialProcessingMethod.Verification, TimeSpan.FromDays(30),
        FacialDataStorage.OnDevice, mayInvolveMinors: false, VisitorCheck.Info.Notice)
    {
        LegalBasis = FacialLegalBasis.LegalDuty,
    };
}

/// <summary>The same purpose in a later build that declares another basis.</summary>
public sealed class DutyCheckRebased : IFacialDataPurpose
{
    public static FacialPurposeInfo Info { get; } = new(DutyCheck.PurposeId, FacialProcessingMethod.Verification, TimeSpan.FromDays(30),
        FacialDataStorage.OnDevice, mayInvolveMinors: false, VisitorCheck.Info.Notice)
    {
        LegalBasis = FacialLegalBasis.PublicHealthEmergency,
    };
}

/// <summary>Legal-basis grants: signed, stored, audited; the check refuses without one that applies now, with its reason.</summary>
public abstract class LegalBasisContract
{
    protected abstract StoreUnderTest NewStore(StoreSettings? settings = null);

    private const string Law = "《安全生产法》第四十四条; duty order 2026-17";

    [Fact]
    public void A_grant_is_signed_stored_and_audited_and_the_check_returns_it()
    {
        using var test = NewStore();
        var until = test.Clock.Now.AddDays(90);

        var grant = test.LegalBases.GrantBasis<DutyCheck>(new LegalBasisGrant(FacialLegalBasis.LegalDuty, Law, "safety-officer-1", until));
        var required = test.LegalBases.RequireBasis<DutyCheck>();

        Assert.Equal((grant.Id, FacialLegalBasis.LegalDuty, Law, "safety-officer-1", test.Clock.Now, until),
            (required.Id, required.Basis, required.LawReference, required.GrantedBy, required.ValidFrom, required.ValidUntil));
        Assert.True(new ReceiptSigner(test.Keys).HasValidSignature(required));
        Assert.Equal(1, test.Count("basis_grants"));
        var record = Assert.Single(test.Audit.Read(), r => r.Action == AuditAction.LegalBasisGranted);
        Assert.Equal((DutyCheck.PurposeId, grant.Id, AuditOutcome.Succeeded), (record.PurposeId, record.ReceiptId, record.Outcome));
        Assert.Equal($"LegalDuty under '{Law}', granted by 'safety-officer-1', 2026-03-02 01:00:00Z to 2026-05-31 01:00:00Z", record.Detail);
        Assert.True(test.Audit.Verify().IsValid);
    }

    [Fact]
    public void Without_a_grant_the_check_refuses_and_the_refusal_is_audited()
    {
        using var test = NewStore();

        var error = Assert.Throws<LegalBasisRequiredException>(() => test.LegalBases.RequireBasis<DutyCheck>());

        Assert.Equal(LegalBasisRejection.NoGrant, error.Reason);
        Assert.Equal($"Purpose '{DutyCheck.PurposeId}' has no legal basis that applies now: it declares the legal basis LegalDuty, and no grant of it was recorded (ILegalBasisRegistry.GrantBasis)", error.Message);
        var record = Assert.Single(test.Audit.Read(), r => r.Action == AuditAction.LegalBasisRejected);
        Assert.Equal((AuditOutcome.Refused, DutyCheck.PurposeId), (record.Outcome, record.PurposeId));
        Assert.StartsWith("NoGrant: ", record.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_grant_whose_period_ended_or_has_not_started_does_not_apply()
    {
        using var test = NewStore();
        var now = test.Clock.Now;
        test.LegalBases.GrantBasis<DutyCheck>(new LegalBasisGrant(FacialLegalBasis.LegalDuty, Law, "officer", now.AddDays(60)) { ValidFrom = now.AddDays(30) });

        var early = Assert.Throws<LegalBasisRequiredException>(() => test.LegalBases.RequireBasis<DutyCheck>());
        test.Clock.Advance(TimeSpan.FromDays(30));
        test.LegalBases.RequireBasis<DutyCheck>();
        test.Clock.Advance(TimeSpan.FromDays(30));
        var late = Assert.Throws<LegalBasisRequiredException>(() => test.LegalBases.RequireBasis<DutyCheck>());

        Assert.Equal(LegalBasisRejection.NotYetValid, early.Reason);
        Assert.Contains("applies from 2026-04-01 01:00:00Z", early.Message, StringComparison.Ordinal);
        Assert.Equal(LegalBasisRejection.Expired, late.Reason);
        Assert.Contains("ended at 2026-05-01 01:00:00Z", late.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_revoked_grant_does_not_apply_and_the_revocation_is_audited()
    {
        using var test = NewStore();
        var grant = test.LegalBases.GrantBasis<DutyCheck>(new LegalBasisGrant(FacialLegalBasis.LegalDuty, Law, "officer", test.Clock.Now.AddDays(60)));

        test.LegalBases.RevokeBasis<DutyCheck>(grant.Id, "auditor-2");
        var error = Assert.Throws<LegalBasisRequiredException>(() => test.LegalBases.RequireBasis<DutyCheck>());

        Assert.Equal(LegalBasisRejection.Revoked, error.Reason);
        Assert.Single(test.Audit.Read(), r => r.Action == AuditAction.LegalBasisRevoked && r.ReceiptId == grant.Id && r.Detail == "revoked by 'auditor-2'");
        Assert.Throws<KeyNotFoundException>(() => test.LegalBases.RevokeBasis<DutyCheck>(grant.Id, "auditor-2"));
    }

    [Theory]
    [InlineData("UPDATE basis_grants SET valid_until = valid_until + 864000000000000")]
    [InlineData("UPDATE basis_grants SET law_reference = 'another law'")]
    [InlineData("UPDATE basis_grants SET basis = 3")]
    public void A_grant_changed_in_the_file_fails_its_signature(string edit)
    {
        using var test = NewStore();
        test.LegalBases.GrantBasis<DutyCheck>(new LegalBasisGrant(FacialLegalBasis.LegalDuty, Law, "officer", test.Clock.Now.AddDays(60)));
        Assert.Equal(1, test.ExecuteRaw(edit));

        var error = Assert.Throws<LegalBasisRequiredException>(() => test.LegalBases.RequireBasis<DutyCheck>());

        Assert.Equal(LegalBasisRejection.Tampered, error.Reason);
        Assert.Contains("was altered after it was recorded", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_grant_of_the_basis_the_purpose_no_longer_declares_does_not_apply()
    {
        using var test = NewStore();
        test.LegalBases.GrantBasis<DutyCheck>(new LegalBasisGrant(FacialLegalBasis.LegalDuty, Law, "officer", test.Clock.Now.AddDays(60)));

        var error = Assert.Throws<LegalBasisRequiredException>(() => test.LegalBases.RequireBasis<DutyCheckRebased>());

        Assert.Equal(LegalBasisRejection.OtherBasis, error.Reason);
        Assert.Contains("records the basis LegalDuty, but the purpose now declares PublicHealthEmergency", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_purpose_based_on_consent_takes_no_basis_grant()
    {
        using var test = NewStore();

        var grant = Assert.Throws<ArgumentException>(() => test.LegalBases.GrantBasis<VisitorCheck>(
            new LegalBasisGrant(FacialLegalBasis.LegalDuty, Law, "officer", test.Clock.Now.AddDays(60))));
        var check = Assert.Throws<LegalBasisRequiredException>(() => test.LegalBases.RequireBasis<VisitorCheck>());

        Assert.Contains("declares consent as its legal basis: record each person's consent with IConsentRegistry.Grant", grant.Message, StringComparison.Ordinal);
        Assert.Equal(LegalBasisRejection.ConsentBasis, check.Reason);
        Assert.Equal(0, test.Count("basis_grants"));
        Assert.Equal(2, test.Audit.Read().Count(r => r.Action == AuditAction.LegalBasisRejected && r.Outcome == AuditOutcome.Refused));
    }

    [Fact]
    public void Invalid_grants_are_refused_with_the_problem_named()
    {
        using var test = NewStore();
        var now = test.Clock.Now;

        ArgumentException Refused(LegalBasisGrant grant) => Assert.Throws<ArgumentException>(() => test.LegalBases.GrantBasis<DutyCheck>(grant));

        Assert.Contains("declares the legal basis LegalDuty, not PublicHealthEmergency",
            Refused(new LegalBasisGrant(FacialLegalBasis.PublicHealthEmergency, Law, "officer", now.AddDays(1))).Message, StringComparison.Ordinal);
        Assert.Equal("LawReference", Refused(new LegalBasisGrant(FacialLegalBasis.LegalDuty, " ", "officer", now.AddDays(1))).ParamName);
        Assert.Equal("LawReference", Refused(new LegalBasisGrant(FacialLegalBasis.LegalDuty, "law\nforged line", "officer", now.AddDays(1))).ParamName);
        Assert.Equal("GrantedBy", Refused(new LegalBasisGrant(FacialLegalBasis.LegalDuty, Law, "", now.AddDays(1))).ParamName);
        Assert.Contains("must end after it starts",
            Refused(new LegalBasisGrant(FacialLegalBasis.LegalDuty, Law, "officer", now.AddDays(1)) { ValidFrom = now.AddDays(2) }).Message, StringComparison.Ordinal);
        Assert.Contains("cannot be recorded now",
            Refused(new LegalBasisGrant(FacialLegalBasis.LegalDuty, Law, "officer", now.AddDays(-1)) { ValidFrom = now.AddDays(-2) }).Message, StringComparison.Ordinal);
        Assert.Equal(0, test.Count("basis_grants"));
        Assert.Equal(6, test.Audit.Read().Count(r => r.Action == AuditAction.LegalBasisRejected));
    }
}

public sealed class SqliteLegalBasisContract : LegalBasisContract
{
    protected override StoreUnderTest NewStore(StoreSettings? settings = null) => new SqliteStoreUnderTest(settings ?? new StoreSettings());
}

public sealed class PostgreSqlLegalBasisContract : LegalBasisContract
{
    protected override StoreUnderTest NewStore(StoreSettings? settings = null) => new PostgreSqlStoreUnderTest(settings ?? new StoreSettings());
}
