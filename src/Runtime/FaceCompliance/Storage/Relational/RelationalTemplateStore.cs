using System;
using System.Collections.Generic;
using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;

namespace FaceCompliance.Storage;

/// <summary>Encrypted templates in the <c>templates</c> table, keyed per person in <c>subject_keys</c>; see <see cref="IFaceTemplateStore"/>.</summary>
internal sealed class RelationalTemplateStore : IFaceTemplateStore
{
    private readonly RelationalDatabase _database;
    private readonly RelationalAuditTrail _audit;
    private readonly TemplateProtector _protector;
    private readonly FilingThresholdTracker _filing;
    private readonly TimeProvider _clock;
    private readonly int _dimension;
    private readonly int _maxTemplates;
    private readonly StoreObserver _observer;

    public RelationalTemplateStore(RelationalDatabase database, RelationalAuditTrail audit, TemplateProtector protector, FacialDataStoreOptions options, StoreObserver observer)
    {
        _observer = observer;
        _database = database;
        _audit = audit;
        _protector = protector;
        _clock = options.TimeProvider;
        _dimension = options.TemplateDimension;
        _maxTemplates = options.MaxTemplatesPerSubject;
        _filing = new FilingThresholdTracker(new FilingThresholdOptions
        {
            WarningLevel = options.Filing.WarningLevel,
            FilingLevel = options.Filing.FilingLevel,
            Calendar = options.Filing.Calendar,
            TimeProvider = options.TimeProvider,
        });
    }

    public event EventHandler<FilingThresholdEventArgs>? FilingThresholdReached;

    public event EventHandler? SubjectsChanged;

    /// <summary>Checks receipts inside the store's transactions; set once by the store.</summary>
    public RelationalConsentRegistry Consents { get; set; } = null!;

    public int PeopleStored
    {
        get
        {
            using var connection = _database.OpenConnection();
            return CountPeople(connection, null);
        }
    }

    /// <summary>The templates stored, quarantined ones included (for the metric facecompliance.templates.stored).</summary>
    public int TemplatesStored
    {
        get
        {
            using var connection = _database.OpenConnection();
            return Convert.ToInt32(RelationalDatabase.Scalar(connection, null, "SELECT COUNT(*) FROM templates"), CultureInfo.InvariantCulture);
        }
    }

    public IReadOnlyCollection<string> SubjectsStored()
    {
        using var connection = _database.OpenConnection();
        using var command = RelationalDatabase.Command(connection, null, "SELECT subject_id FROM subject_keys");
        using var reader = command.ExecuteReader();
        var subjects = new List<string>();
        while (reader.Read())
        {
            subjects.Add(reader.GetString(0));
        }

        return subjects;
    }

    /// <summary>The filing tracker of this store (its levels, calendar and clock).</summary>
    public FilingThresholdTracker Filing => _filing;

