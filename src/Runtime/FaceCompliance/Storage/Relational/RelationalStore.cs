using System;
using System.Security.Cryptography;

namespace FaceCompliance.Storage;

/// <summary>
/// The parts of a store over one <see cref="RelationalDatabase"/>: consent registry, legal-basis registry, template
/// store, lifecycle and audit trail, wired together once. <c>SqliteFacialDataStore</c> and
/// <c>PostgreSqlFacialDataStore</c> open their engine's schema and hand it here.
/// </summary>
internal sealed class RelationalStore
{
    public RelationalStore(RelationalDatabase database, RelationalAuditTrail audit, FacialDataStoreOptions options, FacialDataKeys storeKeys, StoreObserver observer)
    {
        var templates = new RelationalTemplateStore(database, audit, new TemplateProtector(storeKeys), options, observer);
        var signer = new ReceiptSigner(storeKeys);
        var consents = new RelationalConsentRegistry(database, audit, signer, options.TimeProvider, options.MaxConsentsPerSubjectAndPurpose, observer);
        templates.Consents = consents;
        consents.Templates = templates;
        Audit = audit;
        Templates = templates;
        Consents = consents;
        LegalBases = new RelationalLegalBasisRegistry(database, audit, signer, options.TimeProvider);
        Lifecycle = new RelationalLifecycle(database, audit, templates, options.Actor, options.TimeProvider);
        Requests = new RelationalSubjectRequests(database, audit, templates, options.TimeProvider);
        if (options.FilingThresholdReached is { } handler)
        {
            templates.FilingThresholdReached += handler;
        }

        templates.CheckFilingAtOpen();
    }

    public RelationalConsentRegistry Consents { get; }

    public RelationalLegalBasisRegistry LegalBases { get; }

    public RelationalTemplateStore Templates { get; }

    public RelationalLifecycle Lifecycle { get; }

    public RelationalAuditTrail Audit { get; }

    public RelationalSubjectRequests Requests { get; }

    /// <summary>Refuses options no store can work with, before anything is opened.</summary>
    /// <exception cref="ArgumentException">The template dimension or a limit is out of range.</exception>
    public static void CheckOptions(FacialDataStoreOptions options)
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

        SubjectId.Validate(options.Actor, nameof(options));
    }

    /// <summary>
    /// Replaces the store's master key in one write transaction: every person's data key is wrapped again under
    /// <paramref name="newKeys"/> (a damaged one is left as it is and named), the receipt and audit keys are sealed
    /// again under it, the key check value becomes the new key's, and the rotation is audited.
    /// </summary>
    /// <param name="database">The engine, not yet opened by this call.</param>
    /// <param name="openSchema">Opens the engine's schema with a master key and returns the store keys (it checks the key).</param>
    /// <param name="currentKeys">The master key the store opens with today.</param>
    /// <param name="newKeys">The new master key.</param>
    /// <param name="actor">Who rotates, for the audit record.</param>
    /// <exception cref="MasterKeyMismatchException"><paramref name="currentKeys"/> is not the store's master key. Nothing was written.</exception>
    /// <exception cref="ArgumentException">The new key is the current one.</exception>
    public static MasterKeyRotation RotateMasterKey(RelationalDatabase database, Func<FacialDataKeys, FacialDataKeys> openSchema,
        FacialDataKeys currentKeys, FacialDataKeys newKeys, string actor)
    {
        ArgumentNullException.ThrowIfNull(currentKeys);
        ArgumentNullException.ThrowIfNull(newKeys);
        var currentCheckValue = database.KeyCheckValue(currentKeys);
        var newCheckValue = database.KeyCheckValue(newKeys);
        if (CryptographicOperations.FixedTimeEquals(currentCheckValue, newCheckValue))
        {
            throw new ArgumentException("The new master key is the current one; nothing to rotate.", nameof(newKeys));
        }

        var storeKeys = openSchema(currentKeys);
        var audit = new RelationalAuditTrail(database, new AuditChain(storeKeys), SubjectId.Validate(actor, nameof(actor)), TimeProvider.System);
        return database.Write((connection, transaction) =>
        {
            // Again inside the write transaction: another rotation may have committed since the schema was opened.
            database.CheckMasterKey(connection, transaction, currentCheckValue);
            var rotation = RelationalTemplateStore.RewrapSubjectKeys(connection, transaction, new TemplateProtector(storeKeys), new TemplateProtector(newKeys));
            database.WriteStoreKeys(connection, transaction, storeKeys, newKeys);
            RelationalDatabase.WriteMeta(connection, transaction, RelationalDatabase.KeyCheckMetaKey, newCheckValue);
            audit.Append(connection, transaction, AuditAction.MasterKeyRotated, null, null, null, AuditOutcome.Succeeded,
                $"{rotation.SubjectKeysRewrapped} data key(s) wrapped again under the new master key"
                + (rotation.DamagedSubjectKeys.Count > 0 ? $"; {rotation.DamagedSubjectKeys.Count} damaged key(s) left as they were" : ""));
            return rotation;
        });
    }
}
