using System;
using System.Security.Cryptography;
using System.Text;

namespace FaceCompliance.Sqlite;

/// <summary>
/// The key check value a store records in its <c>meta</c> table: an HMAC-SHA256 of a fixed label under a key derived
/// (HKDF-SHA256) from the key-wrapping key, itself derived from the master key. It tells whether a master key is the
/// one the store was created with, and reveals nothing about the key.
/// </summary>
internal static class MasterKeyCheck
{
    /// <summary>The <c>meta</c> key under which the value is stored.</summary>
    public const string MetaKey = "master_key_check";

    private static readonly byte[] s_label = Encoding.UTF8.GetBytes("FaceCompliance.Sqlite master key check v1");

    public static byte[] Compute(FacialDataKeys keys)
    {
        var checkKey = new byte[32];
        try
        {
            HKDF.DeriveKey(HashAlgorithmName.SHA256, keys.KeyWrappingKey.Span, checkKey, salt: [], info: Encoding.UTF8.GetBytes("FaceCompliance key check"));
            return HMACSHA256.HashData(checkKey, s_label);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(checkKey);
        }
    }
}
