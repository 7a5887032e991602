using System;
using System.Linq;
using Xunit;

namespace FaceCompliance.Stores.Tests;

/// <summary>An application reads which templates are stored, and until when, from the store itself: no second database.</summary>
public abstract class TemplateListingContract
{
    protected abstract StoreUnderTest NewStore(StoreSettings? settings = null);

    [Fact]
    public void A_persons_templates_are_listed_soonest_to_expire_first_with_their_times()
    {
        using var test = NewStore();
        var receipt = test.Consents.Grant<GateEntry>(new ConsentGrant("resident-1") { AgeBand = FacialAgeBand.Adult });
        var first = test.Templates.Enroll(receipt, StoreUnderTest.Template(1));
        var enrolledFirst = test.Clock.Now;
        test.Clock.Advance(TimeSpan.FromHours(1));
        var second = test.Templates.Enroll(receipt, StoreUnderTest.Template(2));
        test.Clock.Advance(TimeSpan.FromHours(1));
        var other = test.Consents.Grant<GateEntry>(new ConsentGrant("resident-2") { AgeBand = FacialAgeBand.Adult });
        var others = test.Templates.Enroll(other, StoreUnderTest.Template(3));

        var listed = test.Templates.ListTemplates("resident-1");

        Assert.Equal([first, second], listed.Select(t => t.TemplateId));
        Assert.Equal(new StoredTemplate(first, "resident-1", GateEntry.Info.Id, enrolledFirst, enrolledFirst.AddDays(30), Quarantined: false), listed[0]);
        Assert.Equal([first, second, others], test.Templates.ListTemplates(null).Select(t => t.TemplateId));
        Assert.Equal([first], test.Templates.ListTemplates(null, max: 1).Select(t => t.TemplateId));
        Assert.Empty(test.Templates.ListTemplates("nobody"));
    }

    [Fact]
    public void After_withdrawal_nothing_is_listed_for_the_person()
    {
        using var test = NewStore();
        var receipt = test.Consents.Grant<GateEntry>(new ConsentGrant("resident-1") { AgeBand = FacialAgeBand.Adult });
        test.Templates.Enroll(receipt, StoreUnderTest.Template(1));

        test.Consents.Withdraw<GateEntry>("resident-1");

        Assert.Empty(test.Templates.ListTemplates("resident-1"));
        Assert.Throws<ArgumentOutOfRangeException>(() => test.Templates.ListTemplates(null, max: 0));
    }
}

public sealed class SqliteTemplateListingContract : TemplateListingContract
{
    protected override StoreUnderTest NewStore(StoreSettings? settings = null) => new SqliteStoreUnderTest(settings ?? new StoreSettings());
}

public sealed class PostgreSqlTemplateListingContract : TemplateListingContract
{
    protected override StoreUnderTest NewStore(StoreSettings? settings = null) => new PostgreSqlStoreUnderTest(settings ?? new StoreSettings());
}
