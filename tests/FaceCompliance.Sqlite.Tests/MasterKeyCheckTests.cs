using System;
using System.IO;
using System.Linq;
using Microsoft.Data.Sqlite;
using Xunit;

namespace FaceCompliance.Sqlite.Tests;

/// <summary>
/// The store records a key check value of its master key: opened with another key it refuses to open, names the
/// problem and writes nothing; a file written before the value was recorded gets it on first open with its own key.
/// </summary>
public sealed class MasterKeyCheckTests : IDisposable
{
    private static readonly byte[] s_otherKey = Convert.FromHexString("ff0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "facecompliance-keycheck-" + Guid.NewGuid().ToString("N"));
    private readonly string _path;

    public MasterKeyCheckTests()
    {
        Directory.CreateDirectory(_directory);
        _path = Path.Combine(_directory, "gate.db");
        using var test = new TestStore(path: _path);
        var receipt = test.Consents.Grant<GateEntry>(new ConsentGrant("resident-1") { AgeBand = FacialAgeBand.Adult });
        test.Templates.Enroll(receipt, TestStore.Template(1));
    }

    [Fact]
    public void A_wrong_master_key_is_refused_with_a_message_naming_the_problem_and_nothing_is_written()
    {
        var auditBefore = Count("audit");

        var refused = Assert.Throws<MasterKeyMismatchException>(() => new TestStore(path: _path, masterKey: s_otherKey));

        Assert.StartsWith("The master key does not match the one this store was created with", refused.Message, StringComparison.Ordinal);
        Assert.Contains(_path, refused.Message, StringComparison.Ordinal);
        Assert.Contains("key check value differs", refused.Message, StringComparison.Ordinal);
        Assert.Equal(_path, refused.Store);
        Assert.Equal(auditBefore, Count("audit"));
    }

    [Fact]
    public void The_right_master_key_opens_the_store_and_its_data_reads()
    {
        using var test = new TestStore(path: _path);

        var receipt = test.Consents.Grant<GateEntry>(new ConsentGrant("resident-1") { AgeBand = FacialAgeBand.Adult });
        Assert.True(test.Templates.Verify(receipt, TestStore.Template(1), 0.5f).Similarity > 0.99f);
        Assert.True(test.Audit.Verify().IsValid);
    }

    [Fact]
    public void A_store_without_a_key_check_value_gets_one_on_first_open_and_then_refuses_another_key()
    {
        Execute($"DELETE FROM meta WHERE key = '{MasterKeyCheck.MetaKey}'");
        Assert.Equal(0, Count($"meta WHERE key = '{MasterKeyCheck.MetaKey}'"));

        using (var test = new TestStore(path: _path))
        {
            Assert.True(test.Audit.Verify().IsValid);
        }

        Assert.Equal(1, Count($"meta WHERE key = '{MasterKeyCheck.MetaKey}'"));
        var refused = Assert.Throws<MasterKeyMismatchException>(() => new TestStore(path: _path, masterKey: s_otherKey));
        Assert.Contains("key check value differs", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_store_without_a_key_check_value_refuses_a_key_its_audit_trail_does_not_verify_with()
    {
        Execute($"DELETE FROM meta WHERE key = '{MasterKeyCheck.MetaKey}'");

        var refused = Assert.Throws<MasterKeyMismatchException>(() => new TestStore(path: _path, masterKey: s_otherKey));

        Assert.StartsWith("The master key does not match the one this store was created with", refused.Message, StringComparison.Ordinal);
        Assert.Contains("no key check value", refused.Message, StringComparison.Ordinal);
        Assert.Equal(0, Count($"meta WHERE key = '{MasterKeyCheck.MetaKey}'"));
    }

    [Fact]
    public void The_stored_value_is_not_the_master_key_nor_a_derived_key()
    {
        using var connection = Raw();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT value FROM meta WHERE key = '{MasterKeyCheck.MetaKey}'";
        var stored = (byte[])command.ExecuteScalar()!;
        var keys = new FacialDataKeys(TestStore.MasterKey);

        Assert.Equal(32, stored.Length);
        Assert.False(stored.SequenceEqual(TestStore.MasterKey));
        Assert.False(stored.SequenceEqual(keys.KeyWrappingKey.ToArray()));
        Assert.False(stored.SequenceEqual(keys.AuditKey.ToArray()));
        Assert.False(stored.SequenceEqual(keys.ReceiptKey.ToArray()));
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

    private SqliteConnection Raw()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _path, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    private long Count(string from)
    {
        using var connection = Raw();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM " + from;
        return (long)command.ExecuteScalar()!;
    }

    private void Execute(string sql)
    {
        using var connection = Raw();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
