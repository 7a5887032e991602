using System;
using System.Collections.Generic;
using System.Linq;
using Xunit;
using FaceCompliance.Storage;

namespace FaceCompliance.Tests.Audit;

/// <summary>Whatever someone without the key does to stored records, verification stops at the record concerned.</summary>
public sealed class AuditTamperingTests
{
    private const int Count = 12;

    public static TheoryData<string> Fields() =>
    [
        "actor", "action", "subject", "subject null/empty", "purpose", "receipt", "outcome", "detail", "time",
        "sequence up", "sequence down", "previous hash", "hash", "hash length",
    ];

    [Theory]
    [MemberData(nameof(Fields))]
    public void Changing_one_field_of_any_record_is_found_at_exactly_that_record(string field)
    {
        var original = AuditTestChains.Build(Count);
        for (var index = 0; index < Count; index++)
        {
            var records = original.ToList();
            records[index] = Change(records[index], field);
            Assert.NotEqual(original[index], records[index]);

            var result = AuditTestChains.Chain().Verify(records);

            Assert.False(result.IsValid);
            Assert.Equal(index + 1, result.FirstInvalidSequence);
            Assert.StartsWith("altered:", result.Problem, StringComparison.Ordinal);
            Assert.Equal(index, result.RecordsChecked);
        }
    }

