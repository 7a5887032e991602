using System;
using System.Security.Cryptography;
using FaceCompliance.Storage;
using Microsoft.Data.Sqlite;

namespace FaceCompliance.Sqlite;

/// <summary>
/// The quick check behind the store's health check: the file opens, its key check value is the store's key's, and the
/// audit chain's head reads and verifies. Milliseconds, whatever the file's size (the full <c>quick_check</c> runs at
/// open, not here).
/// </summary>
internal static class StoreHealth
{
    /// <summary>Null when all is well, otherwise what is wrong.</summary>
    public static string? Check(SqliteDatabase database, byte[] keyCheckValue, AuditChain chain)
    {
        try
        {
            using var connection = database.Open();
            using var snapshot = connection.BeginTransaction(deferred: true);
            if (SqliteDatabase.Scalar(connection, snapshot, "SELECT value FROM meta WHERE key = $key", ("$key", MasterKeyCheck.MetaKey)) is not byte[] recorded)
            {
                return $"'{database.Path}' has no key check value.";
            }

            if (!CryptographicOperations.FixedTimeEquals(recorded, keyCheckValue))
            {
                return $"The master key does not match the key check value of '{database.Path}'.";
            }

            return SqliteAuditTrail.LastRecordVerifies(connection, snapshot, chain)
                ? null
                : $"The last audit record of '{database.Path}' does not verify (the chain's head was altered).";
        }
        catch (Exception e) when (e is SqliteException or InvalidOperationException or System.IO.IOException)
        {
            return $"'{database.Path}' cannot be read: {e.Message}";
        }
    }
}
