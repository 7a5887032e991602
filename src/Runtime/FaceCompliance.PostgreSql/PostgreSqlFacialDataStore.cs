using System;
using FaceCompliance.Storage;

namespace FaceCompliance.PostgreSql;

/// <summary>
/// FaceCompliance's shared store: consent receipts, encrypted face templates and the audit trail in one PostgreSQL
/// database that several application nodes open at once. Each instance has its own connection pool; every write is one
/// transaction holding the change and its audit record, serialised on the audit chain's head so that all nodes append
/// to one chain. Safe for concurrent use from many threads and many nodes.
/// </summary>
/// <example><code>
/// using var store = PostgreSqlFacialDataStore.Open("Host=db;Database=faces;Username=gate", new FacialDataStoreOptions(new FacialDataKeys(masterKey)) { Actor = "node-1" });
/// var receipt = store.Consents.Grant&lt;CommunityEntry&gt;(new ConsentGrant("resident-42") { AgeBand = FacialAgeBand.Adult });
/// store.Templates.Enroll(receipt, template);
/// </code></example>
public sealed class PostgreSqlFacialDataStore : IDisposable
{
    private readonly PostgreSqlDatabase _database;
    private readonly StoreTelemetry _telemetry;
    private readonly byte[] _keyCheckValue;
    private readonly RelationalStore _store;

    private PostgreSqlFacialDataStore(PostgreSqlDatabase database, FacialDataStoreOptions options, FacialDataKeys storeKeys)
    {
        _database = database;
        _keyCheckValue = database.KeyCheckValue(options.Keys);
        RelationalStore? store = null;
        _telemetry = StoreTelemetry.Create(options, StoreTelemetry.PostgreSqlCategory, () => store!.Templates);
        var audit = new RelationalAuditTrail(database, new AuditChain(storeKeys), options.Actor, options.TimeProvider);
        store = new RelationalStore(database, audit, options, storeKeys, new StoreObserver(_telemetry));
        _store = store;
        Identification = new RelationalIdentificationSource(database, audit, store.Consents, new TemplateProtector(storeKeys), new ReceiptSigner(storeKeys),
            options.TimeProvider, new StoreObserver(_telemetry), (after, observer) => new PostgreSqlAuditListener(database, audit, options.Actor, after, observer));
    }

    /// <summary>Consent receipts: grant, check, withdraw.</summary>
    public IConsentRegistry Consents => _store.Consents;

    /// <summary>Grants of a legal basis other than consent (PIPL Art. 13): grant, require, revoke.</summary>
    public ILegalBasisRegistry LegalBases => _store.LegalBases;

    /// <summary>The ends of processing: end a purpose, end the relationship with a person, stop the service (PIPL Art. 47; Measures Art. 15).</summary>
    public IFacialDataLifecycle Lifecycle => _store.Lifecycle;

    /// <summary>Access (GDPR Art. 15) and erasure (Art. 17) requests with their Art. 12(3) deadline.</summary>
    public IDataSubjectRequests Requests => _store.Requests;

    /// <summary>Encrypted face templates: enrol, verify, delete, purge; the count of people stored (one count for all nodes).</summary>
    public IFaceTemplateStore Templates => _store.Templates;

    /// <summary>The hash-chained processing records: one chain for all nodes.</summary>
    public IAuditTrail Audit => _store.Audit;

    /// <summary>
    /// For a 1:N gallery kept in sync across nodes (<c>SynchronizedFaceGallery&lt;TPurpose&gt;</c>, FaceCompliance.Vision):
    /// the decrypted templates of the people who may be identified, and the audit trail's change feed (LISTEN/NOTIFY).
    /// </summary>
    public IIdentificationGallerySource Identification { get; }

    /// <summary>The database: host, port and name (never the password).</summary>
    public string Database => _database.Name;

