using System;
using System.Linq;
using Xunit;

namespace FaceCompliance.Stores.Tests;

/// <summary>The master key check, the same for every store: a wrong key is refused before anything is written.</summary>
public abstract class MasterKeyContract
{
    private static readonly byte[] s_otherKey = Convert.FromHexString("ff0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");

    protected abstract StoreUnderTest NewStore(StoreSettings? settings = null);

    [Fact]
    public void A_wrong_master_key_is_refused_and_nothing_is_written()
    {
        using var test = NewStore();
        var receipt = test.Consents.Grant<GateEntry>(new ConsentGrant("resident-1") { AgeBand = FacialAgeBand.Adult });
        var records = test.Audit.Read().Count;

        var refused = Assert.ThrowsAny<InvalidOperationException>(() => test.OpenAgain(s_otherKey).Dispose());

        Assert.Equal("MasterKeyMismatchException", refused.GetType().Name);
        Assert.Contains("master key does not match", refused.Message, StringComparison.Ordinal);
        Assert.Equal(records, test.Audit.Read().Count);
        Assert.Null(test.Consents.Check(receipt));
    }

    [Fact]
    public void The_right_master_key_opens_again_and_reads_receipts_and_chain_written_before()
    {
        using var test = NewStore();
        var receipt = test.Consents.Grant<GateEntry>(new ConsentGrant("resident-1") { AgeBand = FacialAgeBand.Adult });
        test.Templates.Enroll(receipt, StoreUnderTest.Template(1));

        using var again = test.OpenAgain(StoreUnderTest.MasterKey);

        Assert.Null(again.Consents.Check(receipt));
        Assert.True(again.Templates.Verify(receipt, StoreUnderTest.Template(1), 0.9f).IsMatch);
        Assert.True(again.Audit.Verify().IsValid);
        Assert.Equal(3, again.Audit.Read().Count);
    }
}

public sealed class SqliteMasterKeyContract : MasterKeyContract
{
    protected override StoreUnderTest NewStore(StoreSettings? settings = null) => new SqliteStoreUnderTest(settings ?? new StoreSettings());
}

public sealed class PostgreSqlMasterKeyContract : MasterKeyContract
{
    protected override StoreUnderTest NewStore(StoreSettings? settings = null) => new PostgreSqlStoreUnderTest(settings ?? new StoreSettings());
}
