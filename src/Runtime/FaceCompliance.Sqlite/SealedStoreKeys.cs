using Microsoft.Data.Sqlite;

namespace FaceCompliance.Sqlite;

/// <summary>
/// The receipt and audit keys a store uses, kept in its <c>meta</c> table sealed under the master key
/// (<see cref="Storage.SealedStoreKeys"/> with this store's label). They are the first master key's derived keys,
/// recorded when the file was created (or first opened by this version); a master key rotation seals them again under
/// the new key, so receipts already issued and the audit chain stay valid while the master key changes.
/// </summary>
internal static class SealedStoreKeys
{
    public const string MetaKey = "sealed_store_keys";

    private const string Label = "FaceCompliance.Sqlite store keys v1";

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

        try
        {
            return Storage.SealedStoreKeys.Open(sealedKeys, masterKeys, Label);
        }
        catch (System.Security.Cryptography.CryptographicException error)
        {
            throw new System.IO.InvalidDataException(
                $"The FaceCompliance store file '{path}' is damaged: its sealed receipt and audit keys fail authentication although the master key "
                + "is right (its key check value matches). Nothing was written. Restore the file from a backup (with the same master key).", error);
        }
    }

    /// <summary>Seals <paramref name="storeKeys"/>' receipt and audit keys under <paramref name="masterKeys"/>' wrapping key.</summary>
    public static void Write(SqliteConnection connection, SqliteTransaction transaction, FacialDataKeys storeKeys, FacialDataKeys masterKeys) =>
        SqliteDatabase.Execute(connection, transaction, "INSERT OR REPLACE INTO meta (key, value) VALUES ($key, $value)",
            ("$key", MetaKey), ("$value", Storage.SealedStoreKeys.Seal(storeKeys, masterKeys, Label)));
}
