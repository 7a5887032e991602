using System;
using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;

namespace FaceCompliance.Storage;

/// <summary>
/// One database engine under the relational store (<see cref="RelationalStore"/>): how connections open, how a write
/// transaction starts and serialises the audit chain's head, where the chain's head and anchor live, the few SQL
/// differences, and the store's key check value and sealed keys in its <c>meta</c> table. The rules (consents,
/// templates, audit, lifecycle) are written once over ADO.NET in the relational store; each engine (SQLite,
/// PostgreSQL) derives from this class and keeps its own schema creation and migration.
/// </summary>
internal abstract class RelationalDatabase
{
    /// <summary>The <c>meta</c> key of the key check value (<see cref="KeyCheckValue"/>).</summary>
    public const string KeyCheckMetaKey = "master_key_check";

    /// <summary>The <c>meta</c> key of the sealed receipt and audit keys (<see cref="SealedStoreKeys"/>).</summary>
    public const string SealedKeysMetaKey = "sealed_store_keys";

    /// <summary>The store for messages and <see cref="MasterKeyMismatchException.Store"/>: a file's path, or a database's host, port and name (never a password).</summary>
    public abstract string Name { get; }

    /// <summary>The store in a sentence: "the store file '…'" or "the database …".</summary>
    public abstract string Described { get; }

    /// <summary>What holds the data, in a sentence: "file" or "database".</summary>
    public abstract string Noun { get; }

    /// <summary>The column that orders consents given in the same tick by insertion (SQLite's <c>rowid</c>, a PostgreSQL identity).</summary>
    public abstract string InsertionOrder { get; }

    /// <summary>The key check value of <paramref name="keys"/> with this engine's label (<see cref="MasterKeyCheck"/>).</summary>
    public abstract byte[] KeyCheckValue(FacialDataKeys keys);

    /// <summary>The label that seals the receipt and audit keys under the master key (<see cref="SealedStoreKeys"/>).</summary>
    protected abstract string SealedKeysLabel { get; }

    public abstract DbConnection OpenConnection();

    /// <summary>Starts a write transaction that holds the chain's head until it ends, so each append follows the last committed one.</summary>
    protected abstract DbTransaction BeginWrite(DbConnection connection);

    /// <summary>Starts a read transaction whose reads all come from one snapshot (the audit chain's verification).</summary>
    public abstract DbTransaction BeginSnapshot(DbConnection connection);

    /// <summary>The sequence and hash to append after (0 and zeros for an empty chain), in the open write transaction.</summary>
    public abstract (long Sequence, byte[] Hash) ReadChainHead(DbConnection connection, DbTransaction transaction);

    /// <summary>Records <paramref name="appended"/> as the chain's head, where the engine keeps one.</summary>
    public virtual void MoveChainHead(DbConnection connection, DbTransaction transaction, AuditRecord appended)
    {
    }

    /// <summary>Records the last purged record, from which the remaining chain continues.</summary>
    public abstract void WriteChainAnchor(DbConnection connection, DbTransaction transaction, long sequence, byte[] hash);

    /// <summary>The anchor (last purged record) and, where the engine keeps one, the head (last appended record), in one snapshot.</summary>
    public abstract ((long Sequence, byte[] Hash)? Anchor, (long Sequence, byte[] Hash)? Head) ReadChainEnds(DbConnection connection, DbTransaction snapshot);

    /// <summary>After a deletion committed (SQLite empties its write-ahead log, so deleted ciphertext leaves it).</summary>
    public virtual void AfterDeletion()
    {
    }

    /// <summary>Runs <paramref name="work"/> in one write transaction and commits it.</summary>
    public T Write<T>(Func<DbConnection, DbTransaction, T> work)
    {
        using var connection = OpenConnection();
        using var transaction = BeginWrite(connection);
        var result = work(connection, transaction);
        transaction.Commit();
        return result;
    }

