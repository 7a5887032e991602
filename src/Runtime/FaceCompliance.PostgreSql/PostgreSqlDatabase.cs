using System;
using System.Security.Cryptography;
using Npgsql;
using FaceCompliance.Storage;

namespace FaceCompliance.PostgreSql;

/// <summary>
/// The database: a connection pool of this store's own (one per store instance, so one per application node),
/// the schema, and write transactions. Every write is one transaction that first locks the audit chain's head row
/// (<c>audit_chain</c>, <c>SELECT ... FOR UPDATE</c>): writes from every node are serialised on it, like SQLite's
/// <c>BEGIN IMMEDIATE</c>, so each change and its audit record commit together and the chain never forks.
/// </summary>
internal sealed class PostgreSqlDatabase : IDisposable
{
    /// <summary>The schema this library writes, recorded in <c>facecompliance_schema</c>.</summary>
    public const int SchemaVersion = 1;

    private const string KeyCheckLabel = "FaceCompliance.PostgreSql master key check v1";
    private const string SealedKeysLabel = "FaceCompliance.PostgreSql store keys v1";
    private const string KeyCheckMetaKey = "master_key_check";
    private const string SealedKeysMetaKey = "sealed_store_keys";

    // Any fixed number: held while the schema is created, so that nodes starting together create it once.
    private const long SchemaLockKey = 0x46436F6D706C;

    private readonly NpgsqlDataSource _dataSource;

    public PostgreSqlDatabase(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        Name = $"{builder.Host}:{builder.Port}/{builder.Database}";
        _dataSource = NpgsqlDataSource.Create(builder);
    }

    /// <summary>Host, port and database, for messages (never the password).</summary>
    public string Name { get; }

    public static byte[] KeyCheckValue(FacialDataKeys keys) => MasterKeyCheck.Compute(keys, KeyCheckLabel);

    public NpgsqlConnection Open() => _dataSource.OpenConnection();

    /// <summary>
    /// Creates the schema if the database has none, and checks the master key, in one transaction: a database whose
    /// key check value differs from <paramref name="masterKeys"/>' is refused before anything is written.
    /// </summary>
    /// <remarks>Ids are compared and ordered byte by byte (<c>COLLATE "C"</c>), as in SQLite, whatever the database's locale.</remarks>
    /// <returns>The keys the store uses with this master key (the receipt and audit keys sealed in <c>meta</c>).</returns>
    public FacialDataKeys CreateSchema(FacialDataKeys masterKeys)
    {
        using var connection = Open();
        using var transaction = connection.BeginTransaction();
        Execute(connection, transaction, "SELECT pg_advisory_xact_lock(@key)", ("@key", SchemaLockKey));
        if (Scalar(connection, transaction, "SELECT to_regclass('facecompliance_schema')::text") is null)
        {
            Execute(connection, transaction, """
                CREATE TABLE facecompliance_schema (version integer NOT NULL);
                CREATE TABLE meta (key text PRIMARY KEY, value bytea NOT NULL);
                CREATE TABLE consents (
                    row_id bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
                    receipt_id text COLLATE "C" PRIMARY KEY, subject_id text COLLATE "C" NOT NULL, purpose_id text COLLATE "C" NOT NULL, notice_version text NOT NULL,
                    given_at bigint NOT NULL, expires_at bigint NOT NULL, form integer NOT NULL, under14 boolean NOT NULL,
                    guardian_id text COLLATE "C", signature bytea NOT NULL, withdrawn_at bigint, age_band integer NOT NULL, scopes integer NOT NULL);
                CREATE INDEX consents_subject ON consents (subject_id, purpose_id);
                CREATE TABLE subject_keys (subject_id text COLLATE "C" PRIMARY KEY, wrapped_key bytea NOT NULL, created_at bigint NOT NULL);
                CREATE TABLE templates (
                    template_id text COLLATE "C" PRIMARY KEY, subject_id text COLLATE "C" NOT NULL REFERENCES subject_keys (subject_id),
                    purpose_id text COLLATE "C" NOT NULL, receipt_id text COLLATE "C" NOT NULL, collected_at bigint NOT NULL, expires_at bigint NOT NULL,
                    ciphertext bytea NOT NULL, quarantined_at bigint);
                CREATE INDEX templates_subject ON templates (subject_id, purpose_id);
                CREATE INDEX templates_expiry ON templates (expires_at);
                CREATE TABLE audit (
                    sequence bigint PRIMARY KEY, time bigint NOT NULL, actor text NOT NULL, action integer NOT NULL,
                    subject_id text COLLATE "C", purpose_id text COLLATE "C", receipt_id text COLLATE "C", outcome integer NOT NULL, detail text,
                    previous_hash bytea NOT NULL, hash bytea NOT NULL);
                CREATE INDEX audit_subject ON audit (subject_id, sequence);
                CREATE INDEX audit_action ON audit (action, sequence);
                CREATE INDEX audit_time ON audit (time);
                CREATE TABLE audit_chain (
                    id integer PRIMARY KEY CHECK (id = 1), head_sequence bigint NOT NULL, head_hash bytea NOT NULL,
                    anchor_sequence bigint, anchor_hash bytea);
                INSERT INTO audit_chain (id, head_sequence, head_hash) VALUES (1, 0, @zero);
                CREATE TABLE basis_grants (
                    grant_id text COLLATE "C" PRIMARY KEY, purpose_id text COLLATE "C" NOT NULL, basis integer NOT NULL, law_reference text NOT NULL,
                    granted_by text NOT NULL, granted_at bigint NOT NULL, valid_from bigint NOT NULL, valid_until bigint NOT NULL,
                    signature bytea NOT NULL, revoked_at bigint, revoked_by text);
                CREATE INDEX basis_grants_purpose ON basis_grants (purpose_id);
                """, ("@zero", new byte[AuditChain.HashSize]));
            Execute(connection, transaction, "INSERT INTO facecompliance_schema (version) VALUES (@version)", ("@version", SchemaVersion));
            SetMeta(connection, transaction, KeyCheckMetaKey, KeyCheckValue(masterKeys));
            SetMeta(connection, transaction, SealedKeysMetaKey, SealedStoreKeys.Seal(masterKeys, masterKeys, SealedKeysLabel));
            transaction.Commit();
            return masterKeys;
        }

        var version = Convert.ToInt32(Scalar(connection, transaction, "SELECT version FROM facecompliance_schema"), System.Globalization.CultureInfo.InvariantCulture);
        if (version != SchemaVersion)
        {
            throw new InvalidOperationException($"The database {Name} has FaceCompliance schema version {version}; this library reads version {SchemaVersion}.");
        }

        CheckMasterKey(connection, transaction, masterKeys);
        var sealedKeys = (byte[])Scalar(connection, transaction, "SELECT value FROM meta WHERE key = @key", ("@key", SealedKeysMetaKey))!;
        transaction.Commit();
        try
        {
            return SealedStoreKeys.Open(sealedKeys, masterKeys, SealedKeysLabel);
        }
        catch (CryptographicException error)
        {
            throw new System.IO.InvalidDataException(
                $"The FaceCompliance database {Name} is damaged: its sealed receipt and audit keys fail authentication although the master key "
                + "is right (its key check value matches). Nothing was written. Restore the database from a backup (with the same master key).", error);
        }
    }

