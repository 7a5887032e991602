using System;
using System.Security.Cryptography;
using System.Text;

namespace FaceCompliance.Storage;

/// <summary>
/// Seals a store's receipt and audit keys (AES-256-GCM) under a master key's wrapping key, so that a store can keep
/// them beside its data: they are the first master key's derived keys, recorded when the store was created, and a
/// master key rotation seals them again under the new key, so receipts already issued and the audit chain stay valid
/// while the master key changes.
/// </summary>
public static class SealedStoreKeys
{
    private const int KeySize = 32;
    private const int NonceSize = 12;
    private const int TagSize = 16;

    /// <summary>Seals <paramref name="storeKeys"/>' receipt and audit keys under <paramref name="masterKeys"/>' wrapping key.</summary>
    /// <param name="storeKeys">The keys whose receipt and audit keys are sealed.</param>
    /// <param name="masterKeys">The keys of the master key that seals them.</param>
    /// <param name="label">A fixed label of the store kind and format, bound to the sealed bytes, for example <c>"FaceCompliance.Sqlite store keys v1"</c>.</param>
    /// <returns>Nonce, tag and ciphertext, 92 bytes.</returns>
    public static byte[] Seal(FacialDataKeys storeKeys, FacialDataKeys masterKeys, string label)
    {
        ArgumentNullException.ThrowIfNull(storeKeys);
        ArgumentNullException.ThrowIfNull(masterKeys);
        ArgumentException.ThrowIfNullOrEmpty(label);
        var plain = new byte[2 * KeySize];
        try
        {
            storeKeys.ReceiptKey.Span.CopyTo(plain);
            storeKeys.AuditKey.Span.CopyTo(plain.AsSpan(KeySize));
            var sealedKeys = new byte[NonceSize + TagSize + plain.Length];
            RandomNumberGenerator.Fill(sealedKeys.AsSpan(0, NonceSize));
            using var aes = new AesGcm(masterKeys.KeyWrappingKey.Span, TagSize);
            aes.Encrypt(sealedKeys.AsSpan(0, NonceSize), plain, sealedKeys.AsSpan(NonceSize + TagSize), sealedKeys.AsSpan(NonceSize, TagSize), Encoding.UTF8.GetBytes(label));
            return sealedKeys;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plain);
        }
    }

    /// <summary>The keys a store uses with <paramref name="masterKeys"/>: the sealed receipt and audit keys, and the master key's own wrapping key.</summary>
    /// <param name="sealedKeys">What <see cref="Seal"/> returned.</param>
    /// <param name="masterKeys">The keys of the master key they were sealed under (check it first with <see cref="MasterKeyCheck"/>).</param>
    /// <param name="label">The label they were sealed with.</param>
    /// <exception cref="CryptographicException">The sealed bytes fail authentication (damaged, another label, or another master key).</exception>
    public static FacialDataKeys Open(ReadOnlySpan<byte> sealedKeys, FacialDataKeys masterKeys, string label)
    {
        ArgumentNullException.ThrowIfNull(masterKeys);
        ArgumentException.ThrowIfNullOrEmpty(label);
        if (sealedKeys.Length != NonceSize + TagSize + 2 * KeySize)
        {
            throw new CryptographicException($"Sealed store keys are {NonceSize + TagSize + 2 * KeySize} bytes, not {sealedKeys.Length}.");
        }

        var plain = new byte[2 * KeySize];
        try
        {
            using (var aes = new AesGcm(masterKeys.KeyWrappingKey.Span, TagSize))
            {
                aes.Decrypt(sealedKeys[..NonceSize], sealedKeys[(NonceSize + TagSize)..], sealedKeys.Slice(NonceSize, TagSize), plain, Encoding.UTF8.GetBytes(label));
            }

            return new FacialDataKeys(plain[..KeySize], masterKeys.KeyWrappingKey, plain[KeySize..]);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plain);
        }
    }
}
