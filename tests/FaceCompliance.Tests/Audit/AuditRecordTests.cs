using System;
using Xunit;

namespace FaceCompliance.Tests.Audit;

/// <summary>A record is an immutable value: equal when every field is, hashes compared by content.</summary>
public sealed class AuditRecordTests
{
    private static AuditRecord Make(byte[] previousHash, byte[] hash) => new(3, AuditTestChains.Start, "gate-1", AuditAction.Deleted,
        "resident-1", "Sunny.Gardens.CommunityEntry", null, AuditOutcome.Succeeded, "withdrawn", previousHash, hash);

    [Fact]
    public void Records_with_equal_fields_in_different_arrays_are_equal()
    {
        var one = Make(Filled(1), Filled(2));
        var two = Make(Filled(1), Filled(2));

        Assert.Equal(one, two);
        Assert.True(one == two);
        Assert.Equal(one.GetHashCode(), two.GetHashCode());
    }

    [Fact]
    public void Records_differing_in_one_hash_byte_are_not_equal()
    {
        var changed = Filled(2);
        changed[31] = 3;

        Assert.NotEqual(Make(Filled(1), Filled(2)), Make(Filled(1), changed));
        Assert.NotEqual(Make(Filled(1), Filled(2)), Make(changed, Filled(2)));
    }

    [Fact]
    public void Records_differing_in_one_text_are_not_equal()
    {
        var record = Make(Filled(1), Filled(2));

        Assert.NotEqual(record, record with { ReceiptId = "" });
        Assert.NotEqual(record, record with { Detail = "Withdrawn" });
    }

    [Fact]
    public void Changing_the_arrays_given_or_returned_does_not_change_the_record()
    {
        var previous = Filled(1);
        var hash = Filled(2);
        var record = Make(previous, hash);

        previous[0] = 9;
        hash[0] = 9;
        record.Hash[1] = 9;
        record.PreviousHash[1] = 9;

        Assert.Equal(Filled(1), record.PreviousHash);
        Assert.Equal(Filled(2), record.Hash);
    }

    [Fact]
    public void The_time_is_kept_in_utc_as_the_same_instant()
    {
        var local = new DateTimeOffset(2025, 6, 1, 8, 0, 0, TimeSpan.FromHours(8));

        var record = Make(Filled(1), Filled(2)) with { Time = local };

        Assert.Equal(TimeSpan.Zero, record.Time.Offset);
        Assert.Equal(local.UtcTicks, record.Time.UtcTicks);
    }

    [Fact]
    public void Missing_required_values_are_refused()
    {
        Assert.Throws<ArgumentNullException>(() => Make(null!, Filled(2)));
        Assert.Throws<ArgumentNullException>(() => Make(Filled(1), null!));
        Assert.Throws<ArgumentNullException>(() => Make(Filled(1), Filled(2)) with { Actor = null! });
    }

    [Fact]
    public void The_text_form_shows_the_hashes_in_hex()
    {
        var text = Make(Filled(1), Filled(0xab)).ToString();

        Assert.Contains("Hash = " + string.Concat(System.Linq.Enumerable.Repeat("ab", 32)), text, StringComparison.Ordinal);
        Assert.Contains("Sequence = 3", text, StringComparison.Ordinal);
    }

    private static byte[] Filled(byte value)
    {
        var bytes = new byte[32];
        Array.Fill(bytes, value);
        return bytes;
    }
}
