using System;
using System.Collections.Generic;
using System.Security.Cryptography;

namespace FaceCompliance.Storage;

/// <summary>
/// Makes and verifies the tamper-evident audit trail (Measures Art. 9 processing record; Art. 14 security audit),
/// independently of where records are stored. Each record carries the hash of the record before it, and its own
/// hash is HMAC-SHA256 under a secret audit key of its canonical encoding (<see cref="AuditRecordEncoding"/>), so
/// someone who can edit the stored records but does not hold the key cannot alter, insert, delete or reorder
/// records without <see cref="Verify"/> finding it.
/// </summary>
/// <remarks>
/// <para>
/// Keep the audit key away from the records (a key store or the platform's secret storage, not the database
/// file); whoever holds it can rewrite the whole chain. Losing it makes the trail unverifiable.
/// </para>
/// <para>
/// Retention (Art. 9: at least 3 years, see <see cref="AuditRetention"/>): a store may delete the oldest records
/// once <see cref="AuditRetention.MayPurge"/> allows, always from the front of the chain. It must then persist the
/// <see cref="AuditRecord.Hash"/> and <see cref="AuditRecord.Sequence"/> of the last record it deleted (the
/// anchor), pass them to <see cref="Verify"/> as <c>anchor</c> and <c>firstSequence</c> = that sequence + 1, and,
/// if it deleted every record, continue the chain with
/// <see cref="Append(long, byte[], DateTimeOffset, string, AuditAction, string?, string?, string?, AuditOutcome, string?)"/>.
/// </para>
/// <para>
/// The chain alone cannot show that records were cut off its end. A store that needs that should also keep the
/// latest sequence and hash somewhere the records' editor cannot reach, and compare.
/// </para>
/// </remarks>
public sealed class AuditChain
{
    /// <summary>The size of <see cref="AuditRecord.Hash"/>, <see cref="AuditRecord.PreviousHash"/> and an anchor, in bytes.</summary>
    public const int HashSize = 32;

    /// <summary>The smallest audit key accepted, in bytes (256 bits, the HMAC-SHA256 security level).</summary>
    public const int MinimumKeySize = 32;

    /// <summary>The most characters an actor, subject, purpose or receipt id may have.</summary>
    public const int MaxIdentifierLength = 256;

    /// <summary>The most characters <see cref="AuditRecord.Detail"/> may have: room for a reason, not for data.</summary>
    public const int MaxDetailLength = 500;

    private readonly byte[] key;

    /// <summary>Creates a chain that hashes with the audit key derived from the application's master key.</summary>
    /// <param name="keys">The store's keys.</param>
    /// <exception cref="ArgumentNullException"><paramref name="keys"/> is null.</exception>
    public AuditChain(FacialDataKeys keys)
        : this((keys ?? throw new ArgumentNullException(nameof(keys))).AuditKey.ToArray())
    {
    }

    /// <summary>Creates a chain that hashes with <paramref name="key"/> (tests and tools that hold a raw audit key).</summary>
    /// <param name="key">The secret audit key, at least <see cref="MinimumKeySize"/> random bytes; it is copied.</param>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="key"/> is shorter than <see cref="MinimumKeySize"/> bytes.</exception>
    internal AuditChain(byte[] key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length < MinimumKeySize)
        {
            throw new ArgumentException($"The audit key has {key.Length} bytes; it must be at least {MinimumKeySize} random bytes (256 bits).", nameof(key));
        }

