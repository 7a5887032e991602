using System;
using System.Linq;
using Xunit;

namespace FaceCompliance.Stores.Tests;

/// <summary>The registry keeps each person's current receipt per purpose: an application keeps subject ids, not tokens.</summary>
public abstract class CurrentReceiptContract
{
    protected abstract StoreUnderTest NewStore(StoreSettings? settings = null);

    [Fact]
    public void The_current_receipt_is_the_latest_one_granted_and_checks_like_the_token()
    {
        using var test = NewStore();
        test.Consents.Grant<GateEntry>(new ConsentGrant("resident-7") { AgeBand = FacialAgeBand.Adult });
        test.Clock.Advance(TimeSpan.FromMinutes(1));
        var latest = test.Consents.Grant<GateEntry>(new ConsentGrant("resident-7") { AgeBand = FacialAgeBand.Adult, Scopes = FacialConsentScopes.Transfer });

        Assert.True(test.Consents.TryGetCurrentReceipt<GateEntry>("resident-7", out var found));
        Assert.Equal(latest.ToToken(), found.ToToken());
        Assert.Null(test.Consents.Check(found, FacialConsentScopes.Transfer));
        Assert.Equal(latest.Id, test.Consents.GetValidReceipt<GateEntry>("resident-7", FacialConsentScopes.Transfer).Id);
    }

    [Fact]
    public void A_person_who_never_consented_is_refused_as_never_consented_and_audited()
    {
        using var test = NewStore();
        test.Consents.Grant<VisitorCheck>(new ConsentGrant("resident-7"));

        Assert.False(test.Consents.TryGetCurrentReceipt<GateEntry>("resident-7", out var none));
        Assert.Null(none);
        var error = Assert.Throws<ConsentRequiredException>(() => test.Consents.GetValidReceipt<GateEntry>("resident-7"));

        Assert.Equal(ConsentRejection.NeverConsented, error.Reason);
        Assert.Contains("never consented", error.Message, StringComparison.Ordinal);
        var last = test.Audit.Read().Last();
        Assert.Equal((AuditAction.ConsentRejected, "resident-7", "NeverConsented"), (last.Action, last.SubjectId, last.Detail));
    }

    [Fact]
    public void A_withdrawn_or_expired_current_receipt_is_refused_with_its_own_reason_not_never_consented()
    {
        using var test = NewStore();
        test.Consents.Grant<GateEntry>(new ConsentGrant("resident-7") { AgeBand = FacialAgeBand.Adult });
        test.Consents.Withdraw<GateEntry>("resident-7");
        test.Consents.Grant<GateEntry>(new ConsentGrant("resident-8") { AgeBand = FacialAgeBand.Adult, ValidFor = TimeSpan.FromDays(1) });
        test.Clock.Advance(TimeSpan.FromDays(2));

        Assert.Equal(ConsentRejection.Withdrawn, Assert.Throws<ConsentRequiredException>(() => test.Consents.GetValidReceipt<GateEntry>("resident-7")).Reason);
        Assert.Equal(ConsentRejection.Expired, Assert.Throws<ConsentRequiredException>(() => test.Consents.GetValidReceipt<GateEntry>("resident-8")).Reason);
    }

    [Fact]
    public void Listing_gives_the_current_receipt_of_each_purpose()
    {
        using var test = NewStore();
        test.Consents.Grant<GateEntry>(new ConsentGrant("resident-7") { AgeBand = FacialAgeBand.Adult });
        test.Clock.Advance(TimeSpan.FromMinutes(1));
        var gate = test.Consents.Grant<GateEntry>(new ConsentGrant("resident-7") { AgeBand = FacialAgeBand.Adult });
        var visitor = test.Consents.Grant<VisitorCheck>(new ConsentGrant("resident-7"));
        test.Consents.Withdraw<VisitorCheck>("resident-7");
        test.Consents.Grant<GateEntry>(new ConsentGrant("resident-8") { AgeBand = FacialAgeBand.Adult });

        var listed = test.Consents.ListCurrentConsents("resident-7");

        Assert.Equal(
            new[] { (gate.PurposeId, gate.Id, false), (visitor.PurposeId, visitor.Id, true) }.OrderBy(c => c.PurposeId, StringComparer.Ordinal),
            listed.Select(c => (c.PurposeId, c.ReceiptId, c.WithdrawnAt is not null)));
        Assert.Empty(test.Consents.ListCurrentConsents("resident-9"));
    }
}

/// <summary>A receipt is bound to its subject: presented by another person, it is refused.</summary>
public abstract class ReceiptSubjectBindingContract
{
    protected abstract StoreUnderTest NewStore(StoreSettings? settings = null);

    [Fact]
    public void A_receipt_presented_for_another_subject_is_refused_and_audited()
    {
        using var test = NewStore();
        var theirs = test.Consents.Grant<GateEntry>(new ConsentGrant("resident-7") { AgeBand = FacialAgeBand.Adult });
        test.Consents.Grant<GateEntry>(new ConsentGrant("resident-8") { AgeBand = FacialAgeBand.Adult });

        var error = Assert.Throws<ConsentRequiredException>(() => test.Consents.EnsureValid(theirs, "resident-8"));

        Assert.Equal(ConsentRejection.OtherSubject, error.Reason);
        Assert.Equal("resident-8", error.SubjectId);
        Assert.Contains("was issued to another subject, not to 'resident-8'", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("resident-7", error.Message, StringComparison.Ordinal);
        var last = test.Audit.Read().Last();
        Assert.Equal((AuditAction.ConsentRejected, "resident-8", "OtherSubject"), (last.Action, last.SubjectId, last.Detail));
        test.Consents.EnsureValid(theirs, "resident-7");
        Assert.Equal(last.Sequence, test.Audit.Read().Last().Sequence);
    }
}

public sealed class SqliteCurrentReceiptContract : CurrentReceiptContract
{
    protected override StoreUnderTest NewStore(StoreSettings? settings = null) => new SqliteStoreUnderTest(settings ?? new StoreSettings());
}

public sealed class PostgreSqlCurrentReceiptContract : CurrentReceiptContract
{
    protected override StoreUnderTest NewStore(StoreSettings? settings = null) => new PostgreSqlStoreUnderTest(settings ?? new StoreSettings());
}

public sealed class SqliteReceiptSubjectBindingContract : ReceiptSubjectBindingContract
{
    protected override StoreUnderTest NewStore(StoreSettings? settings = null) => new SqliteStoreUnderTest(settings ?? new StoreSettings());
}

public sealed class PostgreSqlReceiptSubjectBindingContract : ReceiptSubjectBindingContract
{
    protected override StoreUnderTest NewStore(StoreSettings? settings = null) => new PostgreSqlStoreUnderTest(settings ?? new StoreSettings());
}