    [ProcessesFacialData(FacialProcessingMethod.Verification)]
    public string Enroll<TPurpose>(ConsentReceipt<TPurpose> receipt, FaceTemplate template)
        where TPurpose : IFacialDataPurpose
    {
        ArgumentNullException.ThrowIfNull(receipt);
        CheckDimension(template, nameof(template));
        var purpose = TPurpose.Info;
        var (id, before, after, damagedKey) = _database.Write((connection, transaction) =>
        {
            Consents.EnsureValid(connection, transaction, receipt);
            var stored = Convert.ToInt32(RelationalDatabase.Scalar(connection, transaction, "SELECT COUNT(*) FROM templates WHERE subject_id = @subject",
                ("@subject", receipt.Subject)), System.Globalization.CultureInfo.InvariantCulture);
            if (stored >= _maxTemplates)
            {
                throw new FacialDataLimitExceededException(nameof(FacialDataStoreOptions.MaxTemplatesPerSubject), _maxTemplates, receipt.Subject,
                    $"Subject '{receipt.Subject}' already has {stored} templates stored, the limit (MaxTemplatesPerSubject = {_maxTemplates}). "
                    + "Nothing was written. Delete an old template (or let it expire) before enrolling another.");
            }

            var before = CountPeople(connection, transaction);
            var existingKey = SubjectKey(connection, transaction, receipt.Subject);
            var wrappedKey = existingKey ?? CreateSubjectKey(connection, transaction, receipt.Subject);
            var templateId = Guid.NewGuid().ToString("N");
            byte[] ciphertext;
            try
            {
                ciphertext = _protector.Encrypt(wrappedKey, receipt.Subject, purpose.Id, templateId, template);
            }
            catch (FacialDataDamagedException error)
            {
                AuditDamagedKey(connection, transaction, receipt.Subject, purpose.Id, receipt.Id, "enrolment refused");
                return (templateId, before, before, error);
            }

            var collectedAt = _clock.GetUtcNow();
            RelationalDatabase.Execute(connection, transaction, """
                INSERT INTO templates (template_id, subject_id, purpose_id, receipt_id, collected_at, expires_at, ciphertext)
                VALUES (@id, @subject, @purpose, @receipt, @collected, @expires, @ciphertext)
                """,
                ("@id", templateId), ("@subject", receipt.Subject), ("@purpose", purpose.Id), ("@receipt", receipt.Id),
                ("@collected", collectedAt.UtcTicks), ("@expires", purpose.ExpiresAt(collectedAt).UtcTicks),
                ("@ciphertext", ciphertext));
            _audit.Append(connection, transaction, AuditAction.Enrolled, receipt.Subject, purpose.Id, receipt.Id, AuditOutcome.Succeeded, "template " + templateId);
            WriteInteraction(connection, transaction, receipt.Subject, purpose.Id, collectedAt);
            return (templateId, before, existingKey is null ? before + 1 : before, (FacialDataDamagedException?)null);
        });
        if (damagedKey is not null)
        {
            throw damagedKey;
        }

        AfterCountChange(before, after);
        _observer.TemplateEnrolled(purpose.Id);
        return id;
    }

    [ProcessesFacialData(FacialProcessingMethod.Verification)]
    public FaceVerification Verify<TPurpose>(ConsentReceipt<TPurpose> receipt, FaceTemplate probe, float threshold)
        where TPurpose : IFacialDataPurpose
    {
        var started = _clock.GetTimestamp();
        var outcome = "failed";
        try
        {
            var verification = VerifyUntimed(receipt, probe, threshold);
            outcome = "compared";
            return verification;
        }
        catch (KeyNotFoundException)
        {
            outcome = "no_template";
            throw;
        }
        catch (ConsentRequiredException)
        {
            outcome = "refused";
            throw;
        }
        finally
        {
            _observer.Verified(TPurpose.Info.Id, outcome, _clock.GetElapsedTime(started));
        }
    }

