using System;
using Xunit;
using FaceCompliance.Storage;

namespace FaceCompliance.Tests.Audit;

/// <summary>Append refuses what cannot be an honest, single-line, non-biometric record, and says why.</summary>
public sealed class AuditInputTests
{
    private static readonly AuditChain Chain = AuditTestChains.Chain();

    private static AuditRecord Append(string actor = "gate-1", AuditAction action = AuditAction.Verified, string? subjectId = "resident-1",
        string? purposeId = "Sunny.Gardens.CommunityEntry", string? receiptId = "receipt-1", AuditOutcome outcome = AuditOutcome.Succeeded,
        string? detail = null) =>
        Chain.Append(null, AuditTestChains.Start, actor, action, subjectId, purposeId, receiptId, outcome, detail);

    [Fact]
    public void A_key_shorter_than_32_bytes_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => new AuditChain(new byte[31]));

        Assert.Equal("key", error.ParamName);
        Assert.Contains("31 bytes; it must be at least 32", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_key_of_32_bytes_or_more_is_accepted()
    {
        Assert.NotNull(new AuditChain(new byte[32]));
        Assert.NotNull(new AuditChain(new byte[64]));
    }

    [Fact]
    public void A_missing_key_is_refused()
    {
        Assert.Throws<ArgumentNullException>(() => new AuditChain((byte[])null!));
        Assert.Throws<ArgumentNullException>(() => new AuditChain((FacialDataKeys)null!));
    }

    [Fact]
    public void A_missing_actor_is_refused()
    {
        Assert.Throws<ArgumentNullException>(() => Append(actor: null!));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void An_empty_actor_is_refused(string actor)
    {
        var error = Assert.Throws<ArgumentException>(() => Append(actor: actor));

        Assert.Equal("actor", error.ParamName);
        Assert.Contains("must name the operator or device", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("actor", "a\nb", "U+000A")]
    [InlineData("subjectId", "\0", "U+0000")]
    [InlineData("purposeId", "p\u007f", "U+007F")]
    [InlineData("receiptId", "r\u0085", "U+0085")]
    [InlineData("detail", "line one\r\nline two", "U+000D")]
    [InlineData("detail", "tab\there", "U+0009")]
    public void Control_characters_are_refused(string parameter, string value, string named)
    {
        var error = Assert.Throws<ArgumentException>(() => AppendWith(parameter, value));

        Assert.Equal(parameter, error.ParamName);
        Assert.Contains($"control character {named}", error.Message, StringComparison.Ordinal);
    }

    // Attribute arguments cannot carry lone surrogates (metadata stores UTF-8), so the test builds them.
    [Theory]
    [InlineData("actor", 0xD800, "g", "")]
    [InlineData("detail", 0xDC00, "", "x")]
    [InlineData("subjectId", 0xD83D, "a", "b")]
    public void Lone_surrogates_are_refused(string parameter, int surrogate, string before, string after)
    {
        var value = before + (char)surrogate + after;

        var error = Assert.Throws<ArgumentException>(() => AppendWith(parameter, value));

        Assert.Equal(parameter, error.ParamName);
        Assert.Contains("lone UTF-16 surrogate", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Non_ascii_text_and_surrogate_pairs_are_accepted()
    {
        var record = Append(actor: "东门闸机-1", detail: "拒绝人脸核验 🙂");

        Assert.Equal("拒绝人脸核验 🙂", record.Detail);
        Assert.True(Chain.Verify([record]).IsValid);
    }

    [Theory]
    [InlineData("subjectId")]
    [InlineData("purposeId")]
    [InlineData("receiptId")]
    [InlineData("detail")]
    public void An_empty_optional_text_is_refused_in_favour_of_null(string parameter)
    {
        var error = Assert.Throws<ArgumentException>(() => AppendWith(parameter, " "));

        Assert.Equal(parameter, error.ParamName);
        Assert.Contains("pass null when there is none", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_detail_longer_than_500_characters_is_refused()
    {
        Assert.Equal(500, Append(detail: new string('x', 500)).Detail!.Length);

        var error = Assert.Throws<ArgumentException>(() => Append(detail: new string('x', 501)));

        Assert.Equal("detail", error.ParamName);
        Assert.Contains("501 characters; at most 500", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("actor")]
    [InlineData("subjectId")]
    [InlineData("purposeId")]
    [InlineData("receiptId")]
    public void An_identifier_longer_than_256_characters_is_refused(string parameter)
    {
        AppendWith(parameter, new string('i', 256));

        var error = Assert.Throws<ArgumentException>(() => AppendWith(parameter, new string('i', 257)));

        Assert.Equal(parameter, error.ParamName);
        Assert.Contains("at most 256", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(999)]
    public void An_undefined_action_is_refused(int action)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Append(action: (AuditAction)action));

        Assert.Equal("action", error.ParamName);
        Assert.Contains("is not a defined AuditAction", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    public void An_undefined_outcome_is_refused(int outcome)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Append(outcome: (AuditOutcome)outcome));

        Assert.Equal("outcome", error.ParamName);
    }

    [Fact]
    public void Continuing_from_a_negative_sequence_or_a_hash_of_another_length_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            Chain.Append(-1, new byte[32], AuditTestChains.Start, "gate-1", AuditAction.Verified, null, null, null, AuditOutcome.Succeeded, null));
        var error = Assert.Throws<ArgumentException>(() =>
            Chain.Append(3, new byte[16], AuditTestChains.Start, "gate-1", AuditAction.Verified, null, null, null, AuditOutcome.Succeeded, null));
        Assert.Equal("previousHash", error.ParamName);
    }

    [Fact]
    public void Verifying_from_an_anchor_of_another_length_or_a_sequence_below_one_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => Chain.Verify([], anchor: new byte[20]));
        Assert.Equal("anchor", error.ParamName);
        Assert.Contains("20 bytes", error.Message, StringComparison.Ordinal);

        Assert.Throws<ArgumentOutOfRangeException>(() => Chain.Verify([], firstSequence: 0));
    }

    [Fact]
    public void A_null_among_the_records_is_refused_naming_its_sequence()
    {
        var first = Append();

        var error = Assert.Throws<ArgumentException>(() => Chain.Verify([first, null!]));

        Assert.Contains("sequence 2 is null", error.Message, StringComparison.Ordinal);
    }

    private static AuditRecord AppendWith(string parameter, string value) => parameter switch
    {
        "actor" => Append(actor: value),
        "subjectId" => Append(subjectId: value),
        "purposeId" => Append(purposeId: value),
        "receiptId" => Append(receiptId: value),
        "detail" => Append(detail: value),
        _ => throw new ArgumentOutOfRangeException(nameof(parameter), parameter, "unknown parameter"),
    };
}
