using System;
using System.Security.Cryptography;
using System.Text;
using FaceCompliance.Storage;

namespace FaceCompliance;

/// <summary>
/// The secrets of a facial-data store, derived from one master key the application supplies and keeps outside the
/// store (a key vault, a hardware module, an environment secret): one key signs consent receipts, one wraps the
/// per-person data keys, one keys the audit chain (HKDF-SHA256). Lose the master key and the data cannot be read.
/// </summary>
/// <remarks>
/// The derived keys never leave the library: a store implementation hands this object to the building blocks of
/// <see cref="Storage"/> (<see cref="Storage.ReceiptSigner"/>, <see cref="Storage.TemplateProtector"/>,
/// <see cref="Storage.AuditChain"/>) and records <see cref="Storage.MasterKeyCheck.Compute"/> to recognise the key later.
/// </remarks>
public sealed class FacialDataKeys
{
    /// <summary>The shortest master key accepted, in bytes.</summary>
    public const int MinimumMasterKeyLength = 32;

    /// <summary>Derives the keys.</summary>
    /// <exception cref="ArgumentException">The master key is shorter than 32 bytes.</exception>
    public FacialDataKeys(ReadOnlySpan<byte> masterKey)
    {
        if (masterKey.Length < MinimumMasterKeyLength)
        {
            throw new ArgumentException($"The master key must be at least {MinimumMasterKeyLength} random bytes; it has {masterKey.Length}.", nameof(masterKey));
        }

        ReceiptKey = Derive(masterKey, "receipts");
        KeyWrappingKey = Derive(masterKey, "key-wrapping");
        AuditKey = Derive(masterKey, "audit");
    }

    /// <summary>
    /// Keys a store keeps across master key rotations: the receipt and audit keys it sealed under an earlier master
    /// key, with the current master key's wrapping key.
    /// </summary>
    internal FacialDataKeys(ReadOnlyMemory<byte> receiptKey, ReadOnlyMemory<byte> keyWrappingKey, ReadOnlyMemory<byte> auditKey)
    {
        ReceiptKey = receiptKey;
        KeyWrappingKey = keyWrappingKey;
        AuditKey = auditKey;
    }

    /// <summary>Signs consent receipts (HMAC-SHA256).</summary>
    internal ReadOnlyMemory<byte> ReceiptKey { get; }

    /// <summary>Encrypts each person's data key (AES-256-GCM).</summary>
    internal ReadOnlyMemory<byte> KeyWrappingKey { get; }

    /// <summary>Keys the audit chain's hashes (HMAC-SHA256).</summary>
    internal ReadOnlyMemory<byte> AuditKey { get; }

    /// <summary>A new random master key.</summary>
    public static byte[] NewMasterKey() => RandomNumberGenerator.GetBytes(MinimumMasterKeyLength);

    private static byte[] Derive(ReadOnlySpan<byte> masterKey, string use)
    {
        var key = new byte[32];
        HKDF.DeriveKey(HashAlgorithmName.SHA256, masterKey, key, salt: [], info: Encoding.UTF8.GetBytes("FaceCompliance " + use));
        return key;
    }
}