    [ProcessesFacialData(FacialProcessingMethod.Verification)]
    private FaceVerification VerifyUntimed<TPurpose>(ConsentReceipt<TPurpose> receipt, FaceTemplate probe, float threshold)
        where TPurpose : IFacialDataPurpose
    {
        ArgumentNullException.ThrowIfNull(receipt);
        CheckDimension(probe, nameof(probe));
        if (!(threshold is >= -1f and <= 1f))
        {
            throw new ArgumentOutOfRangeException(nameof(threshold), threshold, "The match threshold is a cosine similarity from -1 to 1.");
        }

        var purpose = TPurpose.Info;
        var result = _database.Write((connection, transaction) =>
        {
            Consents.EnsureValid(connection, transaction, receipt);
            float? best = null;
            FacialDataDamagedException? damagedKey = null;
            if (SubjectKey(connection, transaction, receipt.Subject) is { } wrappedKey)
            {
                var damaged = new List<string>();
                using (var command = RelationalDatabase.Command(connection, transaction,
                    "SELECT template_id, ciphertext FROM templates WHERE subject_id = @subject AND purpose_id = @purpose AND quarantined_at IS NULL",
                    ("@subject", receipt.Subject), ("@purpose", purpose.Id)))
                using (var reader = command.ExecuteReader())
                {
                    while (reader.Read())
                    {
                        FaceTemplate stored;
                        try
                        {
                            stored = _protector.Decrypt(wrappedKey, receipt.Subject, purpose.Id, reader.GetString(0), (byte[])reader.GetValue(1));
                        }
                        catch (CryptographicException)
                        {
                            damaged.Add(reader.GetString(0));
                            continue;
                        }
                        catch (FacialDataDamagedException error)
                        {
                            damagedKey = error;
                            break;
                        }

                        best = Math.Max(best ?? float.MinValue, stored.CosineSimilarity(probe));
                    }
                }

                foreach (var templateId in damaged)
                {
                    Quarantine(connection, transaction, receipt.Subject, purpose.Id, templateId);
                }
            }

            if (damagedKey is not null)
            {
                AuditDamagedKey(connection, transaction, receipt.Subject, purpose.Id, receipt.Id, "verification refused");
                return (best: (float?)null, quarantined: 0L, damagedKey);
            }

            var quarantined = best is null ? CountQuarantined(connection, transaction, receipt.Subject, purpose.Id) : 0;
            _audit.Append(connection, transaction, AuditAction.Verified, receipt.Subject, purpose.Id, receipt.Id,
                best is null ? AuditOutcome.Failed : AuditOutcome.Succeeded,
                best is not null ? VerifiedDetail(new FaceVerification(best.Value, threshold))
                    : quarantined > 0 ? $"no usable template ({quarantined} quarantined)" : "no template enrolled");
            if (best is { } similarity && new FaceVerification(similarity, threshold).IsMatch)
            {
                WriteInteraction(connection, transaction, receipt.Subject, purpose.Id, _clock.GetUtcNow());
            }

            return (best, quarantined, damagedKey);
        });
        if (result.damagedKey is not null)
        {
            throw result.damagedKey;
        }

        return result.best is { } similarity ? new FaceVerification(similarity, threshold) : throw new KeyNotFoundException(result.quarantined > 0
            ? $"Subject '{receipt.Subject}' has no usable template for purpose '{purpose.Id}': {result.quarantined} quarantined as damaged; enrol again."
            : $"Subject '{receipt.Subject}' has no template for purpose '{purpose.Id}'; enrol first.");
    }

    /// <summary>The audit detail of a comparison, for example "best similarity 0.812, threshold 0.391: match".</summary>
    private static string VerifiedDetail(FaceVerification verification) => string.Create(CultureInfo.InvariantCulture,
        $"best similarity {verification.Similarity:0.000}, threshold {verification.Threshold:0.000}: {(verification.IsMatch ? "match" : "no match")}");

    /// <summary>
    /// Marks a template whose ciphertext failed authentication (AES-GCM: altered on disk, or bound to another row) so
    /// it is no longer decrypted, and audits it; the person's other templates keep working. The row stays until the
    /// person's data is deleted or its retention ends.
    /// </summary>
    private void Quarantine(DbConnection connection, DbTransaction transaction, string subjectId, string purposeId, string templateId)
    {
        RelationalDatabase.Execute(connection, transaction, "UPDATE templates SET quarantined_at = @now WHERE template_id = @id",
            ("@now", _clock.GetUtcNow().UtcTicks), ("@id", templateId));
        _audit.Append(connection, transaction, AuditAction.TemplateQuarantined, subjectId, purposeId, null, AuditOutcome.Failed,
            "template " + templateId + " failed authentication (damaged or altered); quarantined, no longer used");
        _observer.TemplateQuarantined(templateId, subjectId, purposeId);
    }

    /// <summary>Audits a person's data key that failed authentication; their templates are left for deletion to remove.</summary>
    private void AuditDamagedKey(DbConnection connection, DbTransaction transaction, string subjectId, string purposeId, string receiptId, string what)
    {
        var templates = Convert.ToInt64(RelationalDatabase.Scalar(connection, transaction, "SELECT COUNT(*) FROM templates WHERE subject_id = @subject",
            ("@subject", subjectId)), CultureInfo.InvariantCulture);
        _audit.Append(connection, transaction, AuditAction.SubjectKeyDamaged, subjectId, purposeId, receiptId, AuditOutcome.Failed,
            $"data key failed authentication (damaged); {templates} template(s) unreadable; {what}");
    }

    private static long CountQuarantined(DbConnection connection, DbTransaction transaction, string subjectId, string purposeId) =>
        Convert.ToInt64(RelationalDatabase.Scalar(connection, transaction,
            "SELECT COUNT(*) FROM templates WHERE subject_id = @subject AND purpose_id = @purpose AND quarantined_at IS NOT NULL",
            ("@subject", subjectId), ("@purpose", purposeId)), CultureInfo.InvariantCulture);

