using System;
using System.Linq;
using Xunit;

namespace FaceCompliance.Sqlite.Tests;

/// <summary>Editing the audit table in the file is found at the edited row.</summary>
public sealed class AuditTamperTests
{
    [Theory]
    [InlineData("detail = 'nothing happened'")]
    [InlineData("subject_id = 'someone-else'")]
    [InlineData("outcome = 2")]
    [InlineData("time = time + 1")]
    [InlineData("actor = 'intruder'")]
    public void Editing_one_audit_row_is_detected_at_that_row(string edit)
    {
        using var test = new TestStore();
        for (var i = 0; i < 5; i++)
        {
            var receipt = test.Consents.Grant<GateEntry>(new ConsentGrant("resident-" + i));
            test.Templates.Enroll(receipt, TestStore.Template(i));
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
        using var test = new TestStore();
        for (var i = 0; i < 4; i++)
        {
            test.Consents.Grant<GateEntry>(new ConsentGrant("resident-" + i));
        }

        Execute(test, "DELETE FROM audit WHERE sequence = 3");

        var verification = test.Audit.Verify();
        Assert.Equal(3, verification.FirstInvalidSequence);
        Assert.StartsWith("missing record", verification.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Audit_records_hold_ids_and_outcomes_but_no_template_values()
    {
        using var test = new TestStore();
        var template = TestStore.Template(42);
        var receipt = test.Consents.Grant<GateEntry>(new ConsentGrant("resident-7"));
        test.Templates.Enroll(receipt, template);
        test.Templates.Verify(receipt, template);

        var text = string.Join("\n", test.Audit.Read().Select(r => r.Detail));

        foreach (var value in template.Values.ToArray().Take(4))
        {
            Assert.DoesNotContain(value.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture), text, StringComparison.Ordinal);
        }
    }

    private static void Execute(TestStore test, string sql)
    {
        using var connection = test.Raw();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        Assert.Equal(1, command.ExecuteNonQuery());
    }
}
