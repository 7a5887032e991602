using System;
using System.Collections.Generic;
using System.Data.Common;
using System.IO;
using Microsoft.Data.Sqlite;
using FaceCompliance.Storage;

namespace FaceCompliance.Sqlite;

/// <summary>
/// The SQLite engine under the relational store (<see cref="RelationalDatabase"/>): the file, its connection settings,
/// integrity check, schema versions and migrations. Every write is one <c>BEGIN IMMEDIATE</c> transaction holding the
/// change and its audit record, so a crash leaves either both or neither, and writers take turns on the chain's head
/// (the last audit record). Deleted content is overwritten (<c>secure_delete</c>) and the write-ahead log is truncated
/// after deletions, so deleted ciphertext does not stay in the file.
/// </summary>
internal sealed class SqliteDatabase : RelationalDatabase
{
    /// <summary>
    /// The schema this library writes. Version 1 had no consent scopes, no age band and no legal-basis grants;
    /// version 2 could not quarantine a damaged template; version 3 had no audit indexes for queries by subject, kind
    /// and time; version 4 had no data subject requests (GDPR Art. 15, 17); version 5 recorded no last interactions
    /// (BIPA, Colorado); <see cref="CreateSchema"/> migrates each in place.
    /// </summary>
    public const int SchemaVersion = 6;

    // SQLite result codes: SQLITE_CORRUPT, SQLITE_NOTADB.
    private const int SqliteCorrupt = 11;
    private const int SqliteNotADatabase = 26;

    private readonly string _connectionString;

