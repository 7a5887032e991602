using System.Linq;
using Xunit;

namespace FaceCompliance.Tests.Audit;

/// <summary>After purging the oldest records a store verifies from the anchor it kept: the last purged record's hash.</summary>
public sealed class AuditAnchorTests
{
    private const int Count = 1000;

    [Theory]
    [InlineData(1)]
    [InlineData(365)]
    [InlineData(Count - 1)]
    public void The_remaining_records_verify_from_the_anchor_and_the_next_sequence(int purged)
    {
        var records = AuditTestChains.Build(Count);

        var result = AuditTestChains.Chain().Verify(records.Skip(purged), anchor: records[purged - 1].Hash, firstSequence: purged + 1);

        Assert.True(result.IsValid, result.Problem);
        Assert.Equal(Count - purged, result.RecordsChecked);
    }

    [Fact]
    public void A_wrong_anchor_breaks_the_chain_at_the_first_remaining_record()
    {
        var records = AuditTestChains.Build(Count);

        var result = AuditTestChains.Chain().Verify(records.Skip(100), anchor: records[98].Hash, firstSequence: 101);

        Assert.False(result.IsValid);
        Assert.Equal(101, result.FirstInvalidSequence);
        Assert.Equal("chain broken: record 101 does not follow the anchor (taken from another chain)", result.Problem);
    }

    [Fact]
    public void Without_the_anchor_the_first_remaining_record_does_not_follow_the_genesis_value()
    {
        var records = AuditTestChains.Build(Count);

        var result = AuditTestChains.Chain().Verify(records.Skip(100), firstSequence: 101);

        Assert.Equal(101, result.FirstInvalidSequence);
        Assert.StartsWith("chain broken: record 101 does not follow the genesis value", result.Problem, System.StringComparison.Ordinal);
    }

    [Fact]
    public void With_the_anchor_but_the_first_sequence_left_at_one_the_purged_records_count_as_missing()
    {
        var records = AuditTestChains.Build(Count);

        var result = AuditTestChains.Chain().Verify(records.Skip(100), anchor: records[99].Hash);

        Assert.Equal(1, result.FirstInvalidSequence);
        Assert.StartsWith("missing record: record 1 was expected, record 101 was found", result.Problem, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Purging_everything_leaves_an_empty_valid_trail_that_continues_from_the_anchor()
    {
        var chain = AuditTestChains.Chain();
        var last = AuditTestChains.Build(Count)[^1];

        var next = chain.Append(last.Sequence, last.Hash, AuditTestChains.Start.AddYears(4), "purge-job", AuditAction.Purged,
            null, null, null, AuditOutcome.Succeeded, "retention ended");

        Assert.True(chain.Verify([], anchor: last.Hash, firstSequence: Count + 1).IsValid);
        Assert.True(chain.Verify([next], anchor: last.Hash, firstSequence: Count + 1).IsValid);
        Assert.False(chain.Verify([next], anchor: new byte[32], firstSequence: Count + 1).IsValid);
    }
}
