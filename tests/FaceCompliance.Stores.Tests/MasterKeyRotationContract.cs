using System;
using System.Linq;
using FaceCompliance.PostgreSql;
using Npgsql;
using Xunit;

namespace FaceCompliance.Stores.Tests;

/// <summary>
/// Master key rotation, the same for every store: every person's data key is wrapped again under the new key in one
/// transaction; receipts already issued, templates and the audit chain stay valid, and the old key no longer opens the
/// store. A person's damaged data key is left as it was and named, and everyone else keeps working.
/// </summary>
public abstract class MasterKeyRotationContract
{
    protected static readonly byte[] NewMasterKey = Convert.FromHexString("f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff000102030405060708090a0b0c0d0e0f");

    protected abstract StoreUnderTest NewStore();

    [Fact]
    public void Rotation_rewraps_every_data_key_and_the_store_then_opens_with_the_new_key_only()
    {
        using var test = NewStore();
        var (first, second) = EnrolTwo(test);
        var before = new[] { test.WrappedKey("resident-1"), test.WrappedKey("resident-2") };

        var rotation = test.RotateMasterKey(StoreUnderTest.MasterKey, NewMasterKey, "security-officer");

        Assert.Equal(2, rotation.SubjectKeysRewrapped);
        Assert.Empty(rotation.DamagedSubjectKeys);
        Assert.NotEqual(before[0], test.WrappedKey("resident-1"));
        Assert.NotEqual(before[1], test.WrappedKey("resident-2"));
        Assert.Equal("MasterKeyMismatchException", Assert.ThrowsAny<InvalidOperationException>(() => test.OpenAgain(StoreUnderTest.MasterKey).Dispose()).GetType().Name);

        using var again = test.OpenAgain(NewMasterKey);
        // Receipts issued under the old key, the templates and the audit chain all stay valid.
        Assert.True(again.Templates.Verify(first, StoreUnderTest.Template(1), 0.5f).Similarity > 0.99f);
        Assert.True(again.Templates.Verify(second, StoreUnderTest.Template(2), 0.5f).Similarity > 0.99f);
        Assert.Null(again.Consents.Check(first));
        Assert.True(again.Consents.TryGetCurrentReceipt<GateEntry>("resident-1", out var current));
        Assert.Equal(first.Id, current!.Id);
        var record = Assert.Single(again.Audit.Read(), r => r.Action == AuditAction.MasterKeyRotated);
        Assert.Equal("security-officer", record.Actor);
        Assert.Equal("2 data key(s) wrapped again under the new master key", record.Detail);
        Assert.True(again.Audit.Verify().IsValid);

        // A person enrolled after the rotation gets a data key wrapped under the new key.
        var third = again.Consents.Grant<GateEntry>(new ConsentGrant("resident-3") { AgeBand = FacialAgeBand.Adult });
        again.Templates.Enroll(third, StoreUnderTest.Template(3));
        Assert.True(again.Templates.Verify(third, StoreUnderTest.Template(3), 0.5f).Similarity > 0.99f);
    }

    [Fact]
    public void Rotation_with_a_wrong_current_key_is_refused_and_writes_nothing()
    {
        using var test = NewStore();
        EnrolTwo(test);
        var before = test.WrappedKey("resident-1");

        var refused = Assert.ThrowsAny<InvalidOperationException>(() => test.RotateMasterKey(FacialDataKeys.NewMasterKey(), NewMasterKey));

        Assert.IsType<MasterKeyMismatchException>(refused);
        Assert.Equal(before, test.WrappedKey("resident-1"));
        Assert.DoesNotContain(test.Audit.Read(), r => r.Action == AuditAction.MasterKeyRotated);
    }

