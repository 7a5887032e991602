using System;
using System.Collections.Generic;
using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Threading.Tasks;

namespace FaceCompliance.Storage;

/// <summary>
/// The reading half of <see cref="IIdentificationGallerySource"/> for the SQL stores, in SQL that SQLite and PostgreSQL
/// both run (<c>@name</c> parameters): a snapshot of the purpose's valid receipts and usable templates, decrypted in
/// parallel outside the transaction; templates that fail authentication quarantined by the store afterwards.
/// </summary>
internal abstract class IdentificationReader(TemplateProtector protector, ReceiptSigner signer, TimeProvider clock)
{
    /// <summary>A template that failed authentication, or whose person's data key did (<see cref="TemplateId"/> is then null).</summary>
    internal readonly record struct Damage(string SubjectId, string PurposeId, string? TemplateId);

    private const int DecryptionChunk = 2048;

    /// <summary>The store's clock: what "valid now" and "within retention" mean.</summary>
    protected TimeProvider Clock => clock;

    /// <summary>Opens a connection and a read transaction that sees one snapshot of the database.</summary>
    protected abstract (DbConnection Connection, DbTransaction Transaction) BeginSnapshot();

    /// <summary>The sequence number of the last audit record, read in the snapshot.</summary>
    protected abstract long HeadSequence(DbConnection connection, DbTransaction transaction);

    /// <summary>The column that orders receipts given in the same tick (insertion order).</summary>
    protected abstract string ConsentInsertionOrder { get; }

    /// <summary>Quarantines the damaged templates and audits them (and the damaged data keys), in one write transaction.</summary>
    protected abstract void RecordDamage(IReadOnlyList<Damage> damage);

    [ProcessesFacialData(FacialProcessingMethod.Identification)]
    public IdentificationSnapshot<TPurpose> ReadGallery<TPurpose>()
        where TPurpose : IFacialDataPurpose
    {
        EnsureIdentification<TPurpose>();
        var (sequence, people, damage) = Read<TPurpose>(subjectId: null);
        if (damage.Count > 0)
        {
            RecordDamage(damage);
        }

        return new IdentificationSnapshot<TPurpose>(sequence, people, damage.Count);
    }

    [ProcessesFacialData(FacialProcessingMethod.Identification)]
    public IdentificationEntry<TPurpose>? ReadPerson<TPurpose>(string subjectId)
        where TPurpose : IFacialDataPurpose
    {
        EnsureIdentification<TPurpose>();
        SubjectId.Validate(subjectId, nameof(subjectId));
        var (_, people, damage) = Read<TPurpose>(subjectId);
        if (damage.Count > 0)
        {
            RecordDamage(damage);
        }

        return people.Count == 1 ? people[0] : null;
    }

    private static void EnsureIdentification<TPurpose>()
        where TPurpose : IFacialDataPurpose
    {
        var purpose = TPurpose.Info;
        if (!purpose.Method.Allows(FacialProcessingMethod.Identification))
        {
            throw new InvalidOperationException(
                $"Purpose '{purpose.Id}' is declared for {purpose.Method}, which does not allow Identification (rule FC0005): its templates never leave the store for a 1:N gallery.");
        }
    }