    /// <summary>
    /// Refuses a master key whose key check value is not the one recorded. Where none is recorded, the key is accepted
    /// only if <paramref name="existingDataMatchesKey"/> says it reads the data (a SQLite file written before the value was recorded).
    /// </summary>
    /// <exception cref="MasterKeyMismatchException">The key is not the store's own.</exception>
    public void CheckMasterKey(DbConnection connection, DbTransaction transaction, byte[] keyCheckValue,
        Func<DbConnection, DbTransaction, bool>? existingDataMatchesKey = null)
    {
        if (ReadMeta(connection, transaction, KeyCheckMetaKey) is byte[] recorded)
        {
            if (!CryptographicOperations.FixedTimeEquals(recorded, keyCheckValue))
            {
                throw new MasterKeyMismatchException(Name,
                    $"The master key does not match the one this store was created with ({Described}): its key check value differs. "
                    + "Nothing was opened or written. Open the store with its original master key (from your key vault or backup); "
                    + $"a new key cannot read the consents, templates or audit trail already in the {Noun}.");
            }
        }
        else if (existingDataMatchesKey is null || !existingDataMatchesKey(connection, transaction))
        {
            throw new MasterKeyMismatchException(Name,
                $"The master key does not match the one this store was created with ({Described}): the {Noun} has no key check value "
                + "(it was written by an older version) and its last audit record does not verify with this key. "
                + "Nothing was opened or written. Open the store with its original master key.");
        }
    }

    /// <summary>
    /// The receipt and audit keys to use with <paramref name="masterKeys"/>: the sealed ones if the store has them, else
    /// <paramref name="masterKeys"/>' own, sealed now. The master key must already have been checked.
    /// </summary>
    /// <exception cref="System.IO.InvalidDataException">The sealed keys fail authentication although the master key is right.</exception>
    public FacialDataKeys ReadStoreKeys(DbConnection connection, DbTransaction transaction, FacialDataKeys masterKeys)
    {
        if (ReadMeta(connection, transaction, SealedKeysMetaKey) is not byte[] sealedKeys)
        {
            WriteStoreKeys(connection, transaction, masterKeys, masterKeys);
            return masterKeys;
        }

        try
        {
            return SealedStoreKeys.Open(sealedKeys, masterKeys, SealedKeysLabel);
        }
        catch (CryptographicException error)
        {
            throw new System.IO.InvalidDataException(
                $"The FaceCompliance {Described} is damaged: its sealed receipt and audit keys fail authentication although the master key "
                + $"is right (its key check value matches). Nothing was written. Restore the {Noun} from a backup (with the same master key).", error);
        }
    }

    /// <summary>Seals <paramref name="storeKeys"/>' receipt and audit keys under <paramref name="masterKeys"/>' wrapping key.</summary>
    public void WriteStoreKeys(DbConnection connection, DbTransaction transaction, FacialDataKeys storeKeys, FacialDataKeys masterKeys) =>
        WriteMeta(connection, transaction, SealedKeysMetaKey, SealedStoreKeys.Seal(storeKeys, masterKeys, SealedKeysLabel));

    public static object? ReadMeta(DbConnection connection, DbTransaction? transaction, string key) =>
        Scalar(connection, transaction, "SELECT value FROM meta WHERE key = @key", ("@key", key));

    public static void WriteMeta(DbConnection connection, DbTransaction transaction, string key, object value) =>
        Execute(connection, transaction, "INSERT INTO meta (key, value) VALUES (@key, @value) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            ("@key", key), ("@value", value));

    public static void DeleteMeta(DbConnection connection, DbTransaction transaction, string key) =>
        Execute(connection, transaction, "DELETE FROM meta WHERE key = @key", ("@key", key));

    /// <summary>A command with <c>@name</c> parameters (both engines read them); a null value is sent as SQL NULL.</summary>
    public static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        return command;
    }

    public static int Execute(DbConnection connection, DbTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(connection, transaction, sql, parameters);
        return command.ExecuteNonQuery();
    }

    public static object? Scalar(DbConnection connection, DbTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(connection, transaction, sql, parameters);
        var value = command.ExecuteScalar();
        return value is DBNull ? null : value;
    }

    public static long Count(DbConnection connection, DbTransaction? transaction, string sql, params (string Name, object? Value)[] parameters) =>
        Convert.ToInt64(Scalar(connection, transaction, sql, parameters), CultureInfo.InvariantCulture);
}
