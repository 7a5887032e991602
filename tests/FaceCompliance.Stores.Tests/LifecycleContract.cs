using System;
using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace FaceCompliance.Stores.Tests;

/// <summary>A purpose whose declared basis is a legal duty (PIPL Art. 13 §1(3)), as the generator describes it once the declaration carries the basis.</summary>
public sealed class DutyCheck : IFacialDataPurpose
{
    public static FacialPurposeInfo Info { get; } = new("FaceCompliance.Stores.Tests.DutyCheck", FacialProcessingMethod.Verification, TimeSpan.FromDays(30),
        FacialDataStorage.OnDevice, mayInvolveMinors: false, VisitorCheck.Info.Notice)
    {
        LegalBasis = FacialLegalBasis.LegalDuty,
    };
}

/// <summary>The legal-basis registry's and the lifecycle's contracts (<see cref="ILegalBasisRegistry"/>, <see cref="IFacialDataLifecycle"/>), the same for every store.</summary>
public abstract class LifecycleContract
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

    [Fact]
    public void Ending_a_relationship_deletes_every_purpose_of_the_person_only()
    {
        using var test = NewStore();
        var gate = test.Consents.Grant<GateEntry>(new ConsentGrant("resident-1") { AgeBand = FacialAgeBand.Adult });
        var visitor = test.Consents.Grant<VisitorCheck>(new ConsentGrant("resident-1"));
        test.Templates.Enroll(gate, StoreUnderTest.Template(1));
        test.Templates.Enroll(visitor, StoreUnderTest.Template(2));
        test.Templates.Enroll(test.Consents.Grant<GateEntry>(new ConsentGrant("resident-2") { AgeBand = FacialAgeBand.Adult }), StoreUnderTest.Template(3));

        var ended = test.Lifecycle.EndRelationship("resident-1", "moved out");

        Assert.Equal((2, 2, 2, 1), (ended.TemplatesDeleted, ended.ConsentsEnded, ended.PeopleStoredBefore, ended.PeopleStoredAfter));
        Assert.Equal(ConsentRejection.Withdrawn, test.Consents.Check(gate));
        Assert.Equal(["resident-2"], test.Templates.SubjectsStored());
        Assert.Throws<KeyNotFoundException>(() => test.Lifecycle.EndRelationship("resident-1", "again"));
        Assert.Single(test.Audit.Read(), r => r.Action == AuditAction.RelationshipEnded && r.SubjectId == "resident-1");
    }

    [Fact]
    public void Ending_a_purpose_and_stopping_the_service_delete_what_they_cover()
    {
        using var test = NewStore();
        var gate = test.Consents.Grant<GateEntry>(new ConsentGrant("resident-1") { AgeBand = FacialAgeBand.Adult });
        var visitor = test.Consents.Grant<VisitorCheck>(new ConsentGrant("resident-2"));
        test.Templates.Enroll(gate, StoreUnderTest.Template(1));
        test.Templates.Enroll(visitor, StoreUnderTest.Template(2));

        var purposeEnded = test.Lifecycle.EndPurpose<GateEntry>("gate replaced by cards");

        Assert.Equal((1, 1, 2, 1), (purposeEnded.TemplatesDeleted, purposeEnded.ConsentsEnded, purposeEnded.PeopleStoredBefore, purposeEnded.PeopleStoredAfter));
        Assert.Null(test.Consents.Check(visitor));
        var stopped = test.Lifecycle.Decommission("service closed");
        Assert.Equal(1, stopped.PeopleStoredBefore);
        Assert.Equal(0, test.Templates.PeopleStored);
        Assert.Equal(ConsentRejection.Withdrawn, test.Consents.Check(visitor));
        Assert.True(test.Audit.Verify().IsValid);
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
