using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.Data.Sqlite;
using Xunit;

namespace FaceCompliance.Sqlite.Tests;

/// <summary>Audit queries by subject, kind and time read one indexed page; application events join the same chain.</summary>
public sealed class AuditQueryTests
{
    private const int Records = 10_000;
    private const int Subjects = 100;

    [Fact]
    public void A_page_by_subject_out_of_10000_records_returns_the_page_and_the_next_page_continues_exactly()
    {
        using var test = new TestStore();
        Fill(test);

        var first = test.Audit.Query(new AuditQuery { SubjectId = "resident-7", Limit = 50 });
        var second = test.Audit.Query(new AuditQuery { SubjectId = "resident-7", Limit = 50, AfterSequence = first[^1].Sequence });
        var third = test.Audit.Query(new AuditQuery { SubjectId = "resident-7", Limit = 50, AfterSequence = second[^1].Sequence });

        Assert.Equal(50, first.Count);
        Assert.Equal(50, second.Count);
        Assert.Empty(third);
        var expected = Enumerable.Range(0, Records).Where(i => i % Subjects == 7).Select(i => (long)i + 1).ToList();
        Assert.Equal(expected, first.Concat(second).Select(r => r.Sequence));
        Assert.All(first.Concat(second), r => Assert.Equal("resident-7", r.SubjectId));
        Assert.True(test.Audit.Verify().IsValid);
    }

    [Fact]
    public void Kind_and_time_range_select_exactly_the_matching_records()
    {
        using var test = new TestStore();
        Fill(test);
        var start = test.Clock.Now;

        var refusals = test.Audit.Query(new AuditQuery { SubjectId = "resident-7", Action = AuditAction.FaceProcessingRefused, Limit = 1000 });
        // Record i was written at start + i seconds (Fill); the range holds records 2000 to 2999.
        var window = test.Audit.Query(new AuditQuery { From = start.AddSeconds(2000 - Records), Until = start.AddSeconds(3000 - Records), Limit = 1000 });

        Assert.Equal(Enumerable.Range(0, Records).Where(i => i % Subjects == 7 && i % 2 == 1).Select(i => (long)i + 1), refusals.Select(r => r.Sequence));
        Assert.Equal(Enumerable.Range(2001, 1000).Select(i => (long)i), window.Select(r => r.Sequence));
    }

    [Theory]
    [InlineData("subject", "audit_subject")]
    [InlineData("action", "audit_action")]
    [InlineData("time", "audit_time")]
    public void Each_condition_is_served_by_its_index_not_a_scan_of_the_trail(string condition, string index)
    {
        using var test = new TestStore();
        Fill(test);
        var query = condition switch
        {
            "subject" => new AuditQuery { SubjectId = "resident-7", Limit = 50 },
            "action" => new AuditQuery { Action = AuditAction.ApplicationEvent, Limit = 50 },
            _ => new AuditQuery { From = test.Clock.Now.AddHours(-1), Until = test.Clock.Now, Limit = 50 },
        };
        var (sql, parameters) = SqliteAuditTrail.QuerySql(query);

        using var connection = test.Raw();
        using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        var plan = new List<string>();
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                plan.Add(reader.GetString(3));
            }
        }

        Assert.Contains(plan, step => step.Contains("USING INDEX " + index, StringComparison.Ordinal) || step.Contains("USING COVERING INDEX " + index, StringComparison.Ordinal));
    }

    [Fact]
    public void An_application_event_is_appended_to_the_same_chain_and_found_by_kind()
    {
        using var test = new TestStore();
        test.Consents.Grant<GateEntry>(new ConsentGrant("resident-7") { AgeBand = FacialAgeBand.Adult });

        var record = test.Audit.RecordApplicationEvent("resident-7", AuditOutcome.Refused, "wrong PIN at gate 1 (3rd attempt)");

        Assert.Equal((2L, AuditAction.ApplicationEvent, AuditOutcome.Refused), (record.Sequence, record.Action, record.Outcome));
        Assert.Equal(new[] { record }, test.Audit.Query(new AuditQuery { Action = AuditAction.ApplicationEvent }));
        Assert.True(test.Audit.Verify().IsValid);
    }

    [Theory]
    [InlineData(201, "at most 200 characters")]
    [InlineData(0, "must not be empty")]
    public void An_application_event_detail_is_bounded(int length, string expected)
    {
        using var test = new TestStore();

        var error = Assert.Throws<ArgumentException>(() => test.Audit.RecordApplicationEvent(null, AuditOutcome.Succeeded, new string('x', length)));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Empty(test.Audit.Read());
    }

    [Fact]
    public void A_forged_line_in_an_application_event_detail_is_refused()
    {
        using var test = new TestStore();

        var error = Assert.Throws<ArgumentException>(() => test.Audit.RecordApplicationEvent(null, AuditOutcome.Succeeded, "card 12\nforged line"));

        Assert.Contains("control character U+000A", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(AuditQuery.MaxLimit + 1)]
    public void A_page_outside_1_to_1000_is_refused_naming_the_limit(int limit)
    {
        using var test = new TestStore();

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => test.Audit.Query(new AuditQuery { Limit = limit }));

        Assert.Contains("1 to 1000 records at a time", error.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// Writes 10,000 records in one transaction, one second apart, ending at the test clock's time: record i (sequence
    /// i + 1) is about resident-(i mod 100), an application event when i is even and a refusal when odd.
    /// </summary>
    private static void Fill(TestStore test)
    {
        var database = new SqliteDatabase(test.Path);
        var audit = (SqliteAuditTrail)test.Audit;
        var end = test.Clock.Now;
        database.Write((connection, transaction) =>
        {
            for (var i = 0; i < Records; i++)
            {
                test.Clock.Now = end.AddSeconds(i - Records);
                audit.Append(connection, transaction, i % 2 == 0 ? AuditAction.ApplicationEvent : AuditAction.FaceProcessingRefused,
                    "resident-" + (i % Subjects).ToString(CultureInfo.InvariantCulture), null, null, AuditOutcome.Succeeded, "event " + i.ToString(CultureInfo.InvariantCulture));
            }

            return 0;
        });
        test.Clock.Now = end;
        database.ClearPool();
    }
}

/// <summary>A version-3 file gets the audit indexes when opened, and keeps its records and chain.</summary>
public sealed class AuditIndexMigrationTests
{
    [Fact]
    public void Opening_a_version_3_file_adds_the_audit_indexes_and_keeps_the_chain()
    {
        using var old = new TestStore();
        old.Consents.Grant<GateEntry>(new ConsentGrant("resident-7") { AgeBand = FacialAgeBand.Adult });
        old.Audit.RecordApplicationEvent("resident-7", AuditOutcome.Succeeded, "card entry at gate 1");
        using (var connection = old.Raw())
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "DROP INDEX audit_subject; DROP INDEX audit_action; DROP INDEX audit_time; PRAGMA user_version = 3;";
            command.ExecuteNonQuery();
        }

        using var test = new TestStore(path: old.Path);
        using (var connection = test.Raw())
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT (SELECT user_version FROM pragma_user_version), (SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND name LIKE 'audit_%')";
            using var reader = command.ExecuteReader();
            Assert.True(reader.Read());
            Assert.Equal((4L, 3L), (reader.GetInt64(0), reader.GetInt64(1)));
        }

        Assert.Equal(new long[] { 1, 2 }, test.Audit.Query(new AuditQuery { SubjectId = "resident-7" }).Select(r => r.Sequence));
        Assert.True(test.Audit.Verify().IsValid);
    }
}
