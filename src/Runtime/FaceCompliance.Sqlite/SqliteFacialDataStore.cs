using System;
using FaceCompliance.Storage;

namespace FaceCompliance.Sqlite;

/// <summary>
/// FaceCompliance's embedded store: consent receipts, legal-basis grants, encrypted face templates and the audit trail in one SQLite
/// file on the device (Measures Art. 8 §1), with no server to install. Safe for concurrent use from many threads.
/// </summary>
/// <example><code>
/// using var store = SqliteFacialDataStore.Open("gate.db", new FacialDataStoreOptions(new FacialDataKeys(masterKey)) { Actor = "gate-1" });
/// var receipt = store.Consents.Grant&lt;CommunityEntry&gt;(new ConsentGrant("resident-42") { AgeBand = FacialAgeBand.Adult });
/// store.Templates.Enroll(receipt, template);
/// </code></example>
public sealed class SqliteFacialDataStore : IDisposable
{
    private readonly SqliteDatabase _database;
    private readonly StoreTelemetry _telemetry;
    private readonly byte[] _keyCheckValue;
    private readonly RelationalStore _store;

    private SqliteFacialDataStore(SqliteDatabase database, FacialDataStoreOptions options, FacialDataKeys storeKeys)
    {
        _database = database;
        _keyCheckValue = database.KeyCheckValue(options.Keys);
        RelationalStore? store = null;
        _telemetry = StoreTelemetry.Create(options, StoreTelemetry.SqliteCategory, () => store!.Templates);
        var audit = new RelationalAuditTrail(database, new AuditChain(storeKeys), options.Actor, options.TimeProvider);
        store = new RelationalStore(database, audit, options, storeKeys, new StoreObserver(_telemetry));
        _store = store;
        Identification = new RelationalIdentificationSource(database, audit, store.Consents, new TemplateProtector(storeKeys), new ReceiptSigner(storeKeys),
            options.TimeProvider, new StoreObserver(_telemetry), (after, observer) => new PollingAuditFollower(audit, PollInterval, after, observer));
    }

    /// <summary>Consent receipts: grant, check, withdraw.</summary>
    public IConsentRegistry Consents => _store.Consents;

    /// <summary>Grants of a legal basis other than consent (PIPL Art. 13): grant, require, revoke.</summary>
    public ILegalBasisRegistry LegalBases => _store.LegalBases;

    /// <summary>Encrypted face templates: enrol, verify, delete, purge; the count of people stored.</summary>
    public IFaceTemplateStore Templates => _store.Templates;

    /// <summary>The ends of processing: end a purpose, end the relationship with a person, stop the service (PIPL Art. 47; Measures Art. 15).</summary>
    public IFacialDataLifecycle Lifecycle => _store.Lifecycle;

    /// <summary>Access (GDPR Art. 15) and erasure (Art. 17) requests with their Art. 12(3) deadline.</summary>
    public IDataSubjectRequests Requests => _store.Requests;

    /// <summary>The hash-chained processing records.</summary>
    public IAuditTrail Audit => _store.Audit;

    /// <summary>
    /// For a 1:N gallery kept in sync with the store (<c>SynchronizedFaceGallery&lt;TPurpose&gt;</c>, FaceCompliance.Vision):
    /// the decrypted templates of the people who may be identified, and a change feed that reads the audit trail every 20 ms.
    /// </summary>
    public IIdentificationGallerySource Identification { get; }

    /// <summary>How often the SQLite change feed reads the audit trail: the bound on how late a change reaches a gallery.</summary>
    internal static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(20);

    /// <summary>The database file.</summary>
    public string Path => _database.Path;

    /// <summary>
    /// Opens (or creates) the store in <paramref name="path"/>, after a quick integrity check of the file and a check
    /// that the master key is the file's own. On Unix a new file is created readable by its owner only (0600), in a
    /// folder created for its owner only (0700) when the folder does not exist. If the number of people stored is already at the
    /// warning or filing level and no event was raised for that level in this file before, the event is raised once
    /// now (to <see cref="FacialDataStoreOptions.FilingThresholdReached"/>) and audited; the file remembers it, so
    /// opening again raises nothing until the count falls below the level and reaches it again.
    /// </summary>
    /// <exception cref="ArgumentException">The path is empty, or the options are invalid.</exception>
    /// <exception cref="MasterKeyMismatchException">
    /// The master key is not the one the store was created with (the file's key check value differs; or, in a file
    /// written before the key check value was recorded, its last audit record does not verify). Nothing was written.
    /// A file without a key check value whose data matches the key gets one now.
    /// </exception>
    /// <exception cref="System.IO.InvalidDataException">
    /// The file is damaged: SQLite's <c>quick_check</c> found a problem, or SQLite reports the file corrupt or not a
    /// database. The message names the file. Nothing was written.
    /// </exception>
    /// <exception cref="InvalidOperationException">The file holds a schema version this library does not know. A version-1 file is migrated in place (consents get scopes and an age band; see docs/runtime.md).</exception>
    private static SqliteFacialDataStore OpenUnlogged(string path, FacialDataStoreOptions options)
    {
        RelationalStore.CheckOptions(options);
        var database = new SqliteDatabase(path);
        return new SqliteFacialDataStore(database, options, CreateSchema(database, options.Keys));
    }

