using System;
using System.Collections.Generic;
using Xunit;

namespace FaceCompliance.Sqlite.Tests;

/// <summary>Bad input gets an exception that names the problem, and nothing is half-written.</summary>
public sealed class BadInputTests
{
    [Theory]
    [InlineData(float.NaN, "value 3 is NaN")]
    [InlineData(float.PositiveInfinity, "value 3 is Infinity")]
    public void A_template_with_a_non_finite_value_is_refused_before_anything_is_stored(float bad, string expected)
    {
        var values = new float[8];
        Array.Fill(values, 0.5f);
        values[3] = bad;

        var error = Assert.Throws<ArgumentException>(() => new FaceTemplate(values));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_too_long_and_all_zero_templates_are_refused()
    {
        Assert.Contains("has 0", Assert.Throws<ArgumentException>(() => new FaceTemplate([])).Message, StringComparison.Ordinal);
        Assert.Contains("has 4097", Assert.Throws<ArgumentException>(() => new FaceTemplate(new float[4097])).Message, StringComparison.Ordinal);
        Assert.Contains("only zeros", Assert.Throws<ArgumentException>(() => new FaceTemplate(new float[8])).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_template_of_the_wrong_length_changes_nothing_in_the_file()
    {
        using var test = new TestStore(dimension: 8);
        var receipt = test.Consents.Grant<GateEntry>(new ConsentGrant("resident-7") { AgeBand = FacialAgeBand.Adult });
        var auditBefore = test.Count("audit");

        var enrol = Assert.Throws<ArgumentException>(() => test.Templates.Enroll(receipt, TestStore.Template(1, dimension: 7)));
        var verify = Assert.Throws<ArgumentException>(() => test.Templates.Verify(receipt, TestStore.Template(1, dimension: 512), 0.5f).Similarity);

        Assert.Equal("This store holds templates of 8 values; this one has 7. (Parameter 'template')", enrol.Message);
        Assert.Contains("has 512", verify.Message, StringComparison.Ordinal);
        Assert.Equal(0, test.Count("templates"));
        Assert.Equal(0, test.Count("subject_keys"));
        Assert.Equal(auditBefore, test.Count("audit"));
    }

    [Fact]
    public void Unknown_subjects_get_a_clear_exception_and_nothing_is_written()
    {
        using var test = new TestStore();
        var receipt = test.Consents.Grant<GateEntry>(new ConsentGrant("resident-7") { AgeBand = FacialAgeBand.Adult });
        var auditBefore = test.Count("audit");

        var verify = Assert.Throws<KeyNotFoundException>(() => test.Templates.Verify(receipt, TestStore.Template(1), 0.5f).Similarity);
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
        using var test = new TestStore();

        Assert.Throws<ArgumentException>(() => test.Consents.Grant<GateEntry>(new ConsentGrant(subject) { AgeBand = FacialAgeBand.Adult }));
        Assert.Throws<ArgumentException>(() => test.Templates.DeleteSubject(subject));

        Assert.Equal(0, test.Count("consents"));
        Assert.Equal(0, test.Count("audit"));
    }

    [Fact]
    public void Guardian_rules_for_people_under_14_are_enforced_when_consent_is_recorded()
    {
        using var test = new TestStore();

        var noGuardian = Assert.Throws<ArgumentException>(() => test.Consents.Grant<GateEntry>(new ConsentGrant("child") { AgeBand = FacialAgeBand.Under14 }));
        var adultWithGuardian = Assert.Throws<ArgumentException>(() => test.Consents.Grant<GateEntry>(new ConsentGrant("adult") { AgeBand = FacialAgeBand.Adult, GuardianId = "parent" }));
        var adultsOnlyPurpose = Assert.Throws<ArgumentException>(() => test.Consents.Grant<VisitorCheck>(new ConsentGrant("child") { AgeBand = FacialAgeBand.Under14, GuardianId = "parent" }));

        Assert.Contains("only a parent or guardian may consent (Measures Art. 7; PIPL Art. 31)", noGuardian.Message, StringComparison.Ordinal);
        Assert.Contains("only for a subject under 14", adultWithGuardian.Message, StringComparison.Ordinal);
        Assert.Contains("does not declare MayInvolveMinors", adultsOnlyPurpose.Message, StringComparison.Ordinal);
        Assert.Equal(0, test.Count("consents"));
    }

    [Fact]
    public void Options_and_keys_are_checked_when_the_store_opens()
    {
        Assert.Contains("at least 32 random bytes", Assert.Throws<ArgumentException>(() => new FacialDataKeys(new byte[16])).Message, StringComparison.Ordinal);
        var keys = new FacialDataKeys(TestStore.MasterKey);
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "facecompliance-" + Guid.NewGuid().ToString("N") + ".db");
        Assert.Contains("TemplateDimension must be 1 to 4096", Assert.Throws<ArgumentException>(() => SqliteFacialDataStore.Open(path, new FacialDataStoreOptions(keys) { TemplateDimension = 0 })).Message, StringComparison.Ordinal);
        Assert.False(System.IO.File.Exists(path));
    }
}