    private (long Sequence, List<IdentificationEntry<TPurpose>> People, List<Damage> Damage) Read<TPurpose>(string? subjectId)
        where TPurpose : IFacialDataPurpose
    {
        var purpose = TPurpose.Info;
        var now = clock.GetUtcNow();
        var receipts = new Dictionary<string, ConsentReceipt<TPurpose>?>(StringComparer.Ordinal);
        var rows = new List<Row>();
        var decrypting = new List<Task>();
        long sequence;
        var (connection, transaction) = BeginSnapshot();
        using (connection)
        using (transaction)
        {
            sequence = HeadSequence(connection, transaction);
            var onePerson = subjectId is null ? "" : " AND subject_id = @subject";
            using (var command = Command(connection, transaction, $"""
                SELECT subject_id, receipt_id, notice_version, given_at, expires_at, form, age_band, guardian_id, scopes, signature
                FROM consents WHERE purpose_id = @purpose AND withdrawn_at IS NULL AND expires_at > @now{onePerson}
                ORDER BY subject_id, given_at DESC, {ConsentInsertionOrder} DESC
                """, ("@purpose", purpose.Id), ("@now", now.UtcTicks), ("@subject", subjectId)))
            using (var reader = command.ExecuteReader())
            {
                while (reader.Read())
                {
                    var subject = reader.GetString(0);
                    if (receipts.ContainsKey(subject))
                    {
                        continue; // an older live receipt of the same person: the latest one is theirs
                    }

                    var receipt = new ConsentReceipt<TPurpose>(reader.GetString(1), subject, purpose.Id, reader.GetString(2),
                        Time(reader.GetInt64(3)), Time(reader.GetInt64(4)), (ConsentForm)reader.GetInt32(5), (FacialAgeBand)reader.GetInt32(6),
                        reader.IsDBNull(7) ? null : reader.GetString(7), (FacialConsentScopes)reader.GetInt32(8), (byte[])reader.GetValue(9));
                    // The latest live receipt decides: an invalid one (altered, older notice, scopes) leaves the person out.
                    receipts.Add(subject, IsValid(receipt) ? receipt : null);
                }
            }

            using (var command = Command(connection, transaction, $"""
                SELECT t.subject_id, t.template_id, t.ciphertext, k.wrapped_key, t.collected_at
                FROM templates t JOIN subject_keys k ON k.subject_id = t.subject_id
                WHERE t.purpose_id = @purpose AND t.quarantined_at IS NULL AND t.expires_at > @now{onePerson.Replace("subject_id", "t.subject_id", StringComparison.Ordinal)}
                """, ("@purpose", purpose.Id), ("@now", now.UtcTicks), ("@subject", subjectId)))
            using (var reader = command.ExecuteReader())
            {
                // Unsorted (a sort of every ciphertext would cost the server more than grouping here), and decrypted
                // in chunks on the thread pool while the next rows arrive.
                var chunkStart = 0;
                while (reader.Read())
                {
                    var subject = reader.GetString(0);
                    var collected = reader.GetInt64(4);
                    if (receipts.GetValueOrDefault(subject) is not null && !purpose.IsExpired(Time(collected), now))
                    {
                        rows.Add(new Row(subject, reader.GetString(1), (byte[])reader.GetValue(2), (byte[])reader.GetValue(3), collected));
                        if (rows.Count - chunkStart == DecryptionChunk)
                        {
                            decrypting.Add(Decrypt<TPurpose>(rows, chunkStart, rows.Count));
                            chunkStart = rows.Count;
                        }
                    }
                }

                decrypting.Add(Decrypt<TPurpose>(rows, chunkStart, rows.Count));
            }

            transaction.Commit();
        }

        Task.WaitAll(decrypting);
        rows.Sort(static (a, b) => string.CompareOrdinal(a.Subject, b.Subject) is var bySubject and not 0 ? bySubject
            : a.CollectedAt.CompareTo(b.CollectedAt) is var byTime and not 0 ? byTime : string.CompareOrdinal(a.TemplateId, b.TemplateId));
        var people = new List<IdentificationEntry<TPurpose>>();
        var damage = new List<Damage>();
        var keysDamaged = new HashSet<string>(StringComparer.Ordinal);
        for (var start = 0; start < rows.Count;)
        {
            var subject = rows[start].Subject;
            var end = start;
            var usable = new List<FaceTemplate>();
            var keyDamaged = false;
            for (; end < rows.Count && rows[end].Subject == subject; end++)
            {
                if (rows[end].Template is { } template)
                {
                    usable.Add(template);
                }
                else if (rows[end].Damage is { TemplateId: null })
                {
                    keyDamaged = true;
                }
                else
                {
                    damage.Add(rows[end].Damage!.Value);
                }
            }

            if (keyDamaged && keysDamaged.Add(subject))
            {
                damage.Add(new Damage(subject, purpose.Id, null));
            }
            else if (usable.Count > 0)
            {
                people.Add(new IdentificationEntry<TPurpose>(receipts[subject]!, usable));
            }

            start = end;
        }

        return (sequence, people, damage);
    }

    /// <summary>Decrypts rows [start, end) on the thread pool, several threads at once.</summary>
    private Task Decrypt<TPurpose>(List<Row> rows, int start, int end)
        where TPurpose : IFacialDataPurpose
    {
        var chunk = rows.GetRange(start, end - start);
        var purposeId = TPurpose.Info.Id;
        return Task.Run(() => Parallel.ForEach(chunk, row =>
        {
            try
            {
                row.Template = protector.Decrypt(row.WrappedKey, row.Subject, purposeId, row.TemplateId, row.Ciphertext);
            }
            catch (CryptographicException)
            {
                row.Damage = new Damage(row.Subject, purposeId, row.TemplateId);
            }
            catch (FacialDataDamagedException)
            {
                row.Damage = new Damage(row.Subject, purposeId, null);
            }
        }));
    }

    /// <summary>A stored template as read, then as decrypted (or found damaged).</summary>
    private sealed class Row(string subject, string templateId, byte[] ciphertext, byte[] wrappedKey, long collectedAt)
    {
        public string Subject { get; } = subject;

        public string TemplateId { get; } = templateId;

        public byte[] Ciphertext { get; } = ciphertext;

        public byte[] WrappedKey { get; } = wrappedKey;

        public long CollectedAt { get; } = collectedAt;

        public FaceTemplate? Template { get; set; }

        public Damage? Damage { get; set; }
    }

    /// <summary>What the registry's check adds to the query's conditions (live, not expired): signed by this store, to the current notice, covering processing.</summary>
    private bool IsValid<TPurpose>(ConsentReceipt<TPurpose> receipt)
        where TPurpose : IFacialDataPurpose =>
        receipt.NoticeVersion == TPurpose.Info.Notice.Version
        && signer.HasValidSignature(receipt)
        && ConsentCoverage.Check(receipt, FacialConsentScopes.Processing, out _) is null;

    private static DateTimeOffset Time(long utcTicks) => new(utcTicks, TimeSpan.Zero);

    private static DbCommand Command(DbConnection connection, DbTransaction transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            if (sql.Contains(name, StringComparison.Ordinal))
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                parameter.Value = value ?? DBNull.Value;
                command.Parameters.Add(parameter);
            }
        }

        return command;
    }

    /// <summary>The audit detail of a template quarantined on a gallery read (as the stores' Verify writes it).</summary>
    public static string QuarantinedDetail(string templateId) =>
        "template " + templateId + " failed authentication (damaged or altered); quarantined, no longer used";

    /// <summary>The audit detail of a data key found damaged on a gallery read.</summary>
    public static string KeyDamagedDetail(long templates) => string.Create(CultureInfo.InvariantCulture,
        $"data key failed authentication (damaged); {templates} template(s) unreadable; left out of the 1:N gallery");
}
