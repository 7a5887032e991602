using System;
using System.Data;
using System.Data.Common;
using Npgsql;
using FaceCompliance.Storage;

namespace FaceCompliance.PostgreSql;

/// <summary>
/// The PostgreSQL engine under the relational store (<see cref="RelationalDatabase"/>): a connection pool of this
/// store's own (one per store instance, so one per application node), the schema, and write transactions. Every write
/// is one transaction that first locks the audit chain's head row (<c>audit_chain</c>, <c>SELECT ... FOR UPDATE</c>):
/// writes from every node are serialised on it, like SQLite's <c>BEGIN IMMEDIATE</c>, so each change and its audit
/// record commit together and the chain never forks.
/// </summary>
internal sealed class PostgreSqlDatabase : RelationalDatabase, IDisposable
{
    /// <summary>The schema this library writes, recorded in <c>facecompliance_schema</c>.</summary>
    public const int SchemaVersion = 3;

    private const string KeyCheckLabel = "FaceCompliance.PostgreSql master key check v1";

    // Any fixed number: held while the schema is created, so that nodes starting together create it once.
    private const long SchemaLockKey = 0x46436F6D706C;

    private readonly NpgsqlDataSource _dataSource;

    public PostgreSqlDatabase(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        Name = Describe(builder);
        _dataSource = NpgsqlDataSource.Create(builder);
    }

    /// <summary>Host, port and database of a connection string, for messages (never the password).</summary>
    public static string Describe(string connectionString) => Describe(new NpgsqlConnectionStringBuilder(connectionString));

    private static string Describe(NpgsqlConnectionStringBuilder builder) => $"{builder.Host}:{builder.Port}/{builder.Database}";

    /// <summary>Host, port and database, for messages (never the password).</summary>
    public override string Name { get; }

    public override string Described => $"database {Name}";

    public override string Noun => "database";

    public override string InsertionOrder => "row_id";

    protected override string SealedKeysLabel => "FaceCompliance.PostgreSql store keys v1";

    public override byte[] KeyCheckValue(FacialDataKeys keys) => MasterKeyCheck.Compute(keys, KeyCheckLabel);

    public override DbConnection OpenConnection() => _dataSource.OpenConnection();

    /// <summary>Read committed, after locking the chain's head row: writes from every node take turns on it.</summary>
    protected override DbTransaction BeginWrite(DbConnection connection)
    {
        var transaction = connection.BeginTransaction(IsolationLevel.ReadCommitted);
        Execute(connection, transaction, "SELECT 1 FROM audit_chain WHERE id = 1 FOR UPDATE");
        return transaction;
    }

    public override DbTransaction BeginSnapshot(DbConnection connection) => connection.BeginTransaction(IsolationLevel.RepeatableRead);

    public override (long Sequence, byte[] Hash) ReadChainHead(DbConnection connection, DbTransaction transaction)
    {
        using var command = Command(connection, transaction, "SELECT head_sequence, head_hash FROM audit_chain WHERE id = 1 FOR UPDATE");
        using var reader = command.ExecuteReader();
        reader.Read();
        return (reader.GetInt64(0), (byte[])reader.GetValue(1));
    }

    public override void MoveChainHead(DbConnection connection, DbTransaction transaction, AuditRecord appended) =>
        Execute(connection, transaction, "UPDATE audit_chain SET head_sequence = @sequence, head_hash = @hash WHERE id = 1",
            ("@sequence", appended.Sequence), ("@hash", appended.Hash));

    public override void WriteChainAnchor(DbConnection connection, DbTransaction transaction, long sequence, byte[] hash) =>
        Execute(connection, transaction, "UPDATE audit_chain SET anchor_sequence = @sequence, anchor_hash = @hash WHERE id = 1",
            ("@sequence", sequence), ("@hash", hash));

    /// <summary>The anchor and the head, from the <c>audit_chain</c> row.</summary>
    public override ((long Sequence, byte[] Hash)? Anchor, (long Sequence, byte[] Hash)? Head) ReadChainEnds(DbConnection connection, DbTransaction snapshot)
    {
        using var command = Command(connection, snapshot, "SELECT anchor_sequence, anchor_hash, head_sequence, head_hash FROM audit_chain WHERE id = 1");
        using var reader = command.ExecuteReader();
        reader.Read();
        return (reader.IsDBNull(0) ? null : (reader.GetInt64(0), (byte[])reader.GetValue(1)), (reader.GetInt64(2), (byte[])reader.GetValue(3)));
    }

