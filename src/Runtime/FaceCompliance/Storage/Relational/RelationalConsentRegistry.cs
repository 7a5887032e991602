using System;
using System.Collections.Generic;
using System.Data.Common;
using System.Globalization;

namespace FaceCompliance.Storage;

/// <summary>Consent receipts in the <c>consents</c> table; see <see cref="IConsentRegistry"/>.</summary>
internal sealed class RelationalConsentRegistry(RelationalDatabase database, RelationalAuditTrail audit, ReceiptSigner signer, TimeProvider clock, int maxConsents, StoreObserver observer) : IConsentRegistry
{
    /// <summary>Deletes the templates of a withdrawn consent; set once by the store.</summary>
    public RelationalTemplateStore Templates { get; set; } = null!;

    public ConsentReceipt<TPurpose> Grant<TPurpose>(ConsentGrant grant)
        where TPurpose : IFacialDataPurpose
    {
        ArgumentNullException.ThrowIfNull(grant);
        var purpose = TPurpose.Info;
        grant.Validate(purpose);
        var givenAt = clock.GetUtcNow();
        var unsigned = new ConsentReceipt<TPurpose>(Guid.NewGuid().ToString("N"), grant.SubjectId, purpose.Id, purpose.Notice.Version, givenAt,
            givenAt + (grant.ValidFor ?? purpose.RetentionPeriod), grant.Form, grant.AgeBand, grant.GuardianId, grant.Scopes, []);
        var receipt = new ConsentReceipt<TPurpose>(unsigned.Id, unsigned.Subject, unsigned.PurposeId, unsigned.NoticeVersion, unsigned.GivenAt,
            unsigned.ExpiresAt, unsigned.Form, unsigned.AgeBand, unsigned.GuardianId, unsigned.Scopes, signer.Sign(unsigned));
        database.Write((connection, transaction) =>
        {
            var live = Convert.ToInt32(RelationalDatabase.Scalar(connection, transaction,
                "SELECT COUNT(*) FROM consents WHERE subject_id = @subject AND purpose_id = @purpose AND withdrawn_at IS NULL AND expires_at > @now",
                ("@subject", receipt.Subject), ("@purpose", receipt.PurposeId), ("@now", givenAt.UtcTicks)), CultureInfo.InvariantCulture);
            if (live >= maxConsents)
            {
                throw new FacialDataLimitExceededException(nameof(FacialDataStoreOptions.MaxConsentsPerSubjectAndPurpose), maxConsents, receipt.Subject,
                    $"Subject '{receipt.Subject}' already holds {live} live consents to purpose '{receipt.PurposeId}', the limit (MaxConsentsPerSubjectAndPurpose = {maxConsents}). "
                    + "Nothing was written. Use the current receipt (TryGetCurrentReceipt) instead of granting again, or withdraw first.");
            }

            RelationalDatabase.Execute(connection, transaction, """
                INSERT INTO consents (receipt_id, subject_id, purpose_id, notice_version, given_at, expires_at, form, under14, guardian_id, signature, age_band, scopes)
                VALUES (@id, @subject, @purpose, @version, @given, @expires, @form, @under14, @guardian, @signature, @ageBand, @scopes)
                """,
                ("@id", receipt.Id), ("@subject", receipt.Subject), ("@purpose", receipt.PurposeId), ("@version", receipt.NoticeVersion),
                ("@given", receipt.GivenAt.UtcTicks), ("@expires", receipt.ExpiresAt.UtcTicks), ("@form", (int)receipt.Form),
                ("@under14", receipt.SubjectIsUnder14), ("@guardian", receipt.GuardianId), ("@signature", receipt.Signature.ToArray()),
                ("@ageBand", (int)receipt.AgeBand), ("@scopes", (int)receipt.Scopes));
            return audit.Append(connection, transaction, AuditAction.ConsentGranted, receipt.Subject, receipt.PurposeId, receipt.Id, AuditOutcome.Succeeded,
                $"{receipt.Form} consent to notice {receipt.NoticeVersion}, age band {receipt.AgeBand}, scopes {ConsentCoverage.Describe(receipt.Scopes)}"
                + (receipt.SubjectIsUnder14 ? ", given by a guardian for a subject under 14" : ""));
        });
        observer.ConsentGranted(purpose.Id);
        return receipt;
    }

    public ConsentRejection? Check<TPurpose>(ConsentReceipt<TPurpose> receipt)
        where TPurpose : IFacialDataPurpose => Check(receipt, FacialConsentScopes.Processing);

