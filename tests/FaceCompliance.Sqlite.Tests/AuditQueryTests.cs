using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.Data.Sqlite;
using Xunit;

namespace FaceCompliance.Sqlite.Tests;

/// <summary>Audit queries by subject, kind and time are served by an index of the SQLite file (the queries themselves: AuditQueryContract in tests/FaceCompliance.Stores.Tests).</summary>
public sealed class AuditQueryTests
{
    private const int Records = 10_000;
    private const int Subjects = 100;

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
        var (sql, parameters) = FaceCompliance.Storage.RelationalAuditTrail.QuerySql(query);

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

    /// <summary>
    /// Writes 10,000 records in one transaction, one second apart, ending at the test clock's time: record i (sequence
    /// i + 1) is about resident-(i mod 100), an application event when i is even and a refusal when odd.
    /// </summary>
    private static void Fill(TestStore test)
    {
        var database = new SqliteDatabase(test.Path);
        var audit = (FaceCompliance.Storage.RelationalAuditTrail)test.Audit;
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
            command.CommandText = "DROP INDEX audit_subject; DROP INDEX audit_action; DROP INDEX audit_time; DROP TABLE subject_requests; DROP TABLE interactions; PRAGMA user_version = 3;";
            command.ExecuteNonQuery();
        }

        using var test = new TestStore(path: old.Path);
        using (var connection = test.Raw())
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT (SELECT user_version FROM pragma_user_version), (SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND name LIKE 'audit_%')";
            using var reader = command.ExecuteReader();
            Assert.True(reader.Read());
            Assert.Equal((6L, 3L), (reader.GetInt64(0), reader.GetInt64(1)));
        }

        Assert.Equal(new long[] { 1, 2 }, test.Audit.Query(new AuditQuery { SubjectId = "resident-7" }).Select(r => r.Sequence));
        Assert.True(test.Audit.Verify().IsValid);
    }
}
