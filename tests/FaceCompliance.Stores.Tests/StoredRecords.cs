using System;
using System.Collections.Generic;
using System.Linq;
using Npgsql;
using Xunit;
using FaceCompliance.Storage;
using FaceCompliance.Stores.NodeWorker;

namespace FaceCompliance.Stores.Tests;

/// <summary>What a PostgreSQL database of the node processes holds, read with plain SQL outside the store.</summary>
public sealed record StoredRecords(
    Dictionary<string, string> ConsentSubjects,
    Dictionary<string, byte[]> SubjectKeys,
    List<(string Template, string Subject, string Purpose, string Receipt, byte[] Ciphertext)> Templates,
    List<(long Sequence, AuditAction Action, string? Subject, string? Receipt, string? Detail, string Actor)> Audit)
{
    public static StoredRecords Read(string connectionString)
    {
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ToString());
        connection.Open();
        using var snapshot = connection.BeginTransaction(System.Data.IsolationLevel.RepeatableRead);
        List<object[]> Rows(string sql)
        {
            using var command = new NpgsqlCommand(sql, connection, snapshot);
            using var reader = command.ExecuteReader();
            var rows = new List<object[]>();
            while (reader.Read())
            {
                var row = new object[reader.FieldCount];
                reader.GetValues(row);
                rows.Add(row.Select(v => v is DBNull ? null! : v).ToArray());
            }

            return rows;
        }

        return new StoredRecords(
            Rows("SELECT receipt_id, subject_id FROM consents").ToDictionary(r => (string)r[0], r => (string)r[1], StringComparer.Ordinal),
            Rows("SELECT subject_id, wrapped_key FROM subject_keys").ToDictionary(r => (string)r[0], r => (byte[])r[1], StringComparer.Ordinal),
            Rows("SELECT template_id, subject_id, purpose_id, receipt_id, ciphertext FROM templates")
                .Select(r => ((string)r[0], (string)r[1], (string)r[2], (string)r[3], (byte[])r[4])).ToList(),
            Rows("SELECT sequence, action, subject_id, receipt_id, detail, actor FROM audit ORDER BY sequence")
                .Select(r => ((long)r[0], (AuditAction)(int)r[1], (string?)r[2], (string?)r[3], (string?)r[4], (string)r[5])).ToList());
    }

    /// <summary>
    /// Checks that the database holds only whole records and every acknowledged write, for a run without withdrawals:
    /// the audit sequence is 1..n; every consent has its ConsentGranted record and every record its consent; every
    /// template its key, its consent and its Enrolled record, and every Enrolled record its template; a key only for
    /// a person with templates; each template decrypts to the person's own; every acknowledged grant and enrolment is there.
    /// </summary>
    public void CheckWholeAndAcknowledged(IEnumerable<NodeProcess> nodes)
    {
        Assert.Equal(Enumerable.Range(1, Audit.Count).Select(i => (long)i), Audit.Select(r => r.Sequence));
        var granted = Audit.Where(r => r.Action == AuditAction.ConsentGranted).ToDictionary(r => r.Receipt!, r => r.Subject!, StringComparer.Ordinal);
        Assert.Equal(ConsentSubjects.OrderBy(p => p.Key, StringComparer.Ordinal), granted.OrderBy(p => p.Key, StringComparer.Ordinal));
        var enrolled = Audit.Where(r => r.Action == AuditAction.Enrolled)
            .ToDictionary(r => r.Detail!["template ".Length..], r => (r.Subject!, r.Receipt!), StringComparer.Ordinal);
        Assert.Equal(enrolled.Count, Templates.Count);
        var protector = new TemplateProtector(new FacialDataKeys(StoreUnderTest.MasterKey));
        foreach (var (template, subject, purpose, receipt, ciphertext) in Templates)
        {
            Assert.True(enrolled.TryGetValue(template, out var audited), $"template {template} of {subject} has no Enrolled audit record");
            Assert.Equal((subject, receipt), audited);
            Assert.Equal(subject, ConsentSubjects[receipt]);
            Assert.True(SubjectKeys.TryGetValue(subject, out var key), $"template {template} of {subject} has no subject key");
            var stored = protector.Decrypt(key, subject, purpose, template, ciphertext);
            Assert.True(stored.Values.SequenceEqual(NodeTemplates.Of(subject).Values), $"template {template} of {subject} is not the one enrolled");
        }

        Assert.True(Templates.Select(t => t.Subject).ToHashSet(StringComparer.Ordinal).SetEquals(SubjectKeys.Keys),
            "subject_keys holds a key without a template, or a template's key is missing");
        var templateIds = Templates.Select(t => t.Template).ToHashSet(StringComparer.Ordinal);
        foreach (var node in nodes)
        {
            foreach (var ack in node.Acks("grant"))
            {
                Assert.True(ConsentSubjects.ContainsKey(ack[1]), $"node {node.Name} acknowledged the grant {ack[1]} to {ack[0]}, which is not stored");
            }

            foreach (var ack in node.Acks("enrol"))
            {
                Assert.True(templateIds.Contains(ack[1]), $"node {node.Name} acknowledged the enrolment of {ack[0]} (template {ack[1]}), which is not stored");
            }
        }
    }
}