    public ConsentRejection? Check<TPurpose>(ConsentReceipt<TPurpose> receipt, FacialConsentScopes requiredScopes)
        where TPurpose : IFacialDataPurpose
    {
        ArgumentNullException.ThrowIfNull(receipt);
        ConsentCoverage.EnsureScopes(requiredScopes, nameof(requiredScopes));
        using var connection = database.OpenConnection();
        return Check(connection, null, receipt, requiredScopes).Reason;
    }

    public void EnsureValid<TPurpose>(ConsentReceipt<TPurpose> receipt)
        where TPurpose : IFacialDataPurpose => EnsureValid(receipt, FacialConsentScopes.Processing);

    public void EnsureValid<TPurpose>(ConsentReceipt<TPurpose> receipt, FacialConsentScopes requiredScopes)
        where TPurpose : IFacialDataPurpose
    {
        ArgumentNullException.ThrowIfNull(receipt);
        ConsentCoverage.EnsureScopes(requiredScopes, nameof(requiredScopes));
        database.Write((connection, transaction) =>
        {
            EnsureValid(connection, transaction, receipt, requiredScopes);
            return 0;
        });
    }

    public void EnsureValid<TPurpose>(ConsentReceipt<TPurpose> receipt, string subjectId)
        where TPurpose : IFacialDataPurpose
    {
        ArgumentNullException.ThrowIfNull(receipt);
        SubjectId.Validate(subjectId, nameof(subjectId));
        database.Write((connection, transaction) =>
        {
            EnsureValid(connection, transaction, receipt, FacialConsentScopes.Processing, subjectId);
            return 0;
        });
    }

    /// <summary>
    /// Checks the receipt inside a write transaction. When it is not valid, the refusal is audited and committed
    /// here, and <see cref="ConsentRequiredException"/> is thrown: the caller writes nothing else.
    /// </summary>
    public void EnsureValid<TPurpose>(DbConnection connection, DbTransaction transaction, ConsentReceipt<TPurpose> receipt,
        FacialConsentScopes requiredScopes = FacialConsentScopes.Processing, string? presentedBy = null)
        where TPurpose : IFacialDataPurpose
    {
        var (reason, message) = Check(connection, transaction, receipt, requiredScopes, presentedBy);
        if (reason is null)
        {
            return;
        }

        var subject = presentedBy ?? receipt.Subject;
        audit.Append(connection, transaction, AuditAction.ConsentRejected, subject, TPurpose.Info.Id, receipt.Id, AuditOutcome.Refused, reason.ToString());
        transaction.Commit();
        observer.ConsentRefused(subject, TPurpose.Info.Id, reason.Value);
        throw new ConsentRequiredException(subject, TPurpose.Info.Id, reason.Value, message!);
    }

    public bool TryGetCurrentReceipt<TPurpose>(string subjectId, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ConsentReceipt<TPurpose>? receipt)
        where TPurpose : IFacialDataPurpose
    {
        SubjectId.Validate(subjectId, nameof(subjectId));
        using var connection = database.OpenConnection();
        receipt = CurrentReceipt<TPurpose>(connection, null, subjectId);
        return receipt is not null;
    }

    public ConsentReceipt<TPurpose> GetValidReceipt<TPurpose>(string subjectId, FacialConsentScopes requiredScopes = FacialConsentScopes.Processing)
        where TPurpose : IFacialDataPurpose
    {
        SubjectId.Validate(subjectId, nameof(subjectId));
        ConsentCoverage.EnsureScopes(requiredScopes, nameof(requiredScopes));
        return database.Write((connection, transaction) =>
        {
            var receipt = CurrentReceipt<TPurpose>(connection, transaction, subjectId);
            if (receipt is null)
            {
                var purposeId = TPurpose.Info.Id;
                audit.Append(connection, transaction, AuditAction.ConsentRejected, subjectId, purposeId, null, AuditOutcome.Refused, nameof(ConsentRejection.NeverConsented));
                transaction.Commit();
                observer.ConsentRefused(subjectId, purposeId, ConsentRejection.NeverConsented);
                throw new ConsentRequiredException(subjectId, purposeId, ConsentRejection.NeverConsented,
                    $"subject '{subjectId}' never consented to purpose '{purposeId}'");
            }

            EnsureValid(connection, transaction, receipt, requiredScopes);
            return receipt;
        });
    }

