using System;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;

namespace FaceCompliance.Sqlite;

/// <summary>
/// The receipt and audit keys a store uses, kept in its <c>meta</c> table sealed (AES-256-GCM) under the master key's
/// wrapping key. They are the first master key's derived keys, recorded when the file was created (or first opened by
/// this version); a master key rotation seals them again under the new key, so receipts already issued and the audit
/// chain stay valid while the master key changes.
/// </summary>
internal static class SealedStoreKeys
{
    public const string MetaKey = "sealed_store_keys";

    private const int KeySize = 32;
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private static readonly byte[] s_associatedData = Encoding.UTF8.GetBytes("FaceCompliance.Sqlite store keys v1");

    /// <summary>
    /// The keys to use with <paramref name="masterKeys"/>: the sealed ones if the file has them, else
    /// <paramref name="masterKeys"/>' own, sealed now. The master key must already have been checked.
    /// </summary>
    public static FacialDataKeys Read(SqliteConnection connection, SqliteTransaction transaction, string path, FacialDataKeys masterKeys)
    {
        if (SqliteDatabase.Scalar(connection, transaction, "SELECT value FROM meta WHERE key = $key", ("$key", MetaKey)) is not byte[] sealedKeys)
        {
            Write(connection, transaction, masterKeys, masterKeys);
            return masterKeys;
        }

        var plain = Open(masterKeys, sealedKeys, path);
        try
        {
            return new FacialDataKeys(plain[..KeySize], masterKeys.KeyWrappingKey, plain[KeySize..]);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plain);
        }
    }

    /// <summary>Seals <paramref name="storeKeys"/>' receipt and audit keys under <paramref name="masterKeys"/>' wrapping key.</summary>
    public static void Write(SqliteConnection connection, SqliteTransaction transaction, FacialDataKeys storeKeys, FacialDataKeys masterKeys)
    {
        var plain = new byte[2 * KeySize];
        storeKeys.ReceiptKey.Span.CopyTo(plain);
        storeKeys.AuditKey.Span.CopyTo(plain.AsSpan(KeySize));
        var sealedKeys = new byte[NonceSize + TagSize + plain.Length];
        RandomNumberGenerator.Fill(sealedKeys.AsSpan(0, NonceSize));
        using (var aes = new AesGcm(masterKeys.KeyWrappingKey.Span, TagSize))
        {
            aes.Encrypt(sealedKeys.AsSpan(0, NonceSize), plain, sealedKeys.AsSpan(NonceSize + TagSize), sealedKeys.AsSpan(NonceSize, TagSize), s_associatedData);
        }

        CryptographicOperations.ZeroMemory(plain);
        SqliteDatabase.Execute(connection, transaction, "INSERT OR REPLACE INTO meta (key, value) VALUES ($key, $value)", ("$key", MetaKey), ("$value", sealedKeys));
    }

    private static byte[] Open(FacialDataKeys masterKeys, byte[] sealedKeys, string path)
    {
        var plain = new byte[Math.Max(0, sealedKeys.Length - NonceSize - TagSize)];
        try
        {
            if (plain.Length != 2 * KeySize)
            {
                throw new CryptographicException("wrong length");
            }

            using var aes = new AesGcm(masterKeys.KeyWrappingKey.Span, TagSize);
            aes.Decrypt(sealedKeys.AsSpan(0, NonceSize), sealedKeys.AsSpan(NonceSize + TagSize), sealedKeys.AsSpan(NonceSize, TagSize), plain, s_associatedData);
            return plain;
        }
        catch (CryptographicException error)
        {
            throw new System.IO.InvalidDataException(
                $"The FaceCompliance store file '{path}' is damaged: its sealed receipt and audit keys fail authentication although the master key "
                + "is right (its key check value matches). Nothing was written. Restore the file from a backup (with the same master key).", error);
        }
    }
}