    /// <summary>
    /// Opens the store in the database that <paramref name="connectionString"/> names (an Npgsql connection string),
    /// creating its tables when the database has none (schema version 1), after checking that the master key is the
    /// database's own. Several nodes may open the same database at once; the first creates the schema. If the number of
    /// people stored is already at the warning or filing level and no event was raised for that level before (by any
    /// node), the event is raised once now and audited.
    /// </summary>
    /// <exception cref="ArgumentException">The connection string is empty, or the options are invalid.</exception>
    /// <exception cref="MasterKeyMismatchException">The master key is not the one the store was created with (the key check value differs). Nothing was written.</exception>
    /// <exception cref="System.IO.InvalidDataException">The sealed receipt and audit keys fail authentication although the master key is right. Nothing was written.</exception>
    /// <exception cref="InvalidOperationException">The database holds a schema version this library does not know.</exception>
    /// <exception cref="Npgsql.NpgsqlException">The server cannot be reached or refused the connection.</exception>
    /// <remarks>
    /// Logs to <see cref="FacialDataStoreOptions.LoggerFactory"/>: the store opened, or refused for a wrong master key or
    /// damaged store keys (docs/runtime.md, "Logging").
    /// </remarks>
    public static PostgreSqlFacialDataStore Open(string connectionString, FacialDataStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var logger = StoreTelemetry.CreateLogger(options, StoreTelemetry.PostgreSqlCategory);
        PostgreSqlFacialDataStore store;
        try
        {
            store = OpenUnlogged(connectionString, options);
        }
        catch (MasterKeyMismatchException refused)
        {
            StoreLog.MasterKeyRefused(logger, refused.Store);
            throw;
        }
        catch (System.IO.InvalidDataException damaged)
        {
            StoreLog.StoreDamaged(logger, PostgreSqlDatabase.Describe(connectionString), damaged);
            throw;
        }

        StoreLog.StoreOpened(logger, store.Database, PostgreSqlDatabase.SchemaVersion, store.Templates.PeopleStored);
        return store;
    }

    private static PostgreSqlFacialDataStore OpenUnlogged(string connectionString, FacialDataStoreOptions options)
    {
        RelationalStore.CheckOptions(options);
        var database = new PostgreSqlDatabase(connectionString);
        try
        {
            return new PostgreSqlFacialDataStore(database, options, database.CreateSchema(options.Keys));
        }
        catch
        {
            database.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Replaces the store's master key: in one transaction, every person's data key is wrapped again under
    /// <paramref name="newKeys"/>, the receipt and audit keys are sealed again under it, the database's key check value
    /// becomes the new key's, and the rotation is audited. Receipts already issued, the audit chain and the encrypted
    /// templates stay valid. From then on the store opens with <paramref name="newKeys"/> only. Run it while no node
    /// has the store open: a node opened before the rotation keeps the old key and would wrap new data keys under it.
    /// </summary>
    /// <param name="connectionString">The database (an Npgsql connection string); its schema must exist.</param>
    /// <param name="currentKeys">The master key the store opens with today.</param>
    /// <param name="newKeys">The new master key.</param>
    /// <param name="actor">Who rotates, for the audit record.</param>
    /// <returns>How many data keys were wrapped again, and the people whose data key was already damaged (left as they were).</returns>
    /// <exception cref="MasterKeyMismatchException"><paramref name="currentKeys"/> is not the store's master key. Nothing was written.</exception>
    /// <exception cref="ArgumentException">The new key is the current one.</exception>
    /// <exception cref="InvalidOperationException">The database holds no FaceCompliance store, or a schema version this library does not know.</exception>
    public static MasterKeyRotation RotateMasterKey(string connectionString, FacialDataKeys currentKeys, FacialDataKeys newKeys, string actor = "key-rotation")
    {
        using var database = new PostgreSqlDatabase(connectionString);
        return RelationalStore.RotateMasterKey(database, keys => database.CreateSchema(keys, create: false), currentKeys, newKeys, actor);
    }

    /// <summary>Closes this store's connection pool and its meter.</summary>
    public void Dispose()
    {
        _telemetry.Dispose();
        _database.Dispose();
    }

    /// <summary>
    /// Checks the store now, cheaply, for a health check: the database answers, its key check value is this store's
    /// key's, and the last audit record is the chain's head and verifies. Null when all is well, otherwise what is wrong.
    /// </summary>
    internal string? CheckHealth() => RelationalStoreHealth.Check(_database, _keyCheckValue, _store.Audit.Chain);
}
