using System;
using Xunit;

namespace FaceCompliance.Stores.Tests;

/// <summary>Consents per person and purpose, and templates per person, are bounded; a refusal names the limit and writes nothing.</summary>
public abstract class LimitContract
{
    protected abstract StoreUnderTest NewStore(StoreSettings? settings = null);

    [Fact]
    public void A_consent_beyond_the_live_consents_limit_is_refused_naming_the_limit()
    {
        using var test = NewStore(new StoreSettings(MaxConsentsPerSubjectAndPurpose: 3));
        for (var i = 0; i < 3; i++)
        {
            test.Consents.Grant<GateEntry>(new ConsentGrant("resident-7") { AgeBand = FacialAgeBand.Adult });
        }

        var recordsBefore = test.Count("audit");
        var error = Assert.Throws<FacialDataLimitExceededException>(() => test.Consents.Grant<GateEntry>(new ConsentGrant("resident-7") { AgeBand = FacialAgeBand.Adult }));

        Assert.Equal(("MaxConsentsPerSubjectAndPurpose", 3, "resident-7"), (error.LimitName, error.Limit, error.SubjectId));
        Assert.Contains("already holds 3 live consents to purpose", error.Message, StringComparison.Ordinal);
        Assert.Contains("(MaxConsentsPerSubjectAndPurpose = 3)", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, test.Count("consents"));
        Assert.Equal(recordsBefore, test.Count("audit"));
        // Another purpose and another person have limits of their own.
        test.Consents.Grant<VisitorCheck>(new ConsentGrant("resident-7"));
        test.Consents.Grant<GateEntry>(new ConsentGrant("resident-8") { AgeBand = FacialAgeBand.Adult });
        Assert.Equal(5, test.Count("consents"));
    }

    [Fact]
    public void Withdrawn_and_expired_consents_do_not_count_towards_the_limit()
    {
        using var test = NewStore(new StoreSettings(MaxConsentsPerSubjectAndPurpose: 1));
        test.Consents.Grant<GateEntry>(new ConsentGrant("resident-7") { AgeBand = FacialAgeBand.Adult });
        test.Consents.Withdraw<GateEntry>("resident-7");
        test.Consents.Grant<GateEntry>(new ConsentGrant("resident-7") { AgeBand = FacialAgeBand.Adult, ValidFor = TimeSpan.FromDays(1) });
        test.Clock.Advance(TimeSpan.FromDays(1));

        var third = test.Consents.Grant<GateEntry>(new ConsentGrant("resident-7") { AgeBand = FacialAgeBand.Adult });

        Assert.Equal(3, test.Count("consents"));
        Assert.Equal(third.Id, test.Consents.GetValidReceipt<GateEntry>("resident-7").Id);
    }

    [Fact]
    public void A_template_beyond_the_per_person_limit_is_refused_naming_the_limit()
    {
        using var test = NewStore(new StoreSettings(MaxTemplatesPerSubject: 2));
        var receipt = test.Consents.Grant<GateEntry>(new ConsentGrant("resident-7") { AgeBand = FacialAgeBand.Adult });
        test.Templates.Enroll(receipt, StoreUnderTest.Template(1));
        test.Templates.Enroll(receipt, StoreUnderTest.Template(2));

        var error = Assert.Throws<FacialDataLimitExceededException>(() => test.Templates.Enroll(receipt, StoreUnderTest.Template(3)));

        Assert.Equal(("MaxTemplatesPerSubject", 2, "resident-7"), (error.LimitName, error.Limit, error.SubjectId));
        Assert.Contains("already has 2 templates stored, the limit (MaxTemplatesPerSubject = 2)", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, test.Count("templates"));
        var other = test.Consents.Grant<GateEntry>(new ConsentGrant("resident-8") { AgeBand = FacialAgeBand.Adult });
        test.Templates.Enroll(other, StoreUnderTest.Template(4));
        Assert.Equal(3, test.Count("templates"));
    }
}

public sealed class SqliteLimitContract : LimitContract
{
    protected override StoreUnderTest NewStore(StoreSettings? settings = null) => new SqliteStoreUnderTest(settings ?? new StoreSettings());
}

public sealed class PostgreSqlLimitContract : LimitContract
{
    protected override StoreUnderTest NewStore(StoreSettings? settings = null) => new PostgreSqlStoreUnderTest(settings ?? new StoreSettings());
}