    [Fact]
    public void A_text_that_cannot_be_encoded_is_reported_as_altered()
    {
        var records = AuditTestChains.Build(3);
        records[1] = records[1] with { Actor = "gate-\ud800" };

        var result = AuditTestChains.Chain().Verify(records);

        Assert.Equal(2, result.FirstInvalidSequence);
        Assert.StartsWith("altered: record 2 cannot be encoded", result.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(6)]
    [InlineData(Count - 1)]
    public void Deleting_a_record_is_found_at_the_missing_sequence(int sequence)
    {
        var records = AuditTestChains.Build(Count);
        records.RemoveAt(sequence - 1);

        var result = AuditTestChains.Chain().Verify(records);

        Assert.False(result.IsValid);
        Assert.Equal(sequence, result.FirstInvalidSequence);
        Assert.StartsWith($"missing record: record {sequence} was expected, record {sequence + 1} was found", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Deleting_several_records_is_found_at_the_first_missing_one()
    {
        var records = AuditTestChains.Build(Count);
        records.RemoveRange(4, 3);

        var result = AuditTestChains.Chain().Verify(records);

        Assert.Equal(5, result.FirstInvalidSequence);
        Assert.StartsWith("missing record", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Cutting_records_off_the_end_is_not_visible_in_the_chain_but_in_the_count_checked()
    {
        var records = AuditTestChains.Build(Count);

        var result = AuditTestChains.Chain().Verify(records.Take(Count - 2));

        Assert.True(result.IsValid);
        Assert.Equal(Count - 2, result.RecordsChecked);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(6)]
    [InlineData(Count + 1)]
    public void Inserting_a_record_made_without_the_key_is_found_where_it_was_inserted(int sequence)
    {
        var records = AuditTestChains.Build(Count);
        var forger = new AuditChain(AuditTestChains.OtherKey);
        var forged = forger.Append(sequence == 1 ? null : records[sequence - 2], AuditTestChains.Start, "gate-1",
            AuditAction.ConsentGranted, "resident-x", null, null, AuditOutcome.Succeeded, null);
        records.Insert(sequence - 1, forged);

        var result = AuditTestChains.Chain().Verify(records);

        Assert.Equal(sequence, result.FirstInvalidSequence);
        Assert.StartsWith("altered:", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Inserting_a_copy_of_a_genuine_record_is_found_at_the_copy()
    {
        var records = AuditTestChains.Build(Count);
        records.Insert(5, records[4]);

        var result = AuditTestChains.Chain().Verify(records);

        Assert.Equal(6, result.FirstInvalidSequence);
        Assert.StartsWith("out of order: record 6 was expected, record 5 was found", result.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(6)]
    [InlineData(Count - 1)]
    public void Swapping_two_neighbours_is_found_at_the_first_of_them(int sequence)
    {
        var records = AuditTestChains.Build(Count);
        (records[sequence - 1], records[sequence]) = (records[sequence], records[sequence - 1]);

        var result = AuditTestChains.Chain().Verify(records);

        Assert.Equal(sequence, result.FirstInvalidSequence);
        Assert.StartsWith("missing record", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Moving_a_record_back_is_found_where_it_no_longer_is()
    {
        var records = AuditTestChains.Build(Count);
        var moved = records[2];
        records.RemoveAt(2);
        records.Insert(8, moved);

        var result = AuditTestChains.Chain().Verify(records);

        Assert.Equal(3, result.FirstInvalidSequence);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(7)]
    [InlineData(Count)]
    public void Replacing_a_record_with_a_genuine_one_from_another_chain_breaks_the_chain_there(int sequence)
    {
        var records = AuditTestChains.Build(Count);
        var otherTrail = AuditTestChains.Build(Count, actor: "gate-2");
        records[sequence - 1] = otherTrail[sequence - 1];

        var result = AuditTestChains.Chain().Verify(records);

        Assert.Equal(sequence, result.FirstInvalidSequence);
        Assert.Equal($"chain broken: record {sequence} does not follow record {sequence - 1} (taken from another chain)", result.Problem);
        Assert.Equal(sequence - 1, result.RecordsChecked);
    }

    [Fact]
    public void Verifying_with_another_key_fails_at_the_first_record()
    {
        var records = AuditTestChains.Build(Count);

        var result = new AuditChain(AuditTestChains.OtherKey).Verify(records);

        Assert.False(result.IsValid);
        Assert.Equal(1, result.FirstInvalidSequence);
        Assert.StartsWith("altered: record 1 does not match its hash", result.Problem, StringComparison.Ordinal);
        Assert.Equal(0, result.RecordsChecked);
    }

    [Fact]
    public void Verification_stops_reading_at_the_first_problem()
    {
        var records = AuditTestChains.Build(Count);
        records[2] = records[2] with { Actor = "intruder" };
        var read = 0;

        AuditTestChains.Chain().Verify(Counting(records, () => read++));

        Assert.Equal(3, read);
    }

    private static IEnumerable<AuditRecord> Counting(IEnumerable<AuditRecord> records, Action onRead)
    {
        foreach (var record in records)
        {
            onRead();
            yield return record;
        }
    }

    private static AuditRecord Change(AuditRecord record, string field) => field switch
    {
        "actor" => record with { Actor = record.Actor + "x" },
        "action" => record with { Action = record.Action == AuditAction.Enrolled ? AuditAction.Deleted : AuditAction.Enrolled },
        "subject" => record with { SubjectId = record.SubjectId is null ? "resident-x" : null },
        "subject null/empty" => record with { SubjectId = record.SubjectId is null ? string.Empty : null },
        "purpose" => record with { PurposeId = record.PurposeId is null ? "Other.Purpose" : record.PurposeId + "2" },
        "receipt" => record with { ReceiptId = record.ReceiptId is null ? "receipt-x" : null },
        "outcome" => record with { Outcome = record.Outcome == AuditOutcome.Succeeded ? AuditOutcome.Failed : AuditOutcome.Succeeded },
        "detail" => record with { Detail = record.Detail is null ? "ok" : record.Detail.ToUpperInvariant() },
        "time" => record with { Time = record.Time.AddTicks(1) },
        "sequence up" => record with { Sequence = record.Sequence + 1 },
        "sequence down" => record with { Sequence = record.Sequence - 1 },
        "previous hash" => record with { PreviousHash = FlipLastBit(record.PreviousHash) },
        "hash" => record with { Hash = FlipLastBit(record.Hash) },
        "hash length" => record with { Hash = record.Hash[..31] },
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "unknown field"),
    };

    private static byte[] FlipLastBit(byte[] hash)
    {
        hash[^1] ^= 1;
        return hash;
    }
}
