using System;
using Xunit;
using FaceCompliance.Storage;

namespace FaceCompliance.Tests.Audit;

/// <summary>The canonical encoding is a storage format: exact, and different records never share bytes.</summary>
public sealed class AuditRecordEncodingTests
{
    private static readonly AuditRecord Sample = new(7, new DateTimeOffset(2025, 6, 1, 0, 0, 0, TimeSpan.Zero), "g1",
        AuditAction.Verified, "r", null, "", AuditOutcome.Refused, "é", new byte[32], []);

    [Fact]
    public void The_layout_is_the_documented_one()
    {
        var expected = Convert.FromHexString(
            "4643415544495431" +             // "FCAUDIT1"
            "0000000000000007" +             // sequence 7
            "08DDA09F40918000" +             // 2025-06-01T00:00:00Z in UTC ticks
            "00000002" + "6731" +            // actor "g1"
            "00000005" +                     // Verified
            "00000001" + "72" +              // subject "r"
            "FFFFFFFF" +                     // purpose null
            "00000000" +                     // receipt ""
            "00000002" +                     // Refused
            "00000002" + "C3A9" +            // detail "é" in UTF-8
            new string('0', 64));            // previous hash: 32 zero bytes

        Assert.Equal(0x08DDA09F40918000, new DateTimeOffset(2025, 6, 1, 0, 0, 0, TimeSpan.Zero).UtcTicks);
        Assert.Equal(Convert.ToHexString(expected), Convert.ToHexString(AuditRecordEncoding.Encode(Sample)));
    }

    // The expected value was computed outside .NET (Python hmac) from the documented layout.
    [Fact]
    public void The_hash_of_a_known_record_under_a_known_key_never_changes()
    {
        var record = AuditTestChains.Chain().Append(null, new DateTimeOffset(2025, 6, 1, 0, 0, 0, TimeSpan.Zero), "g1",
            AuditAction.Verified, "r", null, null, AuditOutcome.Refused, "é");

        Assert.Equal("DC05267254087A6591F6F6B5101CDD54B926F3CEC212493966D88CF59E554650", Convert.ToHexString(record.Hash));
    }

    [Theory]
    [InlineData("subject")]
    [InlineData("purpose")]
    [InlineData("receipt")]
    [InlineData("detail")]
    public void Null_and_empty_encode_differently(string field)
    {
        Assert.NotEqual(AuditRecordEncoding.Encode(With(field, null)), AuditRecordEncoding.Encode(With(field, "")));
    }

    [Fact]
    public void Moving_characters_from_one_field_to_the_next_changes_the_encoding()
    {
        var abC = Sample with { SubjectId = "ab", PurposeId = "c" };
        var aBc = Sample with { SubjectId = "a", PurposeId = "bc" };
        var actorSubject = Sample with { Actor = "g1r", SubjectId = null };

        Assert.NotEqual(AuditRecordEncoding.Encode(abC), AuditRecordEncoding.Encode(aBc));
        Assert.NotEqual(AuditRecordEncoding.Encode(Sample), AuditRecordEncoding.Encode(actorSubject));
    }

    [Fact]
    public void Appended_records_that_differ_only_in_where_a_field_boundary_lies_get_different_hashes()
    {
        var chain = AuditTestChains.Chain();

        var abC = chain.Append(null, AuditTestChains.Start, "gate-1", AuditAction.Verified, "ab", "c", null, AuditOutcome.Succeeded, null);
        var aBc = chain.Append(null, AuditTestChains.Start, "gate-1", AuditAction.Verified, "a", "bc", null, AuditOutcome.Succeeded, null);

        Assert.NotEqual(abC.Hash, aBc.Hash);
    }

    [Fact]
    public void The_same_instant_with_another_offset_encodes_the_same()
    {
        var shanghai = Sample with { Time = Sample.Time.ToOffset(TimeSpan.FromHours(8)) };

        Assert.Equal(AuditRecordEncoding.Encode(Sample), AuditRecordEncoding.Encode(shanghai));
    }

    [Fact]
    public void The_hash_itself_is_not_encoded()
    {
        Assert.Equal(AuditRecordEncoding.Encode(Sample), AuditRecordEncoding.Encode(Sample with { Hash = new byte[32] }));
    }

    [Fact]
    public void A_previous_hash_of_another_length_cannot_be_encoded()
    {
        var error = Assert.Throws<ArgumentException>(() => AuditRecordEncoding.Encode(Sample with { PreviousHash = new byte[31] }));

        Assert.Contains("31 bytes instead of 32", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_lone_surrogate_cannot_be_encoded()
    {
        var error = Assert.Throws<ArgumentException>(() => AuditRecordEncoding.Encode(Sample with { Detail = "\udc00" }));

        Assert.Contains("lone UTF-16 surrogate", error.Message, StringComparison.Ordinal);
    }

    private static AuditRecord With(string field, string? value) => field switch
    {
        "subject" => Sample with { SubjectId = value },
        "purpose" => Sample with { PurposeId = value },
        "receipt" => Sample with { ReceiptId = value },
        "detail" => Sample with { Detail = value },
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "unknown field"),
    };
}
