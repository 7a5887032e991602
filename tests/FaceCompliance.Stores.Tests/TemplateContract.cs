using System;
using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace FaceCompliance.Stores.Tests;

/// <summary>The encrypted template store's contract (<see cref="IFaceTemplateStore"/>), the same for every store.</summary>
public abstract class TemplateContract
{
    protected abstract StoreUnderTest NewStore(StoreSettings? settings = null);

    private static ConsentReceipt<GateEntry> Consent(StoreUnderTest test, string subject) =>
        test.Consents.Grant<GateEntry>(new ConsentGrant(subject) { AgeBand = FacialAgeBand.Adult });

    [Fact]
    public void An_enrolled_person_matches_their_own_template_and_not_another()
    {
        using var test = NewStore();
        var receipt = Consent(test, "resident-1");
        var templateId = test.Templates.Enroll(receipt, StoreUnderTest.Template(1));

        var same = test.Templates.Verify(receipt, StoreUnderTest.Template(1), 0.9f);
        var other = test.Templates.Verify(receipt, StoreUnderTest.Template(2), 0.9f);

        Assert.True(same.IsMatch);
        Assert.Equal(1f, same.Similarity, 4);
        Assert.False(other.IsMatch);
        Assert.Equal([templateId], test.Templates.ListTemplates("resident-1").Select(t => t.TemplateId));
        Assert.Equal(1, test.Templates.PeopleStored);
        Assert.Equal(["resident-1"], test.Templates.SubjectsStored());
        var actions = test.Audit.Read().Select(r => r.Action).ToList();
        Assert.Equal([AuditAction.ConsentGranted, AuditAction.Enrolled, AuditAction.Verified, AuditAction.Verified], actions);
    }

    [Fact]
    public void Deleting_a_person_removes_their_templates_and_destroys_their_data_key()
    {
        using var test = NewStore();
        var receipt = Consent(test, "resident-1");
        test.Templates.Enroll(receipt, StoreUnderTest.Template(1));
        test.Templates.Enroll(receipt, StoreUnderTest.Template(2));
        var subjectsChanged = 0;
        test.Templates.SubjectsChanged += (_, _) => subjectsChanged++;

        Assert.Equal(2, test.Templates.DeleteSubject("resident-1"));

        Assert.Equal(0, test.Templates.PeopleStored);
        Assert.Empty(test.Templates.SubjectsStored());
        Assert.Equal(1, subjectsChanged);
        Assert.Throws<KeyNotFoundException>(() => test.Templates.Verify(receipt, StoreUnderTest.Template(1), 0.5f));
        Assert.Throws<KeyNotFoundException>(() => test.Templates.DeleteSubject("resident-1"));
        Assert.Contains(test.Audit.Read(), r => r.Action == AuditAction.Deleted && r.Detail == "2 template(s) deleted, data key destroyed");
    }

    [Fact]
    public void A_damaged_ciphertext_is_quarantined_and_the_other_template_keeps_matching()
    {
        using var test = NewStore();
        var receipt = Consent(test, "resident-1");
        var damaged = test.Templates.Enroll(receipt, StoreUnderTest.Template(1));
        test.Templates.Enroll(receipt, StoreUnderTest.Template(2));
        test.DamageCiphertext(damaged);

        Assert.True(test.Templates.Verify(receipt, StoreUnderTest.Template(2), 0.9f).IsMatch);

        Assert.Equal([damaged], test.Templates.ListTemplates("resident-1").Where(t => t.Quarantined).Select(t => t.TemplateId));
        Assert.Single(test.Audit.Read(), r => r.Action == AuditAction.TemplateQuarantined && r.Detail!.Contains(damaged, StringComparison.Ordinal));
        Assert.True(test.Audit.Verify().IsValid);
    }

    [Fact]
    public void When_every_template_is_damaged_verification_says_so_and_deletion_still_removes_them()
    {
        using var test = NewStore();
        var receipt = Consent(test, "resident-1");
        test.DamageCiphertext(test.Templates.Enroll(receipt, StoreUnderTest.Template(1)));
        test.DamageCiphertext(test.Templates.Enroll(receipt, StoreUnderTest.Template(2)));

        var missing = Assert.Throws<KeyNotFoundException>(() => test.Templates.Verify(receipt, StoreUnderTest.Template(1), 0.5f));

        Assert.Equal($"Subject 'resident-1' has no usable template for purpose '{GateEntry.PurposeId}': 2 quarantined as damaged; enrol again.", missing.Message);
        Assert.Equal(2, test.Audit.Read().Count(r => r.Action == AuditAction.TemplateQuarantined));
        Assert.Equal(2, test.Templates.DeleteSubject("resident-1"));
        Assert.Equal(0, test.Count("templates"));
        Assert.True(test.Audit.Verify().IsValid);
    }

    [Fact]
    public void A_damaged_data_key_refuses_verification_and_is_audited()
    {
        using var test = NewStore();
        var receipt = Consent(test, "resident-1");
        test.Templates.Enroll(receipt, StoreUnderTest.Template(1));
        test.DamageSubjectKey("resident-1");

        Assert.Throws<FacialDataDamagedException>(() => test.Templates.Verify(receipt, StoreUnderTest.Template(1), 0.5f));
        Assert.Throws<FacialDataDamagedException>(() => test.Templates.Enroll(receipt, StoreUnderTest.Template(2)));

        Assert.Equal(2, test.Audit.Read().Count(r => r.Action == AuditAction.SubjectKeyDamaged));
        Assert.Equal(1, test.Templates.DeleteSubject("resident-1"));
    }
}

public sealed class SqliteTemplateContract : TemplateContract
{
    protected override StoreUnderTest NewStore(StoreSettings? settings = null) => new SqliteStoreUnderTest(settings ?? new StoreSettings());
}

public sealed class PostgreSqlTemplateContract : TemplateContract
{
    protected override StoreUnderTest NewStore(StoreSettings? settings = null) => new PostgreSqlStoreUnderTest(settings ?? new StoreSettings());
}
