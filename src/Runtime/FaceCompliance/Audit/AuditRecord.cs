using System;
using System.Text;
using FaceCompliance.Storage;

namespace FaceCompliance;

/// <summary>
/// One entry of the tamper-evident audit trail: who did what to whose face information, for which purpose, with
/// which outcome, chained to the entry before it (Measures Art. 9 processing record; Art. 14 security audit).
/// </summary>
/// <remarks>
/// <para>
/// Make new records with <see cref="AuditChain.Append(AuditRecord?, DateTimeOffset, string, AuditAction, string?, string?, string?, AuditOutcome, string?)"/>.
/// A store rebuilds stored records with the constructor, which checks nothing but nulls so that a damaged or
/// edited record can still be loaded and reported by <see cref="AuditChain.Verify"/>.
/// </para>
/// <para>
/// A store must keep every field exactly: strings as written (<see langword="null"/> distinct from empty),
/// <see cref="Time"/> to the tick (for example as UTC ticks in an integer column), the enums as their numbers and
/// both hashes as 32-byte blobs; anything else fails verification.
/// </para>
/// <para>
/// Records are immutable: the hash arrays are copied in and out. Equality compares every field, hashes by content.
/// </para>
/// </remarks>
public sealed record AuditRecord
{
    private readonly byte[] previousHash;
    private readonly byte[] hash;

    /// <summary>Creates a record from its stored fields; does not check the hash (see <see cref="AuditChain.Verify"/>).</summary>
    /// <param name="sequence">The record's position in the chain, from 1, without gaps.</param>
    /// <param name="time">When the operation happened; kept as UTC.</param>
    /// <param name="actor">The operator or device that performed the operation.</param>
    /// <param name="action">What was done.</param>
    /// <param name="subjectId">The person whose face information was concerned, if any.</param>
    /// <param name="purposeId">The purpose (<see cref="FacialPurposeInfo.Id"/>), if any.</param>
    /// <param name="receiptId">The consent receipt the operation relied on, if any.</param>
    /// <param name="outcome">How the operation ended.</param>
    /// <param name="detail">Short free text such as a rejection reason; never biometric data.</param>
    /// <param name="previousHash">The <see cref="Hash"/> of the record before, or the chain's genesis value or anchor.</param>
    /// <param name="hash">The keyed hash of this record's canonical encoding.</param>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/>, <paramref name="previousHash"/> or <paramref name="hash"/> is null.</exception>
    public AuditRecord(long sequence, DateTimeOffset time, string actor, AuditAction action, string? subjectId,
        string? purposeId, string? receiptId, AuditOutcome outcome, string? detail, byte[] previousHash, byte[] hash)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(previousHash);
        ArgumentNullException.ThrowIfNull(hash);
        Sequence = sequence;
        Time = time;
        Actor = actor;
        Action = action;
        SubjectId = subjectId;
        PurposeId = purposeId;
        ReceiptId = receiptId;
        Outcome = outcome;
        Detail = detail;
        this.previousHash = (byte[])previousHash.Clone();
        this.hash = (byte[])hash.Clone();
    }

    /// <summary>The record's position in the chain: 1 for the first record ever written, then each one more.</summary>
    public long Sequence { get; init; }

    /// <summary>When the operation happened, in UTC (an offset given is converted).</summary>
    public DateTimeOffset Time { get; init => field = value.ToUniversalTime(); }

    /// <summary>The operator or device that performed the operation.</summary>
    public string Actor { get; init => field = value ?? throw new ArgumentNullException(nameof(Actor)); }

    /// <summary>What was done.</summary>
    public AuditAction Action { get; init; }

    /// <summary>The person whose face information was concerned, or <see langword="null"/>.</summary>
    public string? SubjectId { get; init; }

    /// <summary>The purpose the operation served (<see cref="FacialPurposeInfo.Id"/>), or <see langword="null"/>.</summary>
    public string? PurposeId { get; init; }

    /// <summary>The consent receipt the operation relied on, or <see langword="null"/>.</summary>
    public string? ReceiptId { get; init; }

    /// <summary>How the operation ended.</summary>
    public AuditOutcome Outcome { get; init; }

    /// <summary>
    /// Short free text such as a rejection reason, or <see langword="null"/>. It must never contain biometric data
    /// (images, templates, feature vectors, match scores that identify a face): the audit trail is kept at least 3
    /// years, longer than face information may be.
    /// </summary>
    public string? Detail { get; init; }

    /// <summary>The hash of the record before (a copy); for the first record, 32 zero bytes or the anchor.</summary>
    public byte[] PreviousHash
    {
        get => (byte[])previousHash.Clone();
        init => previousHash = (byte[])(value ?? throw new ArgumentNullException(nameof(PreviousHash))).Clone();
    }

    /// <summary>HMAC-SHA256 under the audit key of <see cref="AuditRecordEncoding.Encode"/> of this record (a copy).</summary>
    public byte[] Hash
    {
        get => (byte[])hash.Clone();
        init => hash = (byte[])(value ?? throw new ArgumentNullException(nameof(Hash))).Clone();
    }

    internal ReadOnlySpan<byte> PreviousHashSpan => previousHash;

    internal ReadOnlySpan<byte> HashSpan => hash;

    /// <summary>Whether every field is equal: strings ordinally, the time as an instant, the hashes by content.</summary>
    /// <param name="other">The record to compare with.</param>
    public bool Equals(AuditRecord? other) =>
        other is not null
        && Sequence == other.Sequence
        && Time == other.Time
        && string.Equals(Actor, other.Actor, StringComparison.Ordinal)
        && Action == other.Action
        && string.Equals(SubjectId, other.SubjectId, StringComparison.Ordinal)
        && string.Equals(PurposeId, other.PurposeId, StringComparison.Ordinal)
        && string.Equals(ReceiptId, other.ReceiptId, StringComparison.Ordinal)
        && Outcome == other.Outcome
        && string.Equals(Detail, other.Detail, StringComparison.Ordinal)
        && previousHash.AsSpan().SequenceEqual(other.previousHash)
        && hash.AsSpan().SequenceEqual(other.hash);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var combined = new HashCode();
        combined.Add(Sequence);
        combined.Add(Time);
        combined.Add(Actor, StringComparer.Ordinal);
        combined.Add(Action);
        combined.Add(SubjectId, StringComparer.Ordinal);
        combined.Add(PurposeId, StringComparer.Ordinal);
        combined.Add(ReceiptId, StringComparer.Ordinal);
        combined.Add(Outcome);
        combined.Add(Detail, StringComparer.Ordinal);
        combined.AddBytes(previousHash);
        combined.AddBytes(hash);
        return combined.ToHashCode();
    }

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append($"Sequence = {Sequence}, Time = {Time:O}, Actor = {Actor}, Action = {Action}, ")
            .Append($"SubjectId = {SubjectId}, PurposeId = {PurposeId}, ReceiptId = {ReceiptId}, Outcome = {Outcome}, ")
            .Append($"Detail = {Detail}, PreviousHash = {Convert.ToHexStringLower(previousHash)}, Hash = {Convert.ToHexStringLower(hash)}");
        return true;
    }
}
