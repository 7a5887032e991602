using System;
using System.Security.Cryptography;
using System.Text;

namespace FaceCompliance.Storage;

/// <summary>
/// The key check value a store records beside its data, to tell at open whether a master key is the one the data was
/// written with, before anything is read or created with a wrong key. It is an HMAC-SHA256 of a store-specific label
/// under a key derived (HKDF-SHA256) from the key-wrapping key, and reveals nothing about the keys.
/// </summary>
public static class MasterKeyCheck
{
    /// <summary>The key check value of <paramref name="keys"/> for a store that names itself with <paramref name="label"/>.</summary>
    /// <param name="keys">The keys derived from the master key presented.</param>
    /// <param name="label">A fixed label of the store kind and format, for example <c>"FaceCompliance.Sqlite master key check v1"</c>.</param>
    /// <returns>32 bytes; equal for the same master key and label.</returns>
    public static byte[] Compute(FacialDataKeys keys, string label)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentException.ThrowIfNullOrEmpty(label);
        var checkKey = new byte[32];
        try
        {
            HKDF.DeriveKey(HashAlgorithmName.SHA256, keys.KeyWrappingKey.Span, checkKey, salt: [], info: Encoding.UTF8.GetBytes("FaceCompliance key check"));
            return HMACSHA256.HashData(checkKey, Encoding.UTF8.GetBytes(label));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(checkKey);
        }
    }
}