    /// <summary>
    /// Replaces the store's master key: in one transaction, every person's data key is wrapped again under
    /// <paramref name="newKeys"/>, the receipt and audit keys are sealed again under it, the file's key check value
    /// becomes the new key's, and the rotation is audited. Receipts already issued, the audit chain and the encrypted
    /// templates stay valid. From then on the store opens with <paramref name="newKeys"/> only. Run it while no
    /// application has the file open: a store opened before the rotation keeps the old key and would wrap new data keys
    /// under it.
    /// </summary>
    /// <param name="path">The store file; it must exist.</param>
    /// <param name="currentKeys">The master key the store opens with today.</param>
    /// <param name="newKeys">The new master key.</param>
    /// <param name="actor">Who rotates, for the audit record.</param>
    /// <returns>How many data keys were wrapped again, and the people whose data key was already damaged (left as they were).</returns>
    /// <exception cref="System.IO.FileNotFoundException">There is no file at <paramref name="path"/>.</exception>
    /// <exception cref="MasterKeyMismatchException"><paramref name="currentKeys"/> is not the store's master key. Nothing was written.</exception>
    /// <exception cref="ArgumentException">The new key is the current one.</exception>
    public static MasterKeyRotation RotateMasterKey(string path, FacialDataKeys currentKeys, FacialDataKeys newKeys, string actor = "key-rotation")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!System.IO.File.Exists(path))
        {
            throw new System.IO.FileNotFoundException($"There is no FaceCompliance store at '{path}' to rotate the master key of.", path);
        }

        var database = new SqliteDatabase(path);
        try
        {
            return RelationalStore.RotateMasterKey(database, currentKeys => CreateSchema(database, currentKeys), currentKeys, newKeys, actor);
        }
        finally
        {
            database.ClearPool();
        }
    }

    private static FacialDataKeys CreateSchema(SqliteDatabase database, FacialDataKeys masterKeys)
    {
        var chain = new AuditChain(masterKeys);
        return database.CreateSchema(masterKeys, (connection, transaction) => RelationalAuditTrail.LastRecordVerifies(connection, transaction, chain));
    }

    /// <inheritdoc cref="OpenUnlogged(string, FacialDataStoreOptions)"/>
    /// <remarks>
    /// Logs to <see cref="FacialDataStoreOptions.LoggerFactory"/>: the store opened, or refused for a wrong master key or
    /// a damaged file (docs/runtime.md, "Logging").
    /// </remarks>
    public static SqliteFacialDataStore Open(string path, FacialDataStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var logger = StoreTelemetry.CreateLogger(options, StoreTelemetry.SqliteCategory);
        SqliteFacialDataStore store;
        try
        {
            store = OpenUnlogged(path, options);
        }
        catch (MasterKeyMismatchException refused)
        {
            StoreLog.MasterKeyRefused(logger, refused.Store);
            throw;
        }
        catch (System.IO.InvalidDataException damaged)
        {
            StoreLog.StoreDamaged(logger, path, damaged);
            throw;
        }

        StoreLog.StoreOpened(logger, store.Path, SqliteDatabase.SchemaVersion, store.Templates.PeopleStored);
        return store;
    }

    /// <summary>Releases the pooled connections to the file (only this store's) and the store's own meter.</summary>
    public void Dispose()
    {
        IsDisposed = true;
        _telemetry.Dispose();
        _database.ClearPool();
    }

    /// <summary>Whether <see cref="Dispose"/> ran (the container disposes a registered store).</summary>
    internal bool IsDisposed { get; private set; }

    /// <summary>
    /// Checks the store now, cheaply, for a health check: the file opens, its key check value is this store's key's,
    /// and the last audit record (the chain's head) reads and verifies. Null when all is well, otherwise what is wrong.
    /// </summary>
    internal string? CheckHealth() => RelationalStoreHealth.Check(_database, _keyCheckValue, _store.Audit.Chain);
}