    public IReadOnlyList<StoredTemplate> ListTemplates(string? subjectId, int max = 100)
    {
        if (subjectId is not null)
        {
            SubjectId.Validate(subjectId, nameof(subjectId));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(max, 1000);
        using var connection = _database.OpenConnection();
        using var command = RelationalDatabase.Command(connection, null, subjectId is null
                ? "SELECT template_id, subject_id, purpose_id, collected_at, expires_at, quarantined_at FROM templates ORDER BY expires_at, template_id LIMIT @max"
                : "SELECT template_id, subject_id, purpose_id, collected_at, expires_at, quarantined_at FROM templates WHERE subject_id = @subject ORDER BY expires_at, template_id LIMIT @max",
            ("@subject", subjectId), ("@max", max));
        using var reader = command.ExecuteReader();
        var templates = new List<StoredTemplate>();
        while (reader.Read())
        {
            templates.Add(new StoredTemplate(reader.GetString(0), reader.GetString(1), reader.GetString(2),
                new DateTimeOffset(reader.GetInt64(3), TimeSpan.Zero), new DateTimeOffset(reader.GetInt64(4), TimeSpan.Zero), !reader.IsDBNull(5)));
        }

        return templates;
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
            var expired = new List<(string Template, string Subject, string Purpose, string Why)>();
            using (var command = RelationalDatabase.Command(connection, transaction, """
                SELECT t.template_id, t.subject_id, t.purpose_id, t.collected_at, t.expires_at, i.last_at, i.no_longer_necessary_at
                FROM templates t LEFT JOIN interactions i ON i.subject_id = t.subject_id AND i.purpose_id = t.purpose_id
                """))
            using (var reader = command.ExecuteReader())
            {
                while (reader.Read())
                {
                    var purposeId = reader.GetString(2);
                    var collected = new DateTimeOffset(reader.GetInt64(3), TimeSpan.Zero);
                    var purpose = FacialPurposeRegistry.Find(purposeId);
                    if (reader.GetInt64(4) <= now.UtcTicks || (purpose?.IsExpired(collected, now) ?? false))
                    {
                        expired.Add((reader.GetString(0), reader.GetString(1), purposeId, "past its retention"));
                        continue;
                    }

                    // A template stored before interactions were recorded counts its enrolment as the last interaction.
                    var lastInteraction = reader.IsDBNull(5) ? collected : new DateTimeOffset(Math.Max(reader.GetInt64(5), collected.UtcTicks), TimeSpan.Zero);
                    DateTimeOffset? decided = reader.IsDBNull(6) ? null : new DateTimeOffset(reader.GetInt64(6), TimeSpan.Zero);
                    if (purpose?.DeleteBy(lastInteraction, decided) is { } deleteBy && deleteBy <= now)
                    {
                        expired.Add((reader.GetString(0), reader.GetString(1), purposeId, DeadlineReason(purpose, lastInteraction, decided, deleteBy)));
                    }
                }
            }

            foreach (var (template, subject, purpose, why) in expired)
            {
                RelationalDatabase.Execute(connection, transaction, "DELETE FROM templates WHERE template_id = @id", ("@id", template));
                _audit.Append(connection, transaction, AuditAction.Purged, subject, purpose, null, AuditOutcome.Succeeded, "template " + template + " " + why);
            }

            DeleteKeysWithoutTemplates(connection, transaction);
            return (expired.Count, before, CountPeople(connection, transaction));
        });
        _observer.TemplatesPurged(deleted);
        AfterDeletion(before, after);
        return deleted;
    }

    public void RecordInteraction<TPurpose>(ConsentReceipt<TPurpose> receipt, string what)
        where TPurpose : IFacialDataPurpose
    {
        ArgumentNullException.ThrowIfNull(receipt);
        ArgumentException.ThrowIfNullOrWhiteSpace(what);
        var purposeId = TPurpose.Info.Id;
        _database.Write((connection, transaction) =>
        {
            Consents.EnsureValid(connection, transaction, receipt);
            var now = _clock.GetUtcNow();
            WriteInteraction(connection, transaction, receipt.Subject, purposeId, now);
            _audit.Append(connection, transaction, AuditAction.InteractionRecorded, receipt.Subject, purposeId, receipt.Id, AuditOutcome.Succeeded, what.Trim());
            return 0;
        });
    }

    public DateTimeOffset? LastInteraction<TPurpose>(string subjectId)
        where TPurpose : IFacialDataPurpose
    {
        SubjectId.Validate(subjectId, nameof(subjectId));
        using var connection = _database.OpenConnection();
        return RelationalDatabase.Scalar(connection, null, "SELECT last_at FROM interactions WHERE subject_id = @subject AND purpose_id = @purpose",
            ("@subject", subjectId), ("@purpose", TPurpose.Info.Id)) is long ticks ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;
    }

    /// <summary>Moves the person's last interaction for the purpose to <paramref name="at"/>, never back.</summary>
    private static void WriteInteraction(DbConnection connection, DbTransaction transaction, string subjectId, string purposeId, DateTimeOffset at) =>
        RelationalDatabase.Execute(connection, transaction, """
            INSERT INTO interactions (subject_id, purpose_id, last_at) VALUES (@subject, @purpose, @at)
            ON CONFLICT (subject_id, purpose_id) DO UPDATE SET last_at = CASE WHEN excluded.last_at > interactions.last_at THEN excluded.last_at ELSE interactions.last_at END
            """,
            ("@subject", subjectId), ("@purpose", purposeId), ("@at", at.UtcTicks));

    public void RecordNoLongerNecessary<TPurpose>(string subjectId, string reason)
        where TPurpose : IFacialDataPurpose
    {
        SubjectId.Validate(subjectId, nameof(subjectId));
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        var purposeId = TPurpose.Info.Id;
        _database.Write((connection, transaction) =>
        {
            var collected = RelationalDatabase.Scalar(connection, transaction,
                "SELECT MAX(collected_at) FROM templates WHERE subject_id = @subject AND purpose_id = @purpose", ("@subject", subjectId), ("@purpose", purposeId));
            if (collected is not long collectedAt)
            {
                throw new KeyNotFoundException($"Subject '{subjectId}' has no template for purpose '{purposeId}'.");
            }

            var now = _clock.GetUtcNow();
            // The row exists once a template was enrolled since SQLite schema 6 (PostgreSQL 3); an older template gets one from its enrolment.
            WriteInteraction(connection, transaction, subjectId, purposeId, new DateTimeOffset(collectedAt, TimeSpan.Zero));
            RelationalDatabase.Execute(connection, transaction,
                "UPDATE interactions SET no_longer_necessary_at = @now WHERE subject_id = @subject AND purpose_id = @purpose AND no_longer_necessary_at IS NULL",
                ("@now", now.UtcTicks), ("@subject", subjectId), ("@purpose", purposeId));
            _audit.Append(connection, transaction, AuditAction.NoLongerNecessaryDecided, subjectId, purposeId, null, AuditOutcome.Succeeded, reason.Trim());
            return 0;
        });
    }

    /// <summary>The audit detail of a purge decided by a jurisdiction's deadline: the period, its event and the profile rows.</summary>
    private static string DeadlineReason(FacialPurposeInfo purpose, DateTimeOffset lastInteraction, DateTimeOffset? decided, DateTimeOffset deleteBy)
    {
        var requirements = purpose.Requirements!;
        if (decided is { } decidedAt && requirements.DeletionLimitFrom(Profiles.RetentionAnchor.NoLongerNecessaryDecision) is { } fromDecision
            && fromDecision.Value.Period.After(decidedAt) == deleteBy)
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"{fromDecision.Value.Period} after the decision on {decidedAt:yyyy-MM-dd} that it is no longer necessary ({string.Join("; ", fromDecision.Sources)})");
        }

        var limit = requirements.DeletionLimitFrom(Profiles.RetentionAnchor.LastInteraction)!;
        return string.Create(CultureInfo.InvariantCulture,
            $"{limit.Value.Period} after the last interaction on {lastInteraction:yyyy-MM-dd} ({string.Join("; ", limit.Sources)})");
    }

    /// <summary>Deletes a person's templates (for one purpose, or all) and their key once none is left; audited.</summary>
    public int DeleteTemplates(DbConnection connection, DbTransaction transaction, string subjectId, string? purposeId)
    {
        var deleted = purposeId is null
            ? RelationalDatabase.Execute(connection, transaction, "DELETE FROM templates WHERE subject_id = @subject", ("@subject", subjectId))
            : RelationalDatabase.Execute(connection, transaction, "DELETE FROM templates WHERE subject_id = @subject AND purpose_id = @purpose",
                ("@subject", subjectId), ("@purpose", purposeId));
        var keyDestroyed = DeleteKeysWithoutTemplates(connection, transaction, subjectId) > 0;
        _audit.Append(connection, transaction, AuditAction.Deleted, subjectId, purposeId, null, AuditOutcome.Succeeded,
            deleted.ToString(CultureInfo.InvariantCulture) + " template(s) deleted" + (keyDestroyed ? ", data key destroyed" : ""));
        return deleted;
    }

    /// <summary>After a deletion committed: let the engine clean up (SQLite empties its write-ahead log) and report the new count.</summary>
    public void AfterDeletion(int before, int after)
    {
        _database.AfterDeletion();
        AfterCountChange(before, after);
    }

    /// <summary>
    /// When the store opens: raises, once, each level the count is already at but for which no event was ever raised
    /// (a store filled before this version, or by a process that crashed before raising it), dated from the data; and
    /// forgets the levels the count is now below.
    /// </summary>
    public void CheckFilingAtOpen()
    {
        var found = _database.Write((connection, transaction) =>
        {
            var count = CountPeople(connection, transaction);
            var events = new List<FilingThresholdEventArgs>();
            foreach (var level in FilingThresholdTracker.Levels)
            {
                var threshold = _filing.Threshold(level);
                if (count < threshold)
                {
                    ForgetLevel(connection, transaction, level);
                }
                else if (!IsLevelRaised(connection, transaction, level))
                {
                    // The latest day it can have been reached: when the threshold-th of the people stored now was first stored.
                    var firstStored = Convert.ToInt64(RelationalDatabase.Scalar(connection, transaction,
                        "SELECT created_at FROM subject_keys ORDER BY created_at, subject_id LIMIT 1 OFFSET @offset", ("@offset", threshold - 1)),
                        CultureInfo.InvariantCulture);
                    var reached = _filing.Reached(level, count, FilingThresholdTracker.ChinaDate(new DateTimeOffset(firstStored, TimeSpan.Zero)), foundAtOpen: true);
                    RecordLevel(connection, transaction, reached);
                    events.Add(reached);
                }
            }

            return events;
        });
        foreach (var reached in found)
        {
            Raise(reached);
        }
    }

    private void AfterCountChange(int before, int after)
    {
        if (before != after)
        {
            var crossed = _filing.Observe(before, after);
            var raised = crossed.Count == 0 && after >= before ? new List<FilingThresholdEventArgs>() : _database.Write((connection, transaction) =>
            {
                var raised = new List<FilingThresholdEventArgs>();
                foreach (var reached in crossed)
                {
                    if (!IsLevelRaised(connection, transaction, reached.Level))
                    {
                        RecordLevel(connection, transaction, reached);
                        raised.Add(reached);
                    }
                }

                var now = CountPeople(connection, transaction);
                foreach (var level in FilingThresholdTracker.Levels)
                {
                    if (now < _filing.Threshold(level))
                    {
                        ForgetLevel(connection, transaction, level);
                    }
                }

                return raised;
            });
            foreach (var reached in raised)
            {
                Raise(reached);
            }

            SubjectsChanged?.Invoke(this, EventArgs.Empty);
        }
    }

    private void Raise(FilingThresholdEventArgs reached)
    {
        _observer.FilingLevelReached(reached);
        FilingThresholdReached?.Invoke(this, reached);
    }

    /// <summary>Audits a level reached and remembers, in the store (for every node), that its event was raised.</summary>
    private void RecordLevel(DbConnection connection, DbTransaction transaction, FilingThresholdEventArgs reached)
    {
        RelationalDatabase.WriteMeta(connection, transaction, LevelKey(reached.Level),
            System.Text.Encoding.UTF8.GetBytes(reached.ReachedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        _audit.Append(connection, transaction, AuditAction.FilingThresholdReached, null, null, null, AuditOutcome.Succeeded,
            $"{reached.Level} level {reached.Threshold} reached with {reached.Count} people stored"
            + (reached.FoundAtOpen ? $" (found when the store was opened; reached on or before {reached.ReachedOn:yyyy-MM-dd})" : "")
            + (reached.FilingDeadline is { } deadline ? $"; file by {deadline:yyyy-MM-dd}" : "")
            + (reached.FilingDeadlineIsEstimate ? $" (estimate: no holiday schedule for {string.Join(", ", reached.YearsWithoutSchedule)})" : ""));
    }

    private static bool IsLevelRaised(DbConnection connection, DbTransaction transaction, FilingThresholdLevel level) =>
        RelationalDatabase.ReadMeta(connection, transaction, LevelKey(level)) is not null;

    private static void ForgetLevel(DbConnection connection, DbTransaction transaction, FilingThresholdLevel level) =>
        RelationalDatabase.DeleteMeta(connection, transaction, LevelKey(level));

    private static string LevelKey(FilingThresholdLevel level) => "filing_level_raised_" + level.ToString().ToLowerInvariant();

    private void CheckDimension(FaceTemplate template, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(template, parameterName);
        if (template.Dimension != _dimension)
        {
            throw new ArgumentException($"This store holds templates of {_dimension} values; this one has {template.Dimension}.", parameterName);
        }
    }

    public static int CountPeople(DbConnection connection, DbTransaction? transaction) =>
        Convert.ToInt32(RelationalDatabase.Scalar(connection, transaction, "SELECT COUNT(*) FROM subject_keys"), CultureInfo.InvariantCulture);

    private static byte[]? SubjectKey(DbConnection connection, DbTransaction transaction, string subjectId) =>
        RelationalDatabase.Scalar(connection, transaction, "SELECT wrapped_key FROM subject_keys WHERE subject_id = @subject", ("@subject", subjectId)) as byte[];

    private byte[] CreateSubjectKey(DbConnection connection, DbTransaction transaction, string subjectId)
    {
        var wrapped = _protector.NewWrappedSubjectKey(subjectId);
        RelationalDatabase.Execute(connection, transaction, "INSERT INTO subject_keys (subject_id, wrapped_key, created_at) VALUES (@subject, @key, @now)",
            ("@subject", subjectId), ("@key", wrapped), ("@now", _clock.GetUtcNow().UtcTicks));
        return wrapped;
    }

    /// <summary>Wraps every person's data key again under <paramref name="to"/>'s key; a damaged one is left as it is and named.</summary>
    public static MasterKeyRotation RewrapSubjectKeys(DbConnection connection, DbTransaction transaction, TemplateProtector from, TemplateProtector to)
    {
        var wrapped = new List<(string Subject, byte[] Key)>();
        using (var command = RelationalDatabase.Command(connection, transaction, "SELECT subject_id, wrapped_key FROM subject_keys ORDER BY subject_id"))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                wrapped.Add((reader.GetString(0), (byte[])reader.GetValue(1)));
            }
        }

        var damaged = new List<string>();
        foreach (var (subject, key) in wrapped)
        {
            byte[] rewrapped;
            try
            {
                rewrapped = from.RewrapSubjectKey(key, subject, to);
            }
            catch (FacialDataDamagedException)
            {
                damaged.Add(subject);
                continue;
            }

            RelationalDatabase.Execute(connection, transaction, "UPDATE subject_keys SET wrapped_key = @key WHERE subject_id = @subject",
                ("@key", rewrapped), ("@subject", subject));
        }

        return new MasterKeyRotation(wrapped.Count - damaged.Count, damaged);
    }

    public static int DeleteKeysWithoutTemplates(DbConnection connection, DbTransaction transaction, string? subjectId = null) => subjectId is null
        ? RelationalDatabase.Execute(connection, transaction,
            "DELETE FROM subject_keys WHERE NOT EXISTS (SELECT 1 FROM templates t WHERE t.subject_id = subject_keys.subject_id)")
        : RelationalDatabase.Execute(connection, transaction,
            "DELETE FROM subject_keys WHERE subject_id = @subject AND NOT EXISTS (SELECT 1 FROM templates t WHERE t.subject_id = subject_keys.subject_id)",
            ("@subject", subjectId));
}