    public IReadOnlyList<SubjectConsent> ListCurrentConsents(string subjectId)
    {
        SubjectId.Validate(subjectId, nameof(subjectId));
        using var connection = database.OpenConnection();
        using var command = RelationalDatabase.Command(connection, null, $"""
            SELECT purpose_id, receipt_id, notice_version, given_at, expires_at, scopes, withdrawn_at FROM (
                SELECT purpose_id, receipt_id, notice_version, given_at, expires_at, scopes, withdrawn_at,
                       ROW_NUMBER() OVER (PARTITION BY purpose_id ORDER BY given_at DESC, {database.InsertionOrder} DESC) AS recency
                FROM consents WHERE subject_id = @subject) AS latest
            WHERE recency = 1
            ORDER BY purpose_id
            """, ("@subject", subjectId));
        using var reader = command.ExecuteReader();
        var found = new List<SubjectConsent>();
        while (reader.Read())
        {
            found.Add(new SubjectConsent(reader.GetString(0), reader.GetString(1), reader.GetString(2), Time(reader.GetInt64(3)), Time(reader.GetInt64(4)),
                (FacialConsentScopes)reader.GetInt32(5), reader.IsDBNull(6) ? null : Time(reader.GetInt64(6))));
        }

        return found;
    }

    /// <summary>The latest receipt issued to the subject for the purpose, in any state; receipts given in the same tick fall back to insertion order.</summary>
    private ConsentReceipt<TPurpose>? CurrentReceipt<TPurpose>(DbConnection connection, DbTransaction? transaction, string subjectId)
        where TPurpose : IFacialDataPurpose
    {
        using var command = RelationalDatabase.Command(connection, transaction, $"""
            SELECT receipt_id, notice_version, given_at, expires_at, form, age_band, guardian_id, scopes, signature
            FROM consents WHERE subject_id = @subject AND purpose_id = @purpose
            ORDER BY given_at DESC, {database.InsertionOrder} DESC LIMIT 1
            """, ("@subject", subjectId), ("@purpose", TPurpose.Info.Id));
        using var reader = command.ExecuteReader();
        return reader.Read()
            ? new ConsentReceipt<TPurpose>(reader.GetString(0), subjectId, TPurpose.Info.Id, reader.GetString(1), Time(reader.GetInt64(2)),
                Time(reader.GetInt64(3)), (ConsentForm)reader.GetInt32(4), (FacialAgeBand)reader.GetInt32(5),
                reader.IsDBNull(6) ? null : reader.GetString(6), (FacialConsentScopes)reader.GetInt32(7), (byte[])reader.GetValue(8))
            : null;
    }

    private static DateTimeOffset Time(long utcTicks) => new(utcTicks, TimeSpan.Zero);

    public int Withdraw<TPurpose>(string subjectId)
        where TPurpose : IFacialDataPurpose
    {
        SubjectId.Validate(subjectId, nameof(subjectId));
        var purposeId = TPurpose.Info.Id;
        var (deleted, before, after) = database.Write((connection, transaction) =>
        {
            var before = RelationalTemplateStore.CountPeople(connection, transaction);
            var consents = RelationalDatabase.Execute(connection, transaction,
                "UPDATE consents SET withdrawn_at = @now WHERE subject_id = @subject AND purpose_id = @purpose AND withdrawn_at IS NULL",
                ("@now", clock.GetUtcNow().UtcTicks), ("@subject", subjectId), ("@purpose", purposeId));
            if (consents == 0)
            {
                throw new KeyNotFoundException($"Subject '{subjectId}' has no consent to purpose '{purposeId}' to withdraw.");
            }

            audit.Append(connection, transaction, AuditAction.ConsentWithdrawn, subjectId, purposeId, null, AuditOutcome.Succeeded,
                consents.ToString(CultureInfo.InvariantCulture) + " consent(s) withdrawn");
            var deleted = Templates.DeleteTemplates(connection, transaction, subjectId, purposeId);
            return (deleted, before, RelationalTemplateStore.CountPeople(connection, transaction));
        });
        Templates.AfterDeletion(before, after);
        observer.ConsentWithdrawn(subjectId, purposeId, deleted);
        return deleted;
    }

    public AuditRecord RecordRefusal<TPurpose>(string? subjectId, string? detail = null)
        where TPurpose : IFacialDataPurpose => RecordChoice<TPurpose>(AuditAction.FaceProcessingRefused, subjectId, detail);

    public AuditRecord RecordAlternativeUsed<TPurpose>(string? subjectId, string? detail = null)
        where TPurpose : IFacialDataPurpose => RecordChoice<TPurpose>(AuditAction.AlternativeUsed, subjectId, detail);

    private AuditRecord RecordChoice<TPurpose>(AuditAction action, string? subjectId, string? detail)
        where TPurpose : IFacialDataPurpose
    {
        if (subjectId is not null)
        {
            SubjectId.Validate(subjectId, nameof(subjectId));
        }

        if (detail is not null)
        {
            RelationalLifecycle.Reason(detail, nameof(detail));
        }

        return audit.Append(action, subjectId, TPurpose.Info.Id, null, AuditOutcome.Succeeded, detail);
    }