    private void CheckMasterKey(NpgsqlConnection connection, NpgsqlTransaction transaction, FacialDataKeys masterKeys)
    {
        var recorded = Scalar(connection, transaction, "SELECT value FROM meta WHERE key = @key", ("@key", KeyCheckMetaKey)) as byte[];
        if (recorded is null || !CryptographicOperations.FixedTimeEquals(recorded, KeyCheckValue(masterKeys)))
        {
            throw new MasterKeyMismatchException(Name,
                $"The master key does not match the one this store was created with (database {Name}): its key check value differs. "
                + "Nothing was opened or written. Open the store with its original master key (from your key vault or backup); "
                + "a new key cannot read the consents, templates or audit trail already in the database.");
        }
    }

    public static void SetMeta(NpgsqlConnection connection, NpgsqlTransaction transaction, string key, byte[] value) =>
        Execute(connection, transaction, "INSERT INTO meta (key, value) VALUES (@key, @value) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value",
            ("@key", key), ("@value", value));

    /// <summary>
    /// Runs <paramref name="work"/> in one write transaction and commits it. The transaction first locks the audit
    /// chain's head, so writes from every node are serialised and each appends to the chain's one head.
    /// </summary>
    public T Write<T>(Func<NpgsqlConnection, NpgsqlTransaction, T> work)
    {
        using var connection = Open();
        using var transaction = connection.BeginTransaction(System.Data.IsolationLevel.ReadCommitted);
        Execute(connection, transaction, "SELECT 1 FROM audit_chain WHERE id = 1 FOR UPDATE");
        var result = work(connection, transaction);
        transaction.Commit();

        return result;
    }

    public static NpgsqlCommand Command(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }

    public static int Execute(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(connection, transaction, sql, parameters);
        return command.ExecuteNonQuery();
    }

    public static object? Scalar(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(connection, transaction, sql, parameters);
        var value = command.ExecuteScalar();
        return value is DBNull ? null : value;
    }

    public static long Count(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, params (string Name, object? Value)[] parameters) =>
        Convert.ToInt64(Scalar(connection, transaction, sql, parameters), System.Globalization.CultureInfo.InvariantCulture);

    public void Dispose() => _dataSource.Dispose();
}
