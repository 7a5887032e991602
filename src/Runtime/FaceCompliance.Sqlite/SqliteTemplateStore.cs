using System;
using System.Collections.Generic;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace FaceCompliance.Sqlite;

/// <summary>Encrypted templates in the <c>templates</c> table, keyed per person in <c>subject_keys</c>; see <see cref="IFaceTemplateStore"/>.</summary>
internal sealed class SqliteTemplateStore : IFaceTemplateStore
{
    private readonly SqliteDatabase _database;
    private readonly SqliteAuditTrail _audit;
    private readonly TemplateProtector _protector;
    private readonly FilingThresholdTracker _filing;
    private readonly TimeProvider _clock;
    private readonly int _dimension;

    public SqliteTemplateStore(SqliteDatabase database, SqliteAuditTrail audit, TemplateProtector protector, FacialDataStoreOptions options)
    {
        _database = database;
        _audit = audit;
        _protector = protector;
        _clock = options.TimeProvider;
        _dimension = options.TemplateDimension;
        _filing = new FilingThresholdTracker(new FilingThresholdOptions
        {
            WarningLevel = options.Filing.WarningLevel,
            FilingLevel = options.Filing.FilingLevel,
            Calendar = options.Filing.Calendar,
            TimeProvider = options.TimeProvider,
        });
    }

    public event EventHandler<FilingThresholdEventArgs>? FilingThresholdReached;

    /// <summary>Checks receipts inside the store's transactions; set once by the store.</summary>
    public SqliteConsentRegistry Consents { get; set; } = null!;

    public int PeopleStored
    {
        get
        {
            using var connection = _database.Open();
            return CountPeople(connection, null);
        }
    }

    [ProcessesFacialData(FacialProcessingMethod.Verification)]
    public string Enroll<TPurpose>(ConsentReceipt<TPurpose> receipt, FaceTemplate template)
        where TPurpose : IFacialDataPurpose
    {
        ArgumentNullException.ThrowIfNull(receipt);
        CheckDimension(template, nameof(template));
        var purpose = TPurpose.Info;
        var (id, before, after) = _database.Write((connection, transaction) =>
        {
            Consents.EnsureValid(connection, transaction, receipt);
            var before = CountPeople(connection, transaction);
            var existingKey = SubjectKey(connection, transaction, receipt.Subject);
            var wrappedKey = existingKey ?? CreateSubjectKey(connection, transaction, receipt.Subject);
            var templateId = Guid.NewGuid().ToString("N");
            var collectedAt = _clock.GetUtcNow();
            SqliteDatabase.Execute(connection, transaction, """
                INSERT INTO templates (template_id, subject_id, purpose_id, receipt_id, collected_at, expires_at, ciphertext)
                VALUES ($id, $subject, $purpose, $receipt, $collected, $expires, $ciphertext)
                """,
                ("$id", templateId), ("$subject", receipt.Subject), ("$purpose", purpose.Id), ("$receipt", receipt.Id),
                ("$collected", collectedAt.UtcTicks), ("$expires", purpose.ExpiresAt(collectedAt).UtcTicks),
                ("$ciphertext", _protector.Encrypt(wrappedKey, receipt.Subject, purpose.Id, templateId, template)));
            _audit.Append(connection, transaction, AuditAction.Enrolled, receipt.Subject, purpose.Id, receipt.Id, AuditOutcome.Succeeded, "template " + templateId);
            return (templateId, before, existingKey is null ? before + 1 : before);
        });
        RaiseFilingEvents(before, after);
        return id;
    }

    [ProcessesFacialData(FacialProcessingMethod.Verification)]
    public float Verify<TPurpose>(ConsentReceipt<TPurpose> receipt, FaceTemplate probe)
        where TPurpose : IFacialDataPurpose
    {
        ArgumentNullException.ThrowIfNull(receipt);
        CheckDimension(probe, nameof(probe));
        var purpose = TPurpose.Info;
        var best = _database.Write((connection, transaction) =>
        {
            Consents.EnsureValid(connection, transaction, receipt);
            float? best = null;
            if (SubjectKey(connection, transaction, receipt.Subject) is { } wrappedKey)
            {
                using var command = SqliteDatabase.Command(connection, transaction,
                    "SELECT template_id, ciphertext FROM templates WHERE subject_id = $subject AND purpose_id = $purpose",
                    ("$subject", receipt.Subject), ("$purpose", purpose.Id));
                using var reader = command.ExecuteReader();
                while (reader.Read())
                {
                    var stored = _protector.Decrypt(wrappedKey, receipt.Subject, purpose.Id, reader.GetString(0), (byte[])reader.GetValue(1));
                    best = Math.Max(best ?? float.MinValue, stored.CosineSimilarity(probe));
                }
            }

            _audit.Append(connection, transaction, AuditAction.Verified, receipt.Subject, purpose.Id, receipt.Id,
                best is null ? AuditOutcome.Failed : AuditOutcome.Succeeded,
                best is null ? "no template enrolled" : "best similarity " + best.Value.ToString("0.000", CultureInfo.InvariantCulture));
            return best;
        });
        return best ?? throw new KeyNotFoundException($"Subject '{receipt.Subject}' has no template for purpose '{purpose.Id}'; enrol first.");
    }

