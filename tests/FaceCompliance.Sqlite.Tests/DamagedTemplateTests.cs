using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.Data.Sqlite;
using Xunit;

namespace FaceCompliance.Sqlite.Tests;

/// <summary>
/// One template damaged in the file (a flipped ciphertext byte) fails AES-GCM authentication: it is quarantined and
/// audited, and the person's other template keeps matching; the audit chain stays valid.
/// </summary>
public sealed class DamagedTemplateTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "facecompliance-damage-" + Guid.NewGuid().ToString("N"));
    private readonly string _path;
    private readonly string _first;
    private readonly string _second;

    public DamagedTemplateTests()
    {
        Directory.CreateDirectory(_directory);
        _path = Path.Combine(_directory, "gate.db");
        using var test = new TestStore(path: _path);
        var receipt = Grant(test);
        _first = test.Templates.Enroll(receipt, TestStore.Template(1));
        _second = test.Templates.Enroll(receipt, TestStore.Template(2));
    }

    [Fact]
    public void A_flipped_byte_in_one_template_quarantines_it_and_the_other_still_matches()
    {
        FlipCiphertextByteInFile(_first);

        using var test = new TestStore(path: _path);
        var receipt = Grant(test);
        var similarity = test.Templates.Verify(receipt, TestStore.Template(2), 0.5f).Similarity;

        Assert.True(similarity > 0.99f, $"the undamaged template should match its own probe, got {similarity}");
        var quarantine = Assert.Single(test.Audit.Read(), r => r.Action == AuditAction.TemplateQuarantined);
        Assert.Equal("resident-1", quarantine.SubjectId);
        Assert.Equal(GateEntry.PurposeId, quarantine.PurposeId);
        Assert.Equal(AuditOutcome.Failed, quarantine.Outcome);
        Assert.Equal($"template {_first} failed authentication (damaged or altered); quarantined, no longer used", quarantine.Detail);
        Assert.Equal(18, (int)AuditAction.TemplateQuarantined);
        Assert.Equal([_first], QuarantinedTemplates());
        Assert.True(test.Audit.Verify().IsValid);

        // Quarantined once: the next attempts skip it and audit nothing more about it.
        test.Templates.Verify(receipt, TestStore.Template(1), 0.5f);
        Assert.Single(test.Audit.Read(), r => r.Action == AuditAction.TemplateQuarantined);
    }

    [Fact]
    public void When_every_template_is_damaged_verification_says_so_and_withdrawal_still_deletes_them()
    {
        FlipCiphertextByteInFile(_first);
        FlipCiphertextByteInFile(_second);

        using var test = new TestStore(path: _path);
        var receipt = Grant(test);
        var missing = Assert.Throws<KeyNotFoundException>(() => test.Templates.Verify(receipt, TestStore.Template(1), 0.5f).Similarity);

        Assert.Equal($"Subject 'resident-1' has no usable template for purpose '{GateEntry.PurposeId}': 2 quarantined as damaged; enrol again.", missing.Message);
        Assert.Equal(2, test.Audit.Read().Count(r => r.Action == AuditAction.TemplateQuarantined));
        Assert.Equal(2, test.Templates.DeleteSubject("resident-1"));
        Assert.Equal(0, test.Count("templates"));
        Assert.True(test.Audit.Verify().IsValid);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static ConsentReceipt<GateEntry> Grant(TestStore test) =>
        test.Consents.Grant<GateEntry>(new ConsentGrant("resident-1") { AgeBand = FacialAgeBand.Adult });

    /// <summary>Flips one byte of the template's encrypted values where they lie in the database file (not through SQL).</summary>
    private void FlipCiphertextByteInFile(string templateId)
    {
        byte[] ciphertext;
        using (var connection = Raw())
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE); ";
            command.ExecuteNonQuery();
            command.CommandText = "SELECT ciphertext FROM templates WHERE template_id = $id";
            command.Parameters.AddWithValue("$id", templateId);
            ciphertext = (byte[])command.ExecuteScalar()!;
        }

        SqliteConnection.ClearAllPools();
        var file = File.ReadAllBytes(_path);
        var body = ciphertext.AsSpan(28).ToArray(); // after the 12-byte nonce and 16-byte tag
        var offset = file.AsSpan().IndexOf(body);
        Assert.True(offset > 0, "the ciphertext should be in the file after the checkpoint");
        Assert.Equal(-1, file.AsSpan(offset + 1).IndexOf(body));
        file[offset + 3] ^= 0x01;
        File.WriteAllBytes(_path, file);
    }

    private List<string> QuarantinedTemplates()
    {
        using var connection = Raw();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT template_id FROM templates WHERE quarantined_at IS NOT NULL";
        using var reader = command.ExecuteReader();
        var ids = new List<string>();
        while (reader.Read())
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    private SqliteConnection Raw()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _path, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }
}
