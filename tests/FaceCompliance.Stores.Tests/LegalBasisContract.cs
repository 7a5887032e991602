using System;
using System.Linq;
using Xunit;

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

/// <summary>The legal-basis registry's contract (<see cref="ILegalBasisRegistry"/>), the same for every store; the lifecycle's is <see cref="EndOfProcessingContract"/>.</summary>
public abstract class LegalBasisContract
{
    protected abstract StoreUnderTest NewStore(StoreSettings? settings = null);

    [Fact]
    public void A_legal_basis_grant_is_required_stored_audited_and_revocable()
    {
        using var test = NewStore();
        Assert.Throws<LegalBasisRequiredException>(() => test.LegalBases.RequireBasis<DutyCheck>());

        var grant = test.LegalBases.GrantBasis<DutyCheck>(new LegalBasisGrant(FacialLegalBasis.LegalDuty, "duty order 2026-17", "safety-officer-1", test.Clock.Now.AddDays(90)));

        Assert.Equal(grant.Id, test.LegalBases.RequireBasis<DutyCheck>().Id);
        Assert.Equal([grant.Id], test.LegalBases.Grants<DutyCheck>().Select(g => g.Id));
        test.LegalBases.RevokeBasis<DutyCheck>(grant.Id, "safety-officer-2");
        Assert.Throws<LegalBasisRequiredException>(() => test.LegalBases.RequireBasis<DutyCheck>());
        Assert.Equal(
            [AuditAction.LegalBasisRejected, AuditAction.LegalBasisGranted, AuditAction.LegalBasisRevoked, AuditAction.LegalBasisRejected],
            test.Audit.Read().Select(r => r.Action));
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