        this.key = (byte[])key.Clone();
    }

    /// <summary>Makes the record that follows <paramref name="previous"/>, or the first record of a new chain.</summary>
    /// <param name="previous">The latest record, or <see langword="null"/> to start a chain (sequence 1 after 32 zero bytes).</param>
    /// <param name="time">When the operation happened.</param>
    /// <param name="actor">The operator or device that performed it: not empty.</param>
    /// <param name="action">What was done.</param>
    /// <param name="subjectId">The person concerned, or <see langword="null"/>.</param>
    /// <param name="purposeId">The purpose served, or <see langword="null"/>.</param>
    /// <param name="receiptId">The consent receipt relied on, or <see langword="null"/>.</param>
    /// <param name="outcome">How the operation ended.</param>
    /// <param name="detail">A short reason, at most <see cref="MaxDetailLength"/> characters, never biometric data; or <see langword="null"/>.</param>
    /// <returns>The new record, to be stored after <paramref name="previous"/>.</returns>
    /// <exception cref="ArgumentException">
    /// The actor is empty; a text is empty or whitespace (pass <see langword="null"/> instead), too long, or holds a
    /// control character or a lone surrogate; or <paramref name="previous"/> has a hash that is not 32 bytes.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException">The action or outcome is not a defined value.</exception>
    public AuditRecord Append(AuditRecord? previous, DateTimeOffset time, string actor, AuditAction action, string? subjectId,
        string? purposeId, string? receiptId, AuditOutcome outcome, string? detail) =>
        previous is null
            ? Append(0, new byte[HashSize], time, actor, action, subjectId, purposeId, receiptId, outcome, detail)
            : Append(previous.Sequence, previous.Hash, time, actor, action, subjectId, purposeId, receiptId, outcome, detail);

    /// <summary>
    /// Makes the record that follows a record known only by its sequence and hash: the anchor left when a store has
    /// purged every record.
    /// </summary>
    /// <param name="previousSequence">The sequence of the record before; 0 starts a chain.</param>
    /// <param name="previousHash">The hash of the record before (32 bytes); 32 zero bytes start a chain.</param>
    /// <param name="time">When the operation happened.</param>
    /// <param name="actor">The operator or device that performed it: not empty.</param>
    /// <param name="action">What was done.</param>
    /// <param name="subjectId">The person concerned, or <see langword="null"/>.</param>
    /// <param name="purposeId">The purpose served, or <see langword="null"/>.</param>
    /// <param name="receiptId">The consent receipt relied on, or <see langword="null"/>.</param>
    /// <param name="outcome">How the operation ended.</param>
    /// <param name="detail">A short reason, at most <see cref="MaxDetailLength"/> characters, never biometric data; or <see langword="null"/>.</param>
    /// <returns>The new record, with sequence <paramref name="previousSequence"/> + 1.</returns>
    /// <exception cref="ArgumentException">As for the other overload, or <paramref name="previousHash"/> is not 32 bytes.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="previousSequence"/> is negative or the last possible one, or the action or outcome is not defined.</exception>
    public AuditRecord Append(long previousSequence, byte[] previousHash, DateTimeOffset time, string actor, AuditAction action,
        string? subjectId, string? purposeId, string? receiptId, AuditOutcome outcome, string? detail)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(previousSequence);
        ArgumentOutOfRangeException.ThrowIfEqual(previousSequence, long.MaxValue);
        ArgumentNullException.ThrowIfNull(previousHash);
        if (previousHash.Length != HashSize)
        {
            throw new ArgumentException($"The previous hash has {previousHash.Length} bytes; an audit hash has {HashSize}.", nameof(previousHash));
        }

        AuditInput.Actor(actor);
        AuditInput.Defined(action, nameof(action));
        AuditInput.Optional(subjectId, MaxIdentifierLength, nameof(subjectId));
        AuditInput.Optional(purposeId, MaxIdentifierLength, nameof(purposeId));
        AuditInput.Optional(receiptId, MaxIdentifierLength, nameof(receiptId));
        AuditInput.Defined(outcome, nameof(outcome));
        AuditInput.Optional(detail, MaxDetailLength, nameof(detail));

        var unsigned = new AuditRecord(previousSequence + 1, time, actor, action, subjectId, purposeId, receiptId, outcome,
            detail, previousHash, []);
        return unsigned with { Hash = HMACSHA256.HashData(key, AuditRecordEncoding.Encode(unsigned)) };
    }

    /// <summary>
    /// Walks <paramref name="records"/> in order and reports the first that was altered, is missing, is out of
    /// order or does not follow the record before it.
    /// </summary>
    /// <param name="records">The stored records, oldest first; enumerated once and only up to the first problem.</param>
    /// <param name="anchor">
    /// The hash of the last purged record, when older records were purged; <see langword="null"/> for a chain that
    /// still starts at its first record (whose previous hash is 32 zero bytes).
    /// </param>
    /// <param name="firstSequence">The sequence the first record must have: 1, or the last purged sequence + 1.</param>
    /// <returns>
    /// Valid with the number of records, or the first problem, at the sequence expected at that position, with a
    /// <see cref="AuditVerification.Problem"/> starting <c>altered</c>, <c>missing record</c>, <c>out of order</c>
    /// or <c>chain broken</c>.
    /// </returns>
    /// <exception cref="ArgumentException"><paramref name="anchor"/> is not 32 bytes, or a record is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="firstSequence"/> is less than 1.</exception>
    public AuditVerification Verify(IEnumerable<AuditRecord> records, byte[]? anchor = null, long firstSequence = 1)
    {
        ArgumentNullException.ThrowIfNull(records);
        if (anchor is not null && anchor.Length != HashSize)
        {
            throw new ArgumentException($"The anchor has {anchor.Length} bytes; it must be the {HashSize}-byte hash of the last purged record.", nameof(anchor));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(firstSequence, 1);

        var expectedPrevious = anchor ?? new byte[HashSize];
        var expectedSequence = firstSequence;
        long verified = 0;
        foreach (var record in records)
        {
            if (record is null)
            {
                throw new ArgumentException($"The record expected at sequence {expectedSequence} is null.", nameof(records));
            }

            var problem = FindProblem(record, expectedSequence, expectedPrevious, anchor is not null, firstSequence);
            if (problem is not null)
            {
                return AuditVerification.Invalid(expectedSequence, problem, verified);
            }

            expectedPrevious = record.Hash;
            expectedSequence++;
            verified++;
        }

        return AuditVerification.Valid(verified);
    }

    // The hash is checked first: only a record whose content is authentic has a sequence and previous hash worth reading.
    private string? FindProblem(AuditRecord record, long expectedSequence, byte[] expectedPrevious, bool anchored, long firstSequence)
    {
        if (!AuditRecordEncoding.TryEncode(record, out var encoded, out var unencodable))
        {
            return $"altered: record {expectedSequence} cannot be encoded ({unencodable})";
        }

        if (record.HashSpan.Length != HashSize
            || !CryptographicOperations.FixedTimeEquals(record.HashSpan, HMACSHA256.HashData(key, encoded)))
        {
            return $"altered: record {expectedSequence} does not match its hash (edited, forged without the key, or inserted)";
        }

        if (record.Sequence > expectedSequence)
        {
            return $"missing record: record {expectedSequence} was expected, record {record.Sequence} was found (deleted or reordered)";
        }

        if (record.Sequence < expectedSequence)
        {
            return $"out of order: record {expectedSequence} was expected, record {record.Sequence} was found (duplicated or reordered)";
        }

        if (!record.PreviousHashSpan.SequenceEqual(expectedPrevious))
        {
            var predecessor = expectedSequence != firstSequence ? $"record {expectedSequence - 1}"
                : anchored ? "the anchor" : "the genesis value (32 zero bytes)";
            return $"chain broken: record {expectedSequence} does not follow {predecessor} (taken from another chain)";
        }

        return null;
    }
}
