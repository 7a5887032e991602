namespace FaceCompliance.Sqlite;

/// <summary>
/// The key check value the store records in its <c>meta</c> table (<see cref="Storage.MasterKeyCheck"/> with this
/// store's label). It tells whether a master key is the one the store was created with, and reveals nothing about the key.
/// </summary>
internal static class MasterKeyCheck
{
    /// <summary>The <c>meta</c> key under which the value is stored.</summary>
    public const string MetaKey = Storage.RelationalDatabase.KeyCheckMetaKey;

    public static byte[] Compute(FacialDataKeys keys) => Storage.MasterKeyCheck.Compute(keys, "FaceCompliance.Sqlite master key check v1");
}