    [Fact]
    public void Rotation_refuses_the_same_key_with_a_message_that_says_so()
    {
        using var test = NewStore();
        EnrolTwo(test);

        var same = Assert.Throws<ArgumentException>(() => test.RotateMasterKey(StoreUnderTest.MasterKey, StoreUnderTest.MasterKey));

        Assert.StartsWith("The new master key is the current one; nothing to rotate.", same.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(test.Audit.Read(), r => r.Action == AuditAction.MasterKeyRotated);
    }

    [Fact]
    public void A_damaged_data_key_is_named_and_audited_the_other_person_keeps_working_and_deletion_lets_them_enrol_again()
    {
        using var test = NewStore();
        var (first, second) = EnrolTwo(test);
        test.DamageSubjectKey("resident-1");

        var verify = Assert.Throws<FacialDataDamagedException>(() => test.Templates.Verify(first, StoreUnderTest.Template(1), 0.5f).Similarity);
        Assert.Equal("resident-1", verify.SubjectId);
        Assert.StartsWith("The data key of subject 'resident-1' is damaged: its wrapped form in the store fails authentication (AES-GCM), "
            + "so none of this person's templates can be decrypted", verify.Message, StringComparison.Ordinal);
        Assert.Contains("Delete the person's facial data (DeleteSubject or EndRelationship) and enrol them again", verify.Message, StringComparison.Ordinal);
        Assert.Throws<FacialDataDamagedException>(() => test.Templates.Enroll(first, StoreUnderTest.Template(4)));
        Assert.True(test.Templates.Verify(second, StoreUnderTest.Template(2), 0.5f).Similarity > 0.99f);

        var damaged = test.Audit.Read().Where(r => r.Action == AuditAction.SubjectKeyDamaged).ToList();
        Assert.Equal(2, damaged.Count);
        Assert.All(damaged, r => Assert.Equal(("resident-1", AuditOutcome.Failed), (r.SubjectId, r.Outcome)));
        Assert.Equal("data key failed authentication (damaged); 1 template(s) unreadable; verification refused", damaged[0].Detail);
        Assert.Equal("data key failed authentication (damaged); 1 template(s) unreadable; enrolment refused", damaged[1].Detail);
        Assert.Equal(1, test.Count("templates WHERE subject_id = 'resident-1'"));
        Assert.True(test.Audit.Verify().IsValid);

        Assert.Equal(1, test.Templates.DeleteSubject("resident-1"));
        test.Templates.Enroll(first, StoreUnderTest.Template(5));
        Assert.True(test.Templates.Verify(first, StoreUnderTest.Template(5), 0.5f).Similarity > 0.99f);
    }

    [Fact]
    public void Rotation_leaves_a_damaged_data_key_as_it_was_and_names_its_person()
    {
        using var test = NewStore();
        var (first, second) = EnrolTwo(test);
        test.DamageSubjectKey("resident-2");
        var damagedKey = test.WrappedKey("resident-2");

        var rotation = test.RotateMasterKey(StoreUnderTest.MasterKey, NewMasterKey);

        Assert.Equal(1, rotation.SubjectKeysRewrapped);
        Assert.Equal(["resident-2"], rotation.DamagedSubjectKeys);
        Assert.Equal(damagedKey, test.WrappedKey("resident-2"));
        using var again = test.OpenAgain(NewMasterKey);
        Assert.True(again.Templates.Verify(first, StoreUnderTest.Template(1), 0.5f).Similarity > 0.99f);
        Assert.Throws<FacialDataDamagedException>(() => again.Templates.Verify(second, StoreUnderTest.Template(2), 0.5f).Similarity);
        Assert.Equal("1 data key(s) wrapped again under the new master key; 1 damaged key(s) left as they were",
            Assert.Single(again.Audit.Read(), r => r.Action == AuditAction.MasterKeyRotated).Detail);
    }

    private static (ConsentReceipt<GateEntry> First, ConsentReceipt<GateEntry> Second) EnrolTwo(StoreUnderTest test)
    {
        var first = test.Consents.Grant<GateEntry>(new ConsentGrant("resident-1") { AgeBand = FacialAgeBand.Adult });
        var second = test.Consents.Grant<GateEntry>(new ConsentGrant("resident-2") { AgeBand = FacialAgeBand.Adult });
        test.Templates.Enroll(first, StoreUnderTest.Template(1));
        test.Templates.Enroll(second, StoreUnderTest.Template(2));
        return (first, second);
    }
}

public sealed class SqliteMasterKeyRotationContract : MasterKeyRotationContract
{
    protected override StoreUnderTest NewStore() => new SqliteStoreUnderTest(new StoreSettings());
}

public sealed class PostgreSqlMasterKeyRotationContract : MasterKeyRotationContract
{
    protected override StoreUnderTest NewStore() => new PostgreSqlStoreUnderTest(new StoreSettings());

    [Fact]
    public void Rotation_refuses_a_database_that_holds_no_store_and_creates_none()
    {
        var empty = TestServer.CreateDatabase();
        try
        {
            var refused = Assert.Throws<InvalidOperationException>(() =>
                PostgreSqlFacialDataStore.RotateMasterKey(empty, new FacialDataKeys(StoreUnderTest.MasterKey), new FacialDataKeys(NewMasterKey)));

            Assert.EndsWith("holds no FaceCompliance store to rotate the master key of.", refused.Message, StringComparison.Ordinal);
            using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(empty) { Pooling = false }.ToString());
            connection.Open();
            using var command = new NpgsqlCommand("SELECT to_regclass('facecompliance_schema')::text", connection);
            Assert.IsType<DBNull>(command.ExecuteScalar());
        }
        finally
        {
            TestServer.DropDatabase(empty);
        }
    }
}
