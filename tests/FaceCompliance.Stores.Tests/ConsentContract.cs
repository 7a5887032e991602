using System;
using System.Linq;
using Xunit;

namespace FaceCompliance.Stores.Tests;

/// <summary>The consent registry's contract (<see cref="IConsentRegistry"/>), the same for every store.</summary>
public abstract class ConsentContract
{
    protected abstract StoreUnderTest NewStore(StoreSettings? settings = null);

    [Fact]
    public void A_granted_receipt_checks_valid_and_the_grant_is_audited()
    {
        using var test = NewStore();
        var receipt = test.Consents.Grant<GateEntry>(new ConsentGrant("resident-1") { AgeBand = FacialAgeBand.Adult });

        Assert.Null(test.Consents.Check(receipt));
        test.Consents.EnsureValid(receipt);
        var last = test.Audit.Read().Last();
        Assert.Equal((AuditAction.ConsentGranted, "resident-1", receipt.Id), (last.Action, last.SubjectId, last.ReceiptId));
    }

    [Fact]
    public void A_withdrawn_consent_is_refused_and_its_templates_are_deleted()
    {
        using var test = NewStore();
        var receipt = test.Consents.Grant<GateEntry>(new ConsentGrant("resident-1") { AgeBand = FacialAgeBand.Adult });
        test.Templates.Enroll(receipt, StoreUnderTest.Template(1));

        Assert.Equal(1, test.Consents.Withdraw<GateEntry>("resident-1"));

        Assert.Equal(ConsentRejection.Withdrawn, test.Consents.Check(receipt));
        Assert.Empty(test.Templates.ListTemplates("resident-1"));
        Assert.Equal(0, test.Templates.PeopleStored);
        var refused = Assert.Throws<ConsentRequiredException>(() => test.Templates.Verify(receipt, StoreUnderTest.Template(1), 0.5f));
        Assert.Equal(ConsentRejection.Withdrawn, refused.Reason);
    }

    [Fact]
    public void An_altered_or_unknown_receipt_is_refused_and_an_expired_one_too()
    {
        using var test = NewStore();
        var receipt = test.Consents.Grant<GateEntry>(new ConsentGrant("resident-1") { AgeBand = FacialAgeBand.Adult, ValidFor = TimeSpan.FromDays(1) });
        var altered = new ConsentReceipt<GateEntry>(receipt.Id, receipt.Subject, receipt.PurposeId, receipt.NoticeVersion, receipt.GivenAt,
            receipt.ExpiresAt.AddYears(1), receipt.Form, receipt.AgeBand, receipt.GuardianId, receipt.Scopes, receipt.Signature);
        var unknown = new ConsentReceipt<GateEntry>("not-issued-here", receipt.Subject, receipt.PurposeId, receipt.NoticeVersion, receipt.GivenAt,
            receipt.ExpiresAt, receipt.Form, receipt.AgeBand, receipt.GuardianId, receipt.Scopes, receipt.Signature);

        Assert.Equal(ConsentRejection.Tampered, test.Consents.Check(altered));
        Assert.Equal(ConsentRejection.Forged, test.Consents.Check(unknown));
        test.Clock.Advance(TimeSpan.FromDays(2));
        Assert.Equal(ConsentRejection.Expired, test.Consents.Check(receipt));
    }
}

public sealed class SqliteConsentContract : ConsentContract
{
    protected override StoreUnderTest NewStore(StoreSettings? settings = null) => new SqliteStoreUnderTest(settings ?? new StoreSettings());
}

public sealed class PostgreSqlConsentContract : ConsentContract
{
    protected override StoreUnderTest NewStore(StoreSettings? settings = null) => new PostgreSqlStoreUnderTest(settings ?? new StoreSettings());
}
