using System;
using System.Collections.Generic;
using Xunit;

namespace FaceCompliance.Stores.Tests;

/// <summary>Bad input gets an exception that names the problem, and nothing is half-written.</summary>
public abstract class BadInputContract
{
    protected abstract StoreUnderTest NewStore(StoreSettings? settings = null);

    [Fact]
    public void A_template_of_the_wrong_length_changes_nothing_stored()
    {
        using var test = NewStore();
        var receipt = test.Consents.Grant<GateEntry>(new ConsentGrant("resident-7") { AgeBand = FacialAgeBand.Adult });
        var auditBefore = test.Count("audit");

        var enrol = Assert.Throws<ArgumentException>(() => test.Templates.Enroll(receipt, StoreUnderTest.Template(1, dimension: 7)));
        var verify = Assert.Throws<ArgumentException>(() => test.Templates.Verify(receipt, StoreUnderTest.Template(1, dimension: 512), 0.5f).Similarity);

        Assert.Equal("This store holds templates of 8 values; this one has 7. (Parameter 'template')", enrol.Message);
        Assert.Contains("has 512", verify.Message, StringComparison.Ordinal);
        Assert.Equal(0, test.Count("templates"));
        Assert.Equal(0, test.Count("subject_keys"));
        Assert.Equal(auditBefore, test.Count("audit"));
    }

    [Fact]
    public void Unknown_subjects_get_a_clear_exception_and_nothing_is_written()
    {
        using var test = NewStore();
        var receipt = test.Consents.Grant<GateEntry>(new ConsentGrant("resident-7") { AgeBand = FacialAgeBand.Adult });
        var auditBefore = test.Count("audit");

        var verify = Assert.Throws<KeyNotFoundException>(() => test.Templates.Verify(receipt, StoreUnderTest.Template(1), 0.5f).Similarity);
        var delete = Assert.Throws<KeyNotFoundException>(() => test.Templates.DeleteSubject("nobody"));
        var withdraw = Assert.Throws<KeyNotFoundException>(() => test.Consents.Withdraw<GateEntry>("nobody"));

        Assert.Equal($"Subject 'resident-7' has no template for purpose '{GateEntry.PurposeId}'; enrol first.", verify.Message);
        Assert.Equal("Subject 'nobody' has no facial data stored.", delete.Message);
        Assert.Equal($"Subject 'nobody' has no consent to purpose '{GateEntry.PurposeId}' to withdraw.", withdraw.Message);
        Assert.Equal(auditBefore + 1, test.Count("audit"));
        Assert.Equal(0, test.Count("subject_keys"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("line\nbreak")]
    public void Malformed_subject_ids_are_refused_before_anything_is_written(string subject)
    {
        using var test = NewStore();

        Assert.Throws<ArgumentException>(() => test.Consents.Grant<GateEntry>(new ConsentGrant(subject) { AgeBand = FacialAgeBand.Adult }));
        Assert.Throws<ArgumentException>(() => test.Templates.DeleteSubject(subject));

        Assert.Equal(0, test.Count("consents"));
        Assert.Equal(0, test.Count("audit"));
    }

    [Fact]
    public void Guardian_rules_for_people_under_14_are_enforced_when_consent_is_recorded()
    {
        using var test = NewStore();

        var noGuardian = Assert.Throws<ArgumentException>(() => test.Consents.Grant<GateEntry>(new ConsentGrant("child") { AgeBand = FacialAgeBand.Under14 }));
        var adultWithGuardian = Assert.Throws<ArgumentException>(() => test.Consents.Grant<GateEntry>(new ConsentGrant("adult") { AgeBand = FacialAgeBand.Adult, GuardianId = "parent" }));
        var adultsOnlyPurpose = Assert.Throws<ArgumentException>(() => test.Consents.Grant<VisitorCheck>(new ConsentGrant("child") { AgeBand = FacialAgeBand.Under14, GuardianId = "parent" }));

        Assert.Contains("only a parent or guardian may consent (Measures Art. 7; PIPL Art. 31)", noGuardian.Message, StringComparison.Ordinal);
        Assert.Contains("only for a subject under 14", adultWithGuardian.Message, StringComparison.Ordinal);
        Assert.Contains("does not declare MayInvolveMinors", adultsOnlyPurpose.Message, StringComparison.Ordinal);
        Assert.Equal(0, test.Count("consents"));
    }
}

public sealed class SqliteBadInputContract : BadInputContract
{
    protected override StoreUnderTest NewStore(StoreSettings? settings = null) => new SqliteStoreUnderTest(settings ?? new StoreSettings());
}

public sealed class PostgreSqlBadInputContract : BadInputContract
{
    protected override StoreUnderTest NewStore(StoreSettings? settings = null) => new PostgreSqlStoreUnderTest(settings ?? new StoreSettings());
}
