using System;
using System.Linq;
using Xunit;
using FaceCompliance.Storage;

namespace FaceCompliance.Tests.Audit;

/// <summary>Making records: sequence, chaining, hashing and a full round trip through verification.</summary>
public sealed class AuditChainTests
{
    [Fact]
    public void A_thousand_appended_records_verify_and_are_chained_in_sequence()
    {
        var records = AuditTestChains.Build(1000);

        var result = AuditTestChains.Chain().Verify(records);

        Assert.True(result.IsValid, result.Problem);
        Assert.Null(result.FirstInvalidSequence);
        Assert.Null(result.Problem);
        Assert.Equal(1000, result.RecordsChecked);
        Assert.Equal(Enumerable.Range(1, 1000).Select(i => (long)i), records.Select(r => r.Sequence));
        Assert.Equal(new byte[32], records[0].PreviousHash);
        for (var i = 1; i < records.Count; i++)
        {
            Assert.Equal(records[i - 1].Hash, records[i].PreviousHash);
        }

        Assert.All(records, r => Assert.Equal(32, r.Hash.Length));
        Assert.Equal(1000, records.Select(r => Convert.ToHexString(r.Hash)).Distinct().Count());
    }

    [Fact]
    public void An_appended_record_keeps_what_it_was_given_with_the_time_in_utc()
    {
        var time = new DateTimeOffset(2025, 6, 1, 8, 30, 0, TimeSpan.FromHours(8));

        var record = AuditTestChains.Chain().Append(null, time, "operator-7", AuditAction.ConsentRejected, "resident-1",
            "Sunny.Gardens.CommunityEntry", "receipt-9", AuditOutcome.Refused, "declined face verification; used the card");

        Assert.Equal(1, record.Sequence);
        Assert.Equal(time, record.Time);
        Assert.Equal(TimeSpan.Zero, record.Time.Offset);
        Assert.Equal("operator-7", record.Actor);
        Assert.Equal(AuditAction.ConsentRejected, record.Action);
        Assert.Equal("resident-1", record.SubjectId);
        Assert.Equal("Sunny.Gardens.CommunityEntry", record.PurposeId);
        Assert.Equal("receipt-9", record.ReceiptId);
        Assert.Equal(AuditOutcome.Refused, record.Outcome);
        Assert.Equal("declined face verification; used the card", record.Detail);
    }

    [Fact]
    public void The_hash_is_hmac_sha256_of_the_canonical_encoding_under_the_key()
    {
        var record = AuditTestChains.Build(2)[1];

        var expected = System.Security.Cryptography.HMACSHA256.HashData(AuditTestChains.Key, AuditRecordEncoding.Encode(record));

        Assert.Equal(expected, record.Hash);
    }

    [Fact]
    public void The_same_inputs_and_key_give_the_same_record_and_another_key_another_hash()
    {
        var first = AuditTestChains.Build(3);
        var again = AuditTestChains.Build(3);
        var otherKey = AuditTestChains.Build(3, new AuditChain(AuditTestChains.OtherKey));

        Assert.Equal(first, again);
        Assert.NotEqual(first[0].Hash, otherKey[0].Hash);
    }

    [Fact]
    public void Continuing_from_an_anchor_gives_the_record_that_continuing_from_the_record_gives()
    {
        var chain = AuditTestChains.Chain();
        var last = AuditTestChains.Build(5)[4];

        var fromRecord = chain.Append(last, AuditTestChains.Start.AddDays(1), "gate-1", AuditAction.Verified, "resident-2", null, null, AuditOutcome.Succeeded, null);
        var fromAnchor = chain.Append(last.Sequence, last.Hash, AuditTestChains.Start.AddDays(1), "gate-1", AuditAction.Verified, "resident-2", null, null, AuditOutcome.Succeeded, null);

        Assert.Equal(fromRecord, fromAnchor);
        Assert.Equal(6, fromAnchor.Sequence);
    }

    [Fact]
    public void Continuing_from_sequence_zero_and_zero_bytes_starts_a_chain()
    {
        var chain = AuditTestChains.Chain();

        var fromNothing = chain.Append(null, AuditTestChains.Start, "gate-1", AuditAction.Enrolled, "resident-1", null, null, AuditOutcome.Succeeded, null);
        var fromGenesis = chain.Append(0, new byte[32], AuditTestChains.Start, "gate-1", AuditAction.Enrolled, "resident-1", null, null, AuditOutcome.Succeeded, null);

        Assert.Equal(fromNothing, fromGenesis);
    }

    [Fact]
    public void The_key_is_copied_so_changing_the_callers_array_changes_nothing()
    {
        var key = (byte[])AuditTestChains.Key.Clone();
        var chain = new AuditChain(key);
        Array.Clear(key);

        var record = chain.Append(null, AuditTestChains.Start, "gate-1", AuditAction.Enrolled, null, null, null, AuditOutcome.Succeeded, null);

        Assert.True(AuditTestChains.Chain().Verify([record]).IsValid);
    }

    [Fact]
    public void An_empty_trail_is_valid_with_nothing_checked()
    {
        var result = AuditTestChains.Chain().Verify([]);

        Assert.True(result.IsValid);
        Assert.Equal(0, result.RecordsChecked);
    }
}
