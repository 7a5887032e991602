using System;
using System.Linq;
using System.Reflection;
using FaceCompliance.Storage;
using Xunit;

namespace FaceCompliance.Tests.Storage;

/// <summary>The store implementers' building blocks take the keys object; the derived keys never leave the library.</summary>
public sealed class StorageBuildingBlockTests
{
    private static readonly byte[] MasterKey = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();

    [Fact]
    public void FacialDataKeys_exposes_no_derived_key()
    {
        var members = typeof(FacialDataKeys).GetMembers(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly);

        Assert.DoesNotContain(members, m => m.Name is "ReceiptKey" or "KeyWrappingKey" or "AuditKey");
        Assert.Empty(typeof(FacialDataKeys).GetProperties(BindingFlags.Public | BindingFlags.Instance));
    }

    [Fact]
    public void The_key_check_value_is_stable_per_key_and_label_and_differs_otherwise()
    {
        var keys = new FacialDataKeys(MasterKey);
        const string Label = "Acme.Postgres master key check v1";

        var value = MasterKeyCheck.Compute(keys, Label);

        Assert.Equal(32, value.Length);
        Assert.Equal(value, MasterKeyCheck.Compute(new FacialDataKeys(MasterKey), Label));
        Assert.NotEqual(value, MasterKeyCheck.Compute(new FacialDataKeys(new byte[32]), Label));
        Assert.NotEqual(value, MasterKeyCheck.Compute(keys, "another store v1"));
        Assert.Throws<ArgumentException>(() => MasterKeyCheck.Compute(keys, ""));
    }

    [Fact]
    public void An_audit_chain_made_from_the_keys_verifies_only_under_the_same_master_key()
    {
        var chain = new AuditChain(new FacialDataKeys(MasterKey));
        var first = chain.Append(null, DateTimeOffset.UnixEpoch, "gate-1", AuditAction.ConsentGranted, "resident-7", "entry", "r1", AuditOutcome.Succeeded, null);
        var second = chain.Append(first, DateTimeOffset.UnixEpoch.AddMinutes(1), "gate-1", AuditAction.Enrolled, "resident-7", "entry", "r1", AuditOutcome.Succeeded, null);

        Assert.True(new AuditChain(new FacialDataKeys(MasterKey)).Verify([first, second]).IsValid);
        Assert.False(new AuditChain(new FacialDataKeys(new byte[32])).Verify([first, second]).IsValid);
    }
}
