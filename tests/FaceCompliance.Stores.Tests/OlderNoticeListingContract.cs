using System;
using System.Linq;
using Xunit;

namespace FaceCompliance.Stores.Tests;

/// <summary>
/// Measures Art. 5 §2: the registry lists the people whose current consent to a purpose was given to an older notice
/// version, in real storage. A receipt of an older version is written as the registry wrote it before the
/// notice changed: the notice version column holds the old version.
/// </summary>
public abstract class OlderNoticeListingContract
{
    protected abstract StoreUnderTest NewStore(StoreSettings? settings = null);

    private const string OldVersion = "0123456789abcdef";

    [Fact]
    public void Lists_each_person_whose_latest_live_consent_is_on_an_older_notice()
    {
        using var test = NewStore();
        var onOld = Grant(test, "resident-1");
        Grant(test, "resident-2");
        test.Clock.Advance(TimeSpan.FromMinutes(1));
        var renewedOld = Grant(test, "resident-3");
        test.Clock.Advance(TimeSpan.FromMinutes(1));
        Grant(test, "resident-3");
        var laterOld = Grant(test, "resident-4");
        test.Clock.Advance(TimeSpan.FromMinutes(1));
        var latestOld = Grant(test, "resident-4");
        Grant(test, "resident-5");
        SetVersion(test, OldVersion, onOld.Id, renewedOld.Id, laterOld.Id, latestOld.Id);
        SetVersion(test, "fedcba9876543210", laterOld.Id);
        test.Consents.Grant<VisitorCheck>(new ConsentGrant("resident-6") { AgeBand = FacialAgeBand.Adult });

        var listed = test.Consents.ListConsentsOnOlderNotice<GateEntry>();

        // resident-2 and -5 consented to the current notice; resident-3 consented again to it; resident-6 is another purpose's.
        Assert.Equal(new[] { "resident-1", "resident-4" }, listed.Select(c => c.SubjectId));
        Assert.Equal(new[] { onOld.Id, latestOld.Id }, listed.Select(c => c.ReceiptId));
        Assert.All(listed, c => Assert.Equal(OldVersion, c.NoticeVersion));
        Assert.Equal(onOld.GivenAt, listed[0].GivenAt);
    }

    [Fact]
    public void Withdrawn_and_expired_consents_are_not_listed_and_the_listing_survives_reopening_the_store()
    {
        using var test = NewStore();
        var withdrawn = Grant(test, "resident-1");
        var expiring = test.Consents.Grant<GateEntry>(new ConsentGrant("resident-2") { AgeBand = FacialAgeBand.Adult, ValidFor = TimeSpan.FromDays(1) });
        var kept = Grant(test, "resident-3");
        SetVersion(test, OldVersion, withdrawn.Id, expiring.Id, kept.Id);
        test.Consents.Withdraw<GateEntry>("resident-1");

        Assert.Equal(new[] { "resident-2", "resident-3" }, test.Consents.ListConsentsOnOlderNotice<GateEntry>().Select(c => c.SubjectId));

        using var reopened = test.OpenAgain(StoreUnderTest.MasterKey);
        test.Clock.Advance(TimeSpan.FromDays(1));

        var listed = Assert.Single(reopened.Consents.ListConsentsOnOlderNotice<GateEntry>());
        Assert.Equal("resident-3", listed.SubjectId);
        Assert.Equal(OldVersion, listed.NoticeVersion);
    }

    [Fact]
    public void Nobody_is_listed_when_every_consent_is_on_the_current_notice()
    {
        using var test = NewStore();
        Grant(test, "resident-1");
        Grant(test, "resident-2");

        Assert.Empty(test.Consents.ListConsentsOnOlderNotice<GateEntry>());
    }

    private static ConsentReceipt<GateEntry> Grant(StoreUnderTest test, string subject) =>
        test.Consents.Grant<GateEntry>(new ConsentGrant(subject) { AgeBand = FacialAgeBand.Adult });

    private static void SetVersion(StoreUnderTest test, string version, params string[] receiptIds)
    {
        foreach (var id in receiptIds)
        {
            Assert.Equal(1, test.ExecuteRaw("UPDATE consents SET notice_version = @version WHERE receipt_id = @id", ("@version", version), ("@id", id)));
        }
    }
}

public sealed class SqliteOlderNoticeListingContract : OlderNoticeListingContract
{
    protected override StoreUnderTest NewStore(StoreSettings? settings = null) => new SqliteStoreUnderTest(settings ?? new StoreSettings());
}

public sealed class PostgreSqlOlderNoticeListingContract : OlderNoticeListingContract
{
    protected override StoreUnderTest NewStore(StoreSettings? settings = null) => new PostgreSqlStoreUnderTest(settings ?? new StoreSettings());
}
