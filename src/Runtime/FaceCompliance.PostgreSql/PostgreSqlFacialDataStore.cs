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

    private PostgreSqlFacialDataStore(PostgreSqlDatabase database, FacialDataStoreOptions options, FacialDataKeys storeKeys)
    {
        _database = database;
        var audit = new PostgreSqlAuditTrail(database, new AuditChain(storeKeys), SubjectId.Validate(options.Actor, nameof(options)), options.TimeProvider);
        var templates = new PostgreSqlTemplateStore(database, audit, new TemplateProtector(storeKeys), options);
        var signer = new ReceiptSigner(storeKeys);
        var consents = new PostgreSqlConsentRegistry(database, audit, signer, options.TimeProvider, options.MaxConsentsPerSubjectAndPurpose);
        templates.Consents = consents;
        consents.Templates = templates;
        Audit = audit;
        Templates = templates;
        Consents = consents;
        LegalBases = new PostgreSqlLegalBasisRegistry(database, audit, signer, options.TimeProvider);
        Lifecycle = new PostgreSqlLifecycle(database, audit, templates, options.Actor, options.TimeProvider);
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

    /// <summary>The ends of processing: end a purpose, end the relationship with a person, stop the service (PIPL Art. 47; Measures Art. 15).</summary>
    public IFacialDataLifecycle Lifecycle { get; }

    /// <summary>Encrypted face templates: enrol, verify, delete, purge; the count of people stored (one count for all nodes).</summary>
    public IFaceTemplateStore Templates { get; }

    /// <summary>The hash-chained processing records: one chain for all nodes.</summary>
    public IAuditTrail Audit { get; }

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
    public static PostgreSqlFacialDataStore Open(string connectionString, FacialDataStoreOptions options)
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

    /// <summary>Closes this store's connection pool.</summary>
    public void Dispose() => _database.Dispose();
}