    /// <summary>Access and erasure requests with their due date (GDPR Art. 12(3), 15, 17), indexed for the overdue list (schema version 2).</summary>
    private static void AddSubjectRequests(DbConnection connection, DbTransaction transaction) => Execute(connection, transaction, """
        CREATE TABLE subject_requests (
            request_id text COLLATE "C" PRIMARY KEY, subject_id text COLLATE "C" NOT NULL, kind integer NOT NULL, received_at bigint NOT NULL,
            due_at bigint NOT NULL, extension_reason text, answered_at bigint);
        CREATE INDEX subject_requests_due ON subject_requests (answered_at, due_at);
        """);

    /// <summary>
    /// Creates the schema if the database has none, and checks the master key, in one transaction: a database whose
    /// key check value differs from <paramref name="masterKeys"/>' is refused before anything is written.
    /// </summary>
    /// <remarks>Ids are compared and ordered byte by byte (<c>COLLATE "C"</c>), as in SQLite, whatever the database's locale.</remarks>
    /// <returns>The keys the store uses with this master key (the receipt and audit keys sealed in <c>meta</c>).</returns>
    /// <param name="masterKeys">The master key to check (and to seal the store keys under in a new schema).</param>
    /// <param name="create">False to refuse a database without a schema (a master key rotation) instead of creating one.</param>
    public FacialDataKeys CreateSchema(FacialDataKeys masterKeys, bool create = true)
    {
        using var connection = OpenConnection();
        using var transaction = connection.BeginTransaction();
        Execute(connection, transaction, "SELECT pg_advisory_xact_lock(@key)", ("@key", SchemaLockKey));
        if (Scalar(connection, transaction, "SELECT to_regclass('facecompliance_schema')::text") is null)
        {
            if (!create)
            {
                throw new InvalidOperationException($"The database {Name} holds no FaceCompliance store to rotate the master key of.");
            }

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
                ALTER TABLE templates ALTER COLUMN ciphertext SET STORAGE MAIN; -- in the row, not TOAST: a 1:N gallery's load reads every one
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
            AddSubjectRequests(connection, transaction);
            CreateInteractions(connection, transaction);
            Execute(connection, transaction, "INSERT INTO facecompliance_schema (version) VALUES (@version)", ("@version", SchemaVersion));
            WriteMeta(connection, transaction, KeyCheckMetaKey, KeyCheckValue(masterKeys));
            WriteStoreKeys(connection, transaction, masterKeys, masterKeys);
            transaction.Commit();
            return masterKeys;
        }

        var version = Convert.ToInt32(Scalar(connection, transaction, "SELECT version FROM facecompliance_schema"), System.Globalization.CultureInfo.InvariantCulture);
        if (version is < 1 or > SchemaVersion)
        {
            throw new InvalidOperationException($"The database {Name} has FaceCompliance schema version {version}; this library reads versions 1 to {SchemaVersion}.");
        }

        CheckMasterKey(connection, transaction, KeyCheckValue(masterKeys));
        if (version < SchemaVersion)
        {
            // Migrations run after the key check and in the same transaction.
            if (version == 1)
            {
                // Version 1 to 2: the data subject requests table.
                AddSubjectRequests(connection, transaction);
            }

            // Version 2 to 3: the last interactions table.
            CreateInteractions(connection, transaction);
            Execute(connection, transaction, "UPDATE facecompliance_schema SET version = @version", ("@version", SchemaVersion));
        }

        var storeKeys = ReadStoreKeys(connection, transaction, masterKeys);
        transaction.Commit();
        return storeKeys;
    }

    /// <summary>
    /// Version 2 to 3 (and part of a new schema): each person's last interaction per purpose, from which BIPA's 3 years
    /// and Colorado's 24 months run. A template stored before has no row; the purge counts its enrolment instead.
    /// </summary>
    private static void CreateInteractions(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction transaction) => Execute(connection, transaction, """
        CREATE TABLE interactions (
            subject_id text COLLATE "C" NOT NULL, purpose_id text COLLATE "C" NOT NULL, last_at bigint NOT NULL, no_longer_necessary_at bigint,
            PRIMARY KEY (subject_id, purpose_id));
        """);

    public void Dispose() => _dataSource.Dispose();
}