    public SqliteDatabase(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = 60,
        }.ToString();
        Path = path;
    }

    public string Path { get; }

    public override string Name => Path;

    public override string Described => $"store file '{Path}'";

    public override string Noun => "file";

    public override string InsertionOrder => "rowid";

    protected override string SealedKeysLabel => "FaceCompliance.Sqlite store keys v1";

    public override byte[] KeyCheckValue(FacialDataKeys keys) => MasterKeyCheck.Compute(keys);

    public override DbConnection OpenConnection() => Open();

    protected override DbTransaction BeginWrite(DbConnection connection) => ((SqliteConnection)connection).BeginTransaction(deferred: false);

    public override DbTransaction BeginSnapshot(DbConnection connection) => ((SqliteConnection)connection).BeginTransaction(deferred: true);

    /// <summary>The last record's sequence and hash; after a purge of every record, the anchor's.</summary>
    public override (long Sequence, byte[] Hash) ReadChainHead(DbConnection connection, DbTransaction transaction) =>
        RelationalAuditTrail.LastRecord(connection, transaction) is { } last ? (last.Sequence, last.Hash)
        : ReadAnchor(connection, transaction) ?? (0, new byte[AuditChain.HashSize]);

    public override void WriteChainAnchor(DbConnection connection, DbTransaction transaction, long sequence, byte[] hash)
    {
        WriteMeta(connection, transaction, "audit_anchor_sequence", sequence);
        WriteMeta(connection, transaction, "audit_anchor_hash", hash);
    }

    /// <summary>The anchor only: the file keeps no head apart from its last record.</summary>
    public override ((long Sequence, byte[] Hash)? Anchor, (long Sequence, byte[] Hash)? Head) ReadChainEnds(DbConnection connection, DbTransaction snapshot) =>
        (ReadAnchor(connection, snapshot), null);

    private static (long Sequence, byte[] Hash)? ReadAnchor(DbConnection connection, DbTransaction transaction) =>
        ReadMeta(connection, transaction, "audit_anchor_sequence") is long sequence && ReadMeta(connection, transaction, "audit_anchor_hash") is byte[] hash
            ? (sequence, hash)
            : null;

    public override void AfterDeletion() => Checkpoint();

    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        Execute(connection, null, "PRAGMA foreign_keys = ON; PRAGMA secure_delete = ON; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 60000;");
        return connection;
    }

    /// <summary>
    /// Creates or migrates the schema and checks the master key, in one transaction: a file whose recorded key check
    /// value differs from <paramref name="masterKeys"/>' is refused before anything is written. A file with data but
    /// no key check value (written before it was recorded) is accepted only if <paramref name="existingDataMatchesKey"/>
    /// says the key reads its data; its key check value is then recorded.
    /// </summary>
    /// <exception cref="MasterKeyMismatchException">The key is not the one the file was created with.</exception>
    /// <exception cref="InvalidDataException">The file is damaged (SQLite's <c>quick_check</c> failed, or SQLite reports it corrupt or not a database).</exception>
    /// <returns>The keys the store uses with this master key (<see cref="SealedStoreKeys"/>).</returns>
    public FacialDataKeys CreateSchema(FacialDataKeys masterKeys, Func<DbConnection, DbTransaction, bool> existingDataMatchesKey)
    {
        var keyCheckValue = KeyCheckValue(masterKeys);
        CreateFilePrivately();
        using var connection = OpenChecked();
        Execute(connection, null, "PRAGMA journal_mode = WAL;");
        using var transaction = connection.BeginTransaction(deferred: false);
        var version = Convert.ToInt32(Scalar(connection, transaction, "PRAGMA user_version;"), System.Globalization.CultureInfo.InvariantCulture);
        if (version is >= 1 and <= SchemaVersion)
        {
            CheckMasterKey(connection, transaction, keyCheckValue, existingDataMatchesKey);
        }

        if (version == SchemaVersion)
        {
            RecordKeyCheck(connection, transaction, keyCheckValue);
            var keys = ReadStoreKeys(connection, transaction, masterKeys);
            transaction.Commit();
            return keys;
        }

        if (version is 1 or 2 or 3 or 4 or 5)
        {
            if (version == 1)
            {
                MigrateFromVersion1(connection, transaction);
            }

            if (version <= 2)
            {
                AddQuarantine(connection, transaction);
            }

            if (version <= 3)
            {
                AddAuditIndexes(connection, transaction);
            }

            if (version <= 4)
            {
                AddSubjectRequests(connection, transaction);
            }

            AddInteractions(connection, transaction);
        }
        else if (version == 0)
        {
            Execute(connection, transaction, """
                CREATE TABLE meta (key TEXT PRIMARY KEY, value BLOB NOT NULL);
                CREATE TABLE consents (
                    receipt_id TEXT PRIMARY KEY, subject_id TEXT NOT NULL, purpose_id TEXT NOT NULL, notice_version TEXT NOT NULL,
                    given_at INTEGER NOT NULL, expires_at INTEGER NOT NULL, form INTEGER NOT NULL, under14 INTEGER NOT NULL,
                    guardian_id TEXT, signature BLOB NOT NULL, withdrawn_at INTEGER,
                    age_band INTEGER NOT NULL DEFAULT 0, scopes INTEGER NOT NULL DEFAULT 0);
                CREATE INDEX consents_subject ON consents (subject_id, purpose_id);
                CREATE TABLE subject_keys (subject_id TEXT PRIMARY KEY, wrapped_key BLOB NOT NULL, created_at INTEGER NOT NULL);
                CREATE TABLE templates (
                    template_id TEXT PRIMARY KEY, subject_id TEXT NOT NULL REFERENCES subject_keys (subject_id),
                    purpose_id TEXT NOT NULL, receipt_id TEXT NOT NULL, collected_at INTEGER NOT NULL, expires_at INTEGER NOT NULL,
                    ciphertext BLOB NOT NULL);
                CREATE INDEX templates_subject ON templates (subject_id, purpose_id);
                CREATE INDEX templates_expiry ON templates (expires_at);
                CREATE TABLE audit (
                    sequence INTEGER PRIMARY KEY, time INTEGER NOT NULL, actor TEXT NOT NULL, action INTEGER NOT NULL,
                    subject_id TEXT, purpose_id TEXT, receipt_id TEXT, outcome INTEGER NOT NULL, detail TEXT,
                    previous_hash BLOB NOT NULL, hash BLOB NOT NULL);
                """);
            CreateLegalBasisTable(connection, transaction);
            AddQuarantine(connection, transaction);
            AddAuditIndexes(connection, transaction);
            AddSubjectRequests(connection, transaction);
            AddInteractions(connection, transaction);
        }
        else
        {
            throw new InvalidOperationException($"'{Path}' has FaceCompliance schema version {version}; this library reads versions 1 to {SchemaVersion}.");
        }

        RecordKeyCheck(connection, transaction, keyCheckValue);
        var storeKeys = ReadStoreKeys(connection, transaction, masterKeys);
        Execute(connection, transaction, $"PRAGMA user_version = {SchemaVersion};");
        transaction.Commit();
        return storeKeys;
    }

    /// <summary>
    /// Opens a connection and runs <c>PRAGMA quick_check</c> (the page and B-tree structure, without cross-checking
    /// indexes against their tables): a damaged file is refused at open, with its name, rather than failing later in
    /// the middle of a withdrawal.
    /// </summary>
    private SqliteConnection OpenChecked()
    {
        SqliteConnection? connection = null;
        try
        {
            connection = Open();
            var problems = new List<string>();
            using (var command = Command(connection, null, "PRAGMA quick_check(5);"))
            using (var reader = command.ExecuteReader())
            {
                while (reader.Read())
                {
                    problems.Add(reader.GetString(0));
                }
            }

            if (problems is not ["ok"])
            {
                throw Damaged(string.Join("; ", problems), inner: null);
            }

            return connection;
        }
        catch (SqliteException error) when (error.SqliteErrorCode is SqliteCorrupt or SqliteNotADatabase)
        {
            connection?.Dispose();
            throw Damaged(error.Message, error);
        }
        catch
        {
            connection?.Dispose();
            throw;
        }
    }

    private InvalidDataException Damaged(string found, Exception? inner) => new(
        $"The FaceCompliance store file '{Path}' is damaged (SQLite's integrity check: {found.TrimEnd('.')}). Nothing was written. "
        + "Restore the file from a backup (with the same master key); do not keep using a damaged file: a withdrawal could fail half way.",
        inner);

    /// <summary>
    /// A new store file is created readable and writable by its owner only (0600), in a folder created for the owner
    /// only (0700) if it does not exist; SQLite gives its write-ahead log and shared-memory files the file's mode.
    /// An existing file or folder keeps its mode. Nothing to do on Windows, where files inherit the folder's ACL.
    /// </summary>
    private void CreateFilePrivately()
    {
        if (OperatingSystem.IsWindows() || Path == ":memory:" || File.Exists(Path))
        {
            return;
        }

        var folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path));
        if (!string.IsNullOrEmpty(folder) && !Directory.Exists(folder))
        {
            Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        try
        {
            using var file = new FileStream(Path, new FileStreamOptions
            {
                Mode = FileMode.CreateNew,
                Access = FileAccess.Write,
                UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
            });
        }
        catch (IOException) when (File.Exists(Path))
        {
            // Another process created it first; it keeps the mode that process gave it.
        }
    }

    /// <summary>Records the key check value if the file has none (a new file, or one written before it was recorded).</summary>
    internal static void RecordKeyCheck(SqliteConnection connection, SqliteTransaction transaction, byte[] keyCheckValue) =>
        Execute(connection, transaction, "INSERT INTO meta (key, value) VALUES (@key, @value) ON CONFLICT (key) DO NOTHING",
            ("@key", KeyCheckMetaKey), ("@value", keyCheckValue));

    /// <summary>
    /// Version 1 to 2, in the same transaction as the version bump: consents get their scopes and age band. A version-1
    /// consent covered processing only, and recorded only whether the person was under 14 (with the guardian who
    /// consented), so its age band becomes Under14 or Unknown, never Adult: a purpose that may involve minors refuses
    /// the Unknown ones until the person consents again with their age band. Their version-1 signatures stay valid
    /// for exactly these values (<see cref="ReceiptSigner.HasValidSignature{TPurpose}(ConsentReceipt{TPurpose})"/>).
    /// </summary>
    private static void MigrateFromVersion1(SqliteConnection connection, SqliteTransaction transaction)
    {
        Execute(connection, transaction, """
            ALTER TABLE consents ADD COLUMN age_band INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE consents ADD COLUMN scopes INTEGER NOT NULL DEFAULT 0;
            UPDATE consents SET age_band = @under14 WHERE under14 = 1;
            """,
            ("@under14", (int)FacialAgeBand.Under14));
        CreateLegalBasisTable(connection, transaction);
    }

    /// <summary>
    /// Version 2 to 3 (and part of a new file): a template whose ciphertext fails authentication is marked with the
    /// time it was quarantined, kept (so deletion and retention still remove it) and no longer decrypted.
    /// </summary>
    private static void AddQuarantine(SqliteConnection connection, SqliteTransaction transaction) =>
        Execute(connection, transaction, "ALTER TABLE templates ADD COLUMN quarantined_at INTEGER;");

    /// <summary>
    /// Version 3 to 4 (and part of a new file): indexes for audit queries by subject, by kind and by time, so that a
    /// page of a query reads about as many records as it returns. Sequence order within a subject or kind comes from
    /// the index itself (the sequence is the row id).
    /// </summary>
    private static void AddAuditIndexes(SqliteConnection connection, SqliteTransaction transaction) => Execute(connection, transaction, """
        CREATE INDEX audit_subject ON audit (subject_id, sequence);
        CREATE INDEX audit_action ON audit (action, sequence);
        CREATE INDEX audit_time ON audit (time);
        """);

    /// <summary>
    /// Version 4 to 5 (and part of a new file): access and erasure requests with their due date (GDPR Art. 12(3), 15, 17),
    /// indexed for the list of overdue ones.
    /// </summary>
    private static void AddSubjectRequests(SqliteConnection connection, SqliteTransaction transaction) => Execute(connection, transaction, """
        CREATE TABLE subject_requests (
            request_id TEXT PRIMARY KEY, subject_id TEXT NOT NULL, kind INTEGER NOT NULL, received_at INTEGER NOT NULL,
            due_at INTEGER NOT NULL, extension_reason TEXT, answered_at INTEGER);
        CREATE INDEX subject_requests_due ON subject_requests (answered_at, due_at);
        """);

    /// <summary>
    /// Version 5 to 6 (and part of a new file): each person's last interaction per purpose (enrolment, a matching
    /// verification, a recorded interaction), from which BIPA's 3 years and Colorado's 24 months run, and the time of a
    /// decision that keeping it is no longer necessary (Colorado's 45 days). A template stored
    /// before has no row; the purge counts its enrolment as the last interaction.
    /// </summary>
    private static void AddInteractions(SqliteConnection connection, SqliteTransaction transaction) => Execute(connection, transaction, """
        CREATE TABLE interactions (
            subject_id TEXT NOT NULL, purpose_id TEXT NOT NULL, last_at INTEGER NOT NULL, no_longer_necessary_at INTEGER,
            PRIMARY KEY (subject_id, purpose_id));
        """);

    private static void CreateLegalBasisTable(SqliteConnection connection, SqliteTransaction transaction) => Execute(connection, transaction, """
        CREATE TABLE basis_grants (
            grant_id TEXT PRIMARY KEY, purpose_id TEXT NOT NULL, basis INTEGER NOT NULL, law_reference TEXT NOT NULL,
            granted_by TEXT NOT NULL, granted_at INTEGER NOT NULL, valid_from INTEGER NOT NULL, valid_until INTEGER NOT NULL,
            signature BLOB NOT NULL, revoked_at INTEGER, revoked_by TEXT);
        CREATE INDEX basis_grants_purpose ON basis_grants (purpose_id);
        """);

    /// <summary>
    /// Copies the write-ahead log into the file and empties it, so deleted content leaves both. Runs after a deletion
    /// has committed, so it never reports the deletion as failed: if the log is busy, SQLite's automatic checkpoint
    /// moves the (already zeroed) pages later.
    /// </summary>
    public void Checkpoint()
    {
        try
        {
            using var connection = Open();
            Execute(connection, null, "PRAGMA wal_checkpoint(TRUNCATE);");
        }
        catch (SqliteException)
        {
        }
    }

    /// <summary>Closes the pooled connections to this file only; other stores in the process keep theirs.</summary>
    public void ClearPool()
    {
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
    }
}