    public IReadOnlyList<ConsentOnOlderNotice> ListConsentsOnOlderNotice<TPurpose>()
        where TPurpose : IFacialDataPurpose
    {
        var purpose = TPurpose.Info;
        using var connection = database.OpenConnection();
        // A person's current receipt is their latest live one; receipts given in the same tick fall back to insertion order.
        using var command = RelationalDatabase.Command(connection, null, $"""
            SELECT subject_id, receipt_id, notice_version, given_at FROM (
                SELECT subject_id, receipt_id, notice_version, given_at,
                       ROW_NUMBER() OVER (PARTITION BY subject_id ORDER BY given_at DESC, {database.InsertionOrder} DESC) AS recency
                FROM consents
                WHERE purpose_id = @purpose AND withdrawn_at IS NULL AND expires_at > @now) AS latest
            WHERE recency = 1 AND notice_version <> @version
            ORDER BY subject_id
            """,
            ("@purpose", purpose.Id), ("@now", clock.GetUtcNow().UtcTicks), ("@version", purpose.Notice.Version));
        using var reader = command.ExecuteReader();
        var found = new List<ConsentOnOlderNotice>();
        while (reader.Read())
        {
            found.Add(new ConsentOnOlderNotice(reader.GetString(0), reader.GetString(1), reader.GetString(2), new DateTimeOffset(reader.GetInt64(3), TimeSpan.Zero)));
        }

        return found;
    }

    private (ConsentRejection? Reason, string? Message) Check<TPurpose>(DbConnection connection, DbTransaction? transaction, ConsentReceipt<TPurpose> receipt,
        FacialConsentScopes requiredScopes, string? presentedBy = null)
        where TPurpose : IFacialDataPurpose
    {
        var purpose = TPurpose.Info;
        using var command = RelationalDatabase.Command(connection, transaction,
            "SELECT subject_id, purpose_id, notice_version, given_at, expires_at, form, age_band, guardian_id, signature, withdrawn_at, scopes FROM consents WHERE receipt_id = @id",
            ("@id", receipt.Id));
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            return (ConsentRejection.Forged, $"receipt {receipt.Id} was not issued by this registry (forged)");
        }

        var issuedUnchanged = signer.HasValidSignature(receipt)
            && reader.GetString(0) == receipt.Subject && reader.GetString(1) == receipt.PurposeId && reader.GetString(2) == receipt.NoticeVersion
            && reader.GetInt64(3) == receipt.GivenAt.UtcTicks && reader.GetInt64(4) == receipt.ExpiresAt.UtcTicks
            && reader.GetInt32(5) == (int)receipt.Form && reader.GetInt32(6) == (int)receipt.AgeBand && reader.GetInt32(10) == (int)receipt.Scopes
            && (reader.IsDBNull(7) ? null : reader.GetString(7)) == receipt.GuardianId
            && ((byte[])reader.GetValue(8)).AsSpan().SequenceEqual(receipt.Signature);
        if (!issuedUnchanged)
        {
            return (ConsentRejection.Tampered, $"receipt {receipt.Id} was altered after it was issued (its content no longer matches its signature)");
        }

        if (presentedBy is not null && !string.Equals(presentedBy, receipt.Subject, StringComparison.Ordinal))
        {
            return (ConsentRejection.OtherSubject, $"receipt {receipt.Id} was issued to another subject, not to '{presentedBy}' who presented it");
        }

        if (receipt.PurposeId != purpose.Id)
        {
            return (ConsentRejection.WrongPurpose, $"receipt {receipt.Id} is for purpose '{receipt.PurposeId}', not '{purpose.Id}'");
        }

        if (!reader.IsDBNull(9))
        {
            return (ConsentRejection.Withdrawn, $"consent {receipt.Id} was withdrawn at {new DateTimeOffset(reader.GetInt64(9), TimeSpan.Zero):u}");
        }

        if (clock.GetUtcNow() >= receipt.ExpiresAt)
        {
            return (ConsentRejection.Expired, $"consent {receipt.Id} expired at {receipt.ExpiresAt:u}");
        }

        if (receipt.NoticeVersion != purpose.Notice.Version)
        {
            return (ConsentRejection.OldNotice, $"consent {receipt.Id} was given to notice version {receipt.NoticeVersion}, but the notice now reads version {purpose.Notice.Version}: the subject must read it and consent again (Measures Art. 5 §2)");
        }

        var uncovered = ConsentCoverage.Check(receipt, requiredScopes, out var detail);
        return (uncovered, detail);
    }
}
