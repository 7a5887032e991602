using System;
using System.Linq;
using Xunit;

namespace FaceCompliance.Stores.Tests;

/// <summary>Editing the audit table in storage is found at the edited row.</summary>
public abstract class AuditTamperContract
{
    protected abstract StoreUnderTest NewStore(StoreSettings? settings = null);

    [Theory]
    [InlineData("detail = 'nothing happened'")]
    [InlineData("subject_id = 'someone-else'")]
    [InlineData("outcome = 2")]
    [InlineData("time = time + 1")]
    [InlineData("actor = 'intruder'")]
    public void Editing_one_audit_row_is_detected_at_that_row(string edit)
    {
        using var test = NewStore();
        for (var i = 0; i < 5; i++)
        {
            var receipt = test.Consents.Grant<GateEntry>(new ConsentGrant("resident-" + i) { AgeBand = FacialAgeBand.Adult });
            test.Templates.Enroll(receipt, StoreUnderTest.Template(i));
        }

        Assert.True(test.Audit.Verify().IsValid);
        Execute(test, $"UPDATE audit SET {edit} WHERE sequence = 6");

        var verification = test.Audit.Verify();

        Assert.False(verification.IsValid);
        Assert.Equal(6, verification.FirstInvalidSequence);
        Assert.StartsWith("altered", verification.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Deleting_an_audit_row_is_detected_where_the_gap_is()
    {
        using var test = NewStore();
        for (var i = 0; i < 4; i++)
        {
            test.Consents.Grant<GateEntry>(new ConsentGrant("resident-" + i) { AgeBand = FacialAgeBand.Adult });
        }

        Execute(test, "DELETE FROM audit WHERE sequence = 3");

        var verification = test.Audit.Verify();
        Assert.Equal(3, verification.FirstInvalidSequence);
        Assert.StartsWith("missing record", verification.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Audit_details_are_only_the_known_short_texts_never_template_values()
    {
        using var test = NewStore();
        var template = StoreUnderTest.Template(42);
        var receipt = test.Consents.Grant<GateEntry>(new ConsentGrant("resident-7") { AgeBand = FacialAgeBand.Adult });
        test.Templates.Enroll(receipt, template);
        test.Templates.Verify(receipt, template, 0.5f);
        test.Clock.Advance(GateEntry.RetentionPeriod);
        test.Templates.PurgeExpired();
        test.Consents.Withdraw<GateEntry>("resident-7");

        var details = test.Audit.Read().Select(r => r.Detail ?? "").ToList();

        // Every detail the store writes has one of these shapes: ids, counts, a similarity and a reason, no vector.
        var allowed = new System.Text.RegularExpressions.Regex(
            @"^(|(Separate|Written) consent to notice [0-9a-f]{16}, age band (Adult|Under14|Unknown), scopes (Processing only|[A-Za-z ]+)(, given by a guardian for a subject under 14)?|template [0-9a-f]{32}( past its retention)?"
            + @"|best similarity -?\d\.\d{3}, threshold -?\d\.\d{3}: (match|no match)|no template enrolled|\d+ consent\(s\) withdrawn|\d+ template\(s\) deleted(, data key destroyed)?|(Forged|Tampered|WrongPurpose|Withdrawn|Expired|OldNotice|AgeUnknown|ScopeMissing))$");
        Assert.Equal(6, details.Count);
        Assert.All(details, detail => Assert.Matches(allowed, detail));
    }

    [Fact]
    public void Records_younger_than_3_years_cannot_be_purged()
    {
        using var test = NewStore();
        test.Consents.Grant<GateEntry>(new ConsentGrant("resident-1") { AgeBand = FacialAgeBand.Adult });

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => test.Audit.PurgeRecordsBefore(test.Clock.Now.AddYears(-3).AddSeconds(1)));

        Assert.Contains("at least 3 years (Measures Art. 9)", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, test.Count("audit"));
    }

    [Fact]
    public void After_purging_old_records_the_rest_still_verifies_and_the_chain_goes_on()
    {
        using var test = NewStore();
        test.Consents.Grant<GateEntry>(new ConsentGrant("resident-1") { AgeBand = FacialAgeBand.Adult });
        test.Consents.Grant<GateEntry>(new ConsentGrant("resident-2") { AgeBand = FacialAgeBand.Adult });
        test.Clock.Advance(TimeSpan.FromDays(400));
        test.Consents.Grant<GateEntry>(new ConsentGrant("resident-3") { AgeBand = FacialAgeBand.Adult });
        var cutoff = test.Clock.Now;
        test.Clock.Advance(TimeSpan.FromDays(3 * 366));

        Assert.Equal(2, test.Audit.PurgeRecordsBefore(cutoff));

        Assert.Equal([3L], test.Audit.Read().Select(r => r.Sequence));
        Assert.True(test.Audit.Verify().IsValid);
        Assert.Equal(1, test.Audit.PurgeRecordsBefore(test.Clock.Now.AddYears(-3)));
        test.Consents.Grant<GateEntry>(new ConsentGrant("resident-4") { AgeBand = FacialAgeBand.Adult });
        Assert.Equal([4L], test.Audit.Read().Select(r => r.Sequence));
        Assert.True(test.Audit.Verify().IsValid);
        test.ZeroAuditAnchor();
        Assert.Equal(4, test.Audit.Verify().FirstInvalidSequence);
    }

    private static void Execute(StoreUnderTest test, string sql) => Assert.Equal(1, test.ExecuteRaw(sql));
}

public sealed class SqliteAuditTamperContract : AuditTamperContract
{
    protected override StoreUnderTest NewStore(StoreSettings? settings = null) => new SqliteStoreUnderTest(settings ?? new StoreSettings());
}

public sealed class PostgreSqlAuditTamperContract : AuditTamperContract
{
    protected override StoreUnderTest NewStore(StoreSettings? settings = null) => new PostgreSqlStoreUnderTest(settings ?? new StoreSettings());
}