    public int DeleteSubject(string subjectId)
    {
        SubjectId.Validate(subjectId, nameof(subjectId));
        var (deleted, before, after) = _database.Write((connection, transaction) =>
        {
            var before = CountPeople(connection, transaction);
            if (SubjectKey(connection, transaction, subjectId) is null)
            {
                throw new KeyNotFoundException($"Subject '{subjectId}' has no facial data stored.");
            }

            var deleted = DeleteTemplates(connection, transaction, subjectId, purposeId: null);
            return (deleted, before, CountPeople(connection, transaction));
        });
        AfterDeletion(before, after);
        return deleted;
    }

    public int PurgeExpired()
    {
        var (deleted, before, after) = _database.Write((connection, transaction) =>
        {
            var before = CountPeople(connection, transaction);
            var now = _clock.GetUtcNow();
            var expired = new List<(string Template, string Subject, string Purpose)>();
            using (var command = SqliteDatabase.Command(connection, transaction, "SELECT template_id, subject_id, purpose_id, collected_at, expires_at FROM templates"))
            using (var reader = command.ExecuteReader())
            {
                while (reader.Read())
                {
                    var purposeId = reader.GetString(2);
                    var collected = new DateTimeOffset(reader.GetInt64(3), TimeSpan.Zero);
                    var dueByDeclaration = FacialPurposeRegistry.Find(purposeId)?.IsExpired(collected, now) ?? false;
                    if (reader.GetInt64(4) <= now.UtcTicks || dueByDeclaration)
                    {
                        expired.Add((reader.GetString(0), reader.GetString(1), purposeId));
                    }
                }
            }

            foreach (var (template, subject, purpose) in expired)
            {
                SqliteDatabase.Execute(connection, transaction, "DELETE FROM templates WHERE template_id = $id", ("$id", template));
                _audit.Append(connection, transaction, AuditAction.Purged, subject, purpose, null, AuditOutcome.Succeeded, "template " + template + " past its retention");
            }

            DeleteKeysWithoutTemplates(connection, transaction);
            return (expired.Count, before, CountPeople(connection, transaction));
        });
        AfterDeletion(before, after);
        return deleted;
    }

    /// <summary>Deletes a person's templates (for one purpose, or all) and their key once none is left; audited.</summary>
    public int DeleteTemplates(SqliteConnection connection, SqliteTransaction transaction, string subjectId, string? purposeId)
    {
        var deleted = SqliteDatabase.Execute(connection, transaction,
            "DELETE FROM templates WHERE subject_id = $subject AND ($purpose IS NULL OR purpose_id = $purpose)",
            ("$subject", subjectId), ("$purpose", purposeId));
        var keyDestroyed = DeleteKeysWithoutTemplates(connection, transaction, subjectId) > 0;
        _audit.Append(connection, transaction, AuditAction.Deleted, subjectId, purposeId, null, AuditOutcome.Succeeded,
            deleted.ToString(CultureInfo.InvariantCulture) + " template(s) deleted" + (keyDestroyed ? ", data key destroyed" : ""));
        return deleted;
    }

    /// <summary>After a deletion committed: empty the write-ahead log and report a drop below a filing level.</summary>
    public void AfterDeletion(int before, int after)
    {
        _database.Checkpoint();
        RaiseFilingEvents(before, after);
    }

    private void RaiseFilingEvents(int before, int after)
    {
        foreach (var reached in _filing.Observe(before, after))
        {
            _audit.Append(AuditAction.FilingThresholdReached, null, null, null, AuditOutcome.Succeeded,
                $"{reached.Level} level {reached.Threshold} reached with {reached.Count} people stored"
                + (reached.FilingDeadline is { } deadline ? $"; file by {deadline:yyyy-MM-dd}" : ""));
            FilingThresholdReached?.Invoke(this, reached);
        }
    }

    private void CheckDimension(FaceTemplate template, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(template, parameterName);
        if (template.Dimension != _dimension)
        {
            throw new ArgumentException($"This store holds templates of {_dimension} values; this one has {template.Dimension}.", parameterName);
        }
    }

    public static int CountPeople(SqliteConnection connection, SqliteTransaction? transaction) =>
        Convert.ToInt32(SqliteDatabase.Scalar(connection, transaction, "SELECT COUNT(*) FROM subject_keys"), CultureInfo.InvariantCulture);

    private static byte[]? SubjectKey(SqliteConnection connection, SqliteTransaction transaction, string subjectId) =>
        SqliteDatabase.Scalar(connection, transaction, "SELECT wrapped_key FROM subject_keys WHERE subject_id = $subject", ("$subject", subjectId)) as byte[];

    private byte[] CreateSubjectKey(SqliteConnection connection, SqliteTransaction transaction, string subjectId)
    {
        var wrapped = _protector.NewWrappedSubjectKey(subjectId);
        SqliteDatabase.Execute(connection, transaction, "INSERT INTO subject_keys (subject_id, wrapped_key, created_at) VALUES ($subject, $key, $now)",
            ("$subject", subjectId), ("$key", wrapped), ("$now", _clock.GetUtcNow().UtcTicks));
        return wrapped;
    }

    private static int DeleteKeysWithoutTemplates(SqliteConnection connection, SqliteTransaction transaction, string? subjectId = null) =>
        SqliteDatabase.Execute(connection, transaction,
            "DELETE FROM subject_keys WHERE ($subject IS NULL OR subject_id = $subject) AND NOT EXISTS (SELECT 1 FROM templates t WHERE t.subject_id = subject_keys.subject_id)",
            ("$subject", subjectId));
}
