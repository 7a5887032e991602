using System;
using System.Collections.Generic;
using System.Data.Common;
using System.Globalization;

namespace FaceCompliance.Storage;

/// <summary>
/// A relational store's <see cref="IIdentificationGallerySource"/>: the gallery reads of <see cref="IdentificationReader"/>
/// in the engine's snapshot (PostgreSQL <c>REPEATABLE READ</c>, SQLite one read transaction) with the chain's head of
/// that snapshot, quarantine in one write, and the engine's change feed (PostgreSQL LISTEN/NOTIFY, SQLite polling).
/// </summary>
internal sealed class RelationalIdentificationSource(RelationalDatabase database, RelationalAuditTrail audit, IConsentRegistry consents,
    TemplateProtector protector, ReceiptSigner signer, TimeProvider clock, StoreObserver observer,
    Func<long, IAuditChangeObserver, AuditFollower> newFollower)
    : IdentificationReader(protector, signer, clock), IIdentificationGallerySource
{
    public IConsentRegistry Consents => consents;

    protected override string ConsentInsertionOrder => database.InsertionOrder;

    public IDisposable Follow(long afterSequence, IAuditChangeObserver observer)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(afterSequence);
        ArgumentNullException.ThrowIfNull(observer);
        var follower = newFollower(afterSequence, observer);
        follower.Start();
        return follower;
    }

    protected override (DbConnection Connection, DbTransaction Transaction) BeginSnapshot()
    {
        var connection = database.OpenConnection();
        try
        {
            return (connection, database.BeginSnapshot(connection));
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    protected override long HeadSequence(DbConnection connection, DbTransaction transaction)
    {
        var (anchor, head) = database.ReadChainEnds(connection, transaction);
        return head?.Sequence ?? RelationalAuditTrail.LastRecord(connection, transaction)?.Sequence ?? anchor?.Sequence ?? 0;
    }

    protected override void RecordDamage(IReadOnlyList<Damage> damage) => database.Write((connection, transaction) =>
    {
        foreach (var (subjectId, purposeId, templateId) in damage)
        {
            if (templateId is null)
            {
                var templates = RelationalDatabase.Count(connection, transaction, "SELECT COUNT(*) FROM templates WHERE subject_id = @subject", ("@subject", subjectId));
                audit.Append(connection, transaction, AuditAction.SubjectKeyDamaged, subjectId, purposeId, null, AuditOutcome.Failed, KeyDamagedDetail(templates));
            }
            else if (RelationalDatabase.Execute(connection, transaction, "UPDATE templates SET quarantined_at = @now WHERE template_id = @id AND quarantined_at IS NULL",
                ("@now", Clock.GetUtcNow().UtcTicks), ("@id", templateId)) == 1)
            {
                audit.Append(connection, transaction, AuditAction.TemplateQuarantined, subjectId, purposeId, null, AuditOutcome.Failed, QuarantinedDetail(templateId));
                observer.TemplateQuarantined(templateId, subjectId, purposeId);
            }
        }

        return 0;
    });
}
