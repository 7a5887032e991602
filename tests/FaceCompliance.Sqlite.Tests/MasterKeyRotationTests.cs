using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.Data.Sqlite;
using Xunit;

namespace FaceCompliance.Sqlite.Tests;

/// <summary>
/// Master key rotation wraps every person's data key again under the new key in one transaction; receipts already
/// issued, templates and the audit chain stay valid, and the old key no longer opens the store. A person's damaged
/// data key is reported with a message that says what to do, audited, and leaves everyone else working.
/// </summary>
public sealed class MasterKeyRotationTests : IDisposable
{
    private static readonly byte[] NewMasterKey = Convert.FromHexString("f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff000102030405060708090a0b0c0d0e0f");

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "facecompliance-rotation-" + Guid.NewGuid().ToString("N"));
    private readonly string _path;
    private readonly ConsentReceipt<GateEntry> _first;
    private readonly ConsentReceipt<GateEntry> _second;

    public MasterKeyRotationTests()
    {
        Directory.CreateDirectory(_directory);
        _path = Path.Combine(_directory, "gate.db");
        using var test = new TestStore(path: _path);
        _first = Grant(test, "resident-1");
        _second = Grant(test, "resident-2");
        test.Templates.Enroll(_first, TestStore.Template(1));
        test.Templates.Enroll(_second, TestStore.Template(2));
    }

    [Fact]
    public void Rotation_rewraps_every_data_key_and_the_store_then_opens_with_the_new_key_only()
    {
        var before = WrappedKeys();

        var rotation = SqliteFacialDataStore.RotateMasterKey(_path, new FacialDataKeys(TestStore.MasterKey), new FacialDataKeys(NewMasterKey), "security-officer");

        Assert.Equal(2, rotation.SubjectKeysRewrapped);
        Assert.Empty(rotation.DamagedSubjectKeys);
        var after = WrappedKeys();
        Assert.Equal(before.Keys.Order(), after.Keys.Order());
        Assert.All(before, pair => Assert.NotEqual(pair.Value, after[pair.Key]));
        Assert.Throws<MasterKeyMismatchException>(() => new TestStore(path: _path));

        using var test = new TestStore(path: _path, masterKey: NewMasterKey);
        // Receipts issued under the old key, the templates and the audit chain all stay valid.
        Assert.True(test.Templates.Verify(_first, TestStore.Template(1), 0.5f).Similarity > 0.99f);
        Assert.True(test.Templates.Verify(_second, TestStore.Template(2), 0.5f).Similarity > 0.99f);
        Assert.Null(test.Consents.Check(_first));
        Assert.True(test.Consents.TryGetCurrentReceipt<GateEntry>("resident-1", out var current));
        Assert.Equal(_first.Id, current!.Id);
        var record = Assert.Single(test.Audit.Read(), r => r.Action == AuditAction.MasterKeyRotated);
        Assert.Equal("security-officer", record.Actor);
        Assert.Equal("2 data key(s) wrapped again under the new master key", record.Detail);
        Assert.True(test.Audit.Verify().IsValid);

        // A person enrolled after the rotation gets a data key wrapped under the new key.
        var third = Grant(test, "resident-3");
        test.Templates.Enroll(third, TestStore.Template(3));
        Assert.True(test.Templates.Verify(third, TestStore.Template(3), 0.5f).Similarity > 0.99f);
    }

    [Fact]
    public void Rotation_with_a_wrong_current_key_is_refused_and_writes_nothing()
    {
        var before = WrappedKeys();
        var wrongKey = new FacialDataKeys(FacialDataKeys.NewMasterKey());

        Assert.Throws<MasterKeyMismatchException>(() => SqliteFacialDataStore.RotateMasterKey(_path, wrongKey, new FacialDataKeys(NewMasterKey)));

        Assert.Equal(before, WrappedKeys());
        using var test = new TestStore(path: _path);
        Assert.DoesNotContain(test.Audit.Read(), r => r.Action == AuditAction.MasterKeyRotated);
    }

    [Fact]
    public void Rotation_refuses_the_same_key_and_a_missing_file_with_messages_that_name_them()
    {
        var same = Assert.Throws<ArgumentException>(() =>
            SqliteFacialDataStore.RotateMasterKey(_path, new FacialDataKeys(TestStore.MasterKey), new FacialDataKeys(TestStore.MasterKey)));
        Assert.StartsWith("The new master key is the current one; nothing to rotate.", same.Message);

        var missing = Path.Combine(_directory, "absent.db");
        var error = Assert.Throws<FileNotFoundException>(() =>
            SqliteFacialDataStore.RotateMasterKey(missing, new FacialDataKeys(TestStore.MasterKey), new FacialDataKeys(NewMasterKey)));
        Assert.Equal($"There is no FaceCompliance store at '{missing}' to rotate the master key of.", error.Message);
        Assert.False(File.Exists(missing));
    }

    [Fact]
    public void A_damaged_data_key_is_named_and_audited_the_other_person_keeps_working_and_deletion_lets_them_enrol_again()
    {
        DamageWrappedKey("resident-1");

        using var test = new TestStore(path: _path);
        var verify = Assert.Throws<FacialDataDamagedException>(() => test.Templates.Verify(_first, TestStore.Template(1), 0.5f).Similarity);
        Assert.Equal("resident-1", verify.SubjectId);
        Assert.StartsWith("The data key of subject 'resident-1' is damaged: its wrapped form in the store fails authentication (AES-GCM), "
            + "so none of this person's templates can be decrypted", verify.Message);
        Assert.Contains("Delete the person's facial data (DeleteSubject or EndRelationship) and enrol them again", verify.Message);
        Assert.Throws<FacialDataDamagedException>(() => test.Templates.Enroll(_first, TestStore.Template(4)));
        Assert.True(test.Templates.Verify(_second, TestStore.Template(2), 0.5f).Similarity > 0.99f);

        var damaged = test.Audit.Read().Where(r => r.Action == AuditAction.SubjectKeyDamaged).ToList();
        Assert.Equal(2, damaged.Count);
        Assert.All(damaged, r => Assert.Equal(("resident-1", AuditOutcome.Failed), (r.SubjectId, r.Outcome)));
        Assert.Equal("data key failed authentication (damaged); 1 template(s) unreadable; verification refused", damaged[0].Detail);
        Assert.Equal("data key failed authentication (damaged); 1 template(s) unreadable; enrolment refused", damaged[1].Detail);
        Assert.Equal(1, test.Count("templates WHERE subject_id = 'resident-1'"));
        Assert.True(test.Audit.Verify().IsValid);

        Assert.Equal(1, test.Templates.DeleteSubject("resident-1"));
        test.Templates.Enroll(_first, TestStore.Template(5));
        Assert.True(test.Templates.Verify(_first, TestStore.Template(5), 0.5f).Similarity > 0.99f);
    }

    [Fact]
    public void Rotation_leaves_a_damaged_data_key_as_it_was_and_names_its_person()
    {
        DamageWrappedKey("resident-2");

        var rotation = SqliteFacialDataStore.RotateMasterKey(_path, new FacialDataKeys(TestStore.MasterKey), new FacialDataKeys(NewMasterKey));

        Assert.Equal(1, rotation.SubjectKeysRewrapped);
        Assert.Equal(["resident-2"], rotation.DamagedSubjectKeys);
        using var test = new TestStore(path: _path, masterKey: NewMasterKey);
        Assert.True(test.Templates.Verify(_first, TestStore.Template(1), 0.5f).Similarity > 0.99f);
        Assert.Throws<FacialDataDamagedException>(() => test.Templates.Verify(_second, TestStore.Template(2), 0.5f).Similarity);
        Assert.Equal("1 data key(s) wrapped again under the new master key; 1 damaged key(s) left as they were",
            Assert.Single(test.Audit.Read(), r => r.Action == AuditAction.MasterKeyRotated).Detail);
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

    private static ConsentReceipt<GateEntry> Grant(TestStore test, string subject) =>
        test.Consents.Grant<GateEntry>(new ConsentGrant(subject) { AgeBand = FacialAgeBand.Adult });

    private Dictionary<string, string> WrappedKeys()
    {
        using var connection = Raw();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT subject_id, wrapped_key FROM subject_keys";
        using var reader = command.ExecuteReader();
        var keys = new Dictionary<string, string>();
        while (reader.Read())
        {
            keys[reader.GetString(0)] = Convert.ToHexString((byte[])reader.GetValue(1));
        }

        return keys;
    }

    /// <summary>Flips one bit of the person's wrapped data key (in its authentication tag).</summary>
    private void DamageWrappedKey(string subject)
    {
        var wrapped = WrappedKeys();
        var key = Convert.FromHexString(wrapped[subject]);
        key[20] ^= 0x01;
        using var connection = Raw();
        using var command = connection.CreateCommand();
        command.CommandText = "UPDATE subject_keys SET wrapped_key = $key WHERE subject_id = $subject";
        command.Parameters.AddWithValue("$key", key);
        command.Parameters.AddWithValue("$subject", subject);
        Assert.Equal(1, command.ExecuteNonQuery());
    }

    private SqliteConnection Raw()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _path, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }
}
