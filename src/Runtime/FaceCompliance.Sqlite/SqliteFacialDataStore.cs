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

    private SqliteFacialDataStore(SqliteDatabase database, FacialDataStoreOptions options)
    {
        _database = database;
        var audit = new SqliteAuditTrail(database, new AuditChain(options.Keys), SubjectId.Validate(options.Actor, nameof(options)), options.TimeProvider);
        var templates = new SqliteTemplateStore(database, audit, new TemplateProtector(options.Keys), options);
        var signer = new ReceiptSigner(options.Keys);
        var consents = new SqliteConsentRegistry(database, audit, signer, options.TimeProvider, options.MaxConsentsPerSubjectAndPurpose);
        templates.Consents = consents;
        consents.Templates = templates;
        Audit = audit;
        Templates = templates;
        Consents = consents;
        LegalBases = new SqliteLegalBasisRegistry(database, audit, signer, options.TimeProvider);
        Lifecycle = new SqliteLifecycle(database, audit, templates, options.Actor, options.TimeProvider);
        if (options.FilingThresholdReached is { } handler)
        {
            templates.FilingThresholdReached += handler;
        }

        templates.CheckFilingAtOpen();
    }

    /// <summary>Consent receipts: grant, check, withdraw.</summary>
    public IConsentRegistry Consents { get; }

    /// <summary>Grants of a legal basis other than consent (PIPL Art. 13): grant, require, revoke.</summary>
    public ILegalBasisRegistry LegalBases { get; }

    /// <summary>Encrypted face templates: enrol, verify, delete, purge; the count of people stored.</summary>
    public IFaceTemplateStore Templates { get; }

    /// <summary>The ends of processing: end a purpose, end the relationship with a person, stop the service (PIPL Art. 47; Measures Art. 15).</summary>
    public IFacialDataLifecycle Lifecycle { get; }

    /// <summary>The hash-chained processing records.</summary>
    public IAuditTrail Audit { get; }

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
    public static SqliteFacialDataStore Open(string path, FacialDataStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.TemplateDimension is < 1 or > FaceTemplate.MaxDimension)
        {
            throw new ArgumentException($"TemplateDimension must be 1 to {FaceTemplate.MaxDimension}, not {options.TemplateDimension}.", nameof(options));
        }

        if (options.MaxTemplatesPerSubject < 1 || options.MaxConsentsPerSubjectAndPurpose < 1)
        {
            throw new ArgumentException($"MaxTemplatesPerSubject and MaxConsentsPerSubjectAndPurpose must be at least 1, not {options.MaxTemplatesPerSubject} and {options.MaxConsentsPerSubjectAndPurpose}.", nameof(options));
        }

        var database = new SqliteDatabase(path);
        var chain = new AuditChain(options.Keys);
        database.CreateSchema(MasterKeyCheck.Compute(options.Keys), (connection, transaction) => SqliteAuditTrail.LastRecordVerifies(connection, transaction, chain));
        return new SqliteFacialDataStore(database, options);
    }

    /// <summary>Releases the pooled connections to the file (only this store's).</summary>
    public void Dispose() => _database.ClearPool();
}
