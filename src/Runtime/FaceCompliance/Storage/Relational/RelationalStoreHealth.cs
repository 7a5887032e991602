using System;
using System.Data.Common;
using System.Security.Cryptography;

namespace FaceCompliance.Storage;

/// <summary>
/// The quick check behind a store's health check: the storage answers, its key check value is the store's key's, the
/// last audit record is the chain's head (where the engine keeps a head apart from the records) and verifies.
/// Milliseconds, whatever the store's size (<see cref="IAuditTrail.Verify"/> reads every record).
/// </summary>
internal static class RelationalStoreHealth
{
    /// <summary>Null when all is well, otherwise what is wrong.</summary>
    public static string? Check(RelationalDatabase database, byte[] keyCheckValue, AuditChain chain)
    {
        try
        {
            using var connection = database.OpenConnection();
            using var snapshot = database.BeginSnapshot(connection);
            if (RelationalDatabase.ReadMeta(connection, snapshot, RelationalDatabase.KeyCheckMetaKey) is not byte[] recorded)
            {
                return $"The {database.Described} has no key check value.";
            }

            if (!CryptographicOperations.FixedTimeEquals(recorded, keyCheckValue))
            {
                return $"The master key does not match the key check value of the {database.Described}.";
            }

            var last = RelationalAuditTrail.LastRecord(connection, snapshot);
            if (database.ReadChainEnds(connection, snapshot).Head is { Sequence: > 0 } head
                && (last is null || last.Sequence != head.Sequence || !last.Hash.AsSpan().SequenceEqual(head.Hash)))
            {
                return $"The last audit record of the {database.Described} is not the chain's head (record {head.Sequence}): records were cut from the end, or the head was altered.";
            }

            return last is null || chain.Verify([last], last.PreviousHash, last.Sequence).IsValid
                ? null
                : $"The last audit record of the {database.Described} does not verify (the chain's head was altered).";
        }
        catch (Exception e) when (e is DbException or InvalidOperationException or System.IO.IOException)
        {
            return $"The {database.Described} cannot be read: {e.Message}";
        }
    }
}
