using System;
using System.Linq;
using Xunit;

namespace FaceCompliance.Stores.Tests;

/// <summary>Templates are deleted when their purpose's generated retention period ends (Measures Art. 8 §2; PIPL Art. 47).</summary>
public abstract class PurgeContract
{
    protected abstract StoreUnderTest NewStore(StoreSettings? settings = null);

    [Fact]
    public void Templates_past_their_purposes_retention_are_purged_with_their_keys()
    {
        using var test = NewStore();
        var gate = test.Consents.Grant<GateEntry>(new ConsentGrant("resident-7") { AgeBand = FacialAgeBand.Adult });
        var visitor = test.Consents.Grant<VisitorCheck>(new ConsentGrant("visitor-1"));
        test.Templates.Enroll(gate, StoreUnderTest.Template(1));
        test.Templates.Enroll(visitor, StoreUnderTest.Template(2));

        test.Clock.Advance(VisitorCheck.RetentionPeriod - TimeSpan.FromSeconds(1));
        Assert.Equal(0, test.Templates.PurgeExpired());

        test.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, test.Templates.PurgeExpired());
        Assert.Equal(1, test.Count("templates"));
        Assert.Equal(1, test.Templates.PeopleStored);

        test.Clock.Advance(GateEntry.RetentionPeriod);
        Assert.Equal(1, test.Templates.PurgeExpired());
        Assert.Equal(0, test.Count("templates"));
        Assert.Equal(0, test.Count("subject_keys"));

        var purged = test.Audit.Read().Where(r => r.Action == AuditAction.Purged).ToList();
        Assert.Equal([VisitorCheck.PurposeId, GateEntry.PurposeId], purged.Select(r => r.PurposeId));
        Assert.All(purged, r => Assert.EndsWith("past its retention", r.Detail, StringComparison.Ordinal));
        Assert.True(test.Audit.Verify().IsValid);
    }

    [Fact]
    public void The_schedule_comes_from_the_generated_declaration()
    {
        Assert.Equal(TimeSpan.FromDays(30), GateEntry.RetentionPeriod);
        Assert.Same(GateEntry.Info, FacialPurposeRegistry.Get(GateEntry.PurposeId));
        Assert.Same(VisitorCheck.Info, FacialPurposeRegistry.Get(VisitorCheck.PurposeId));
    }

    [Fact]
    public void A_consent_that_outlives_the_template_does_not_keep_it()
    {
        using var test = NewStore();
        var receipt = test.Consents.Grant<VisitorCheck>(new ConsentGrant("visitor-1") { ValidFor = TimeSpan.FromDays(365) });
        test.Templates.Enroll(receipt, StoreUnderTest.Template(1));
        test.Clock.Advance(VisitorCheck.RetentionPeriod);

        Assert.Equal(1, test.Templates.PurgeExpired());
        Assert.Null(test.Consents.Check(receipt));
        Assert.Throws<System.Collections.Generic.KeyNotFoundException>(() => test.Templates.Verify(receipt, StoreUnderTest.Template(1), 0.5f).Similarity);
    }
}

public sealed class SqlitePurgeContract : PurgeContract
{
    protected override StoreUnderTest NewStore(StoreSettings? settings = null) => new SqliteStoreUnderTest(settings ?? new StoreSettings());
}

public sealed class PostgreSqlPurgeContract : PurgeContract
{
    protected override StoreUnderTest NewStore(StoreSettings? settings = null) => new PostgreSqlStoreUnderTest(settings ?? new StoreSettings());
}
