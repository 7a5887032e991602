using System;
using System.Collections.Generic;
using System.Data.Common;
using System.Linq;

namespace FaceCompliance.Storage;

/// <summary>Legal-basis grants in the <c>basis_grants</c> table; see <see cref="ILegalBasisRegistry"/>.</summary>
internal sealed class RelationalLegalBasisRegistry(RelationalDatabase database, RelationalAuditTrail audit, ReceiptSigner signer, TimeProvider clock) : ILegalBasisRegistry
{
    private const string Columns = "grant_id, purpose_id, basis, law_reference, granted_by, granted_at, valid_from, valid_until, signature, revoked_at";

    public LegalBasisReceipt<TPurpose> GrantBasis<TPurpose>(LegalBasisGrant grant)
        where TPurpose : IFacialDataPurpose
    {
        ArgumentNullException.ThrowIfNull(grant);
        var purpose = TPurpose.Info;
        var now = clock.GetUtcNow();
        try
        {
            grant.Validate(purpose, now);
        }
        catch (ArgumentException e)
        {
            audit.Append(AuditAction.LegalBasisRejected, null, purpose.Id, null, AuditOutcome.Refused, "grant refused: " + e.Message);
            throw;
        }

        var unsigned = new LegalBasisReceipt<TPurpose>(Guid.NewGuid().ToString("N"), purpose.Id, grant.Basis, grant.LawReference, grant.GrantedBy,
            now, grant.ValidFrom ?? now, grant.ValidUntil, []);
        var receipt = new LegalBasisReceipt<TPurpose>(unsigned.Id, unsigned.PurposeId, unsigned.Basis, unsigned.LawReference, unsigned.GrantedBy,
            unsigned.GrantedAt, unsigned.ValidFrom, unsigned.ValidUntil, signer.Sign(unsigned));
        database.Write((connection, transaction) =>
        {
            RelationalDatabase.Execute(connection, transaction, $"""
                INSERT INTO basis_grants ({Columns})
                VALUES (@id, @purpose, @basis, @law, @by, @granted, @from, @until, @signature, NULL)
                """,
                ("@id", receipt.Id), ("@purpose", receipt.PurposeId), ("@basis", (int)receipt.Basis), ("@law", receipt.LawReference),
                ("@by", receipt.GrantedBy), ("@granted", receipt.GrantedAt.UtcTicks), ("@from", receipt.ValidFrom.UtcTicks),
                ("@until", receipt.ValidUntil.UtcTicks), ("@signature", receipt.Signature.ToArray()));
            return audit.Append(connection, transaction, AuditAction.LegalBasisGranted, null, receipt.PurposeId, receipt.Id, AuditOutcome.Succeeded,
                $"{receipt.Basis} under '{receipt.LawReference}', granted by '{receipt.GrantedBy}', {receipt.ValidFrom:u} to {receipt.ValidUntil:u}");
        });
        return receipt;
    }

    public LegalBasisReceipt<TPurpose> RequireBasis<TPurpose>()
        where TPurpose : IFacialDataPurpose
    {
        var purpose = TPurpose.Info;
        return database.Write((connection, transaction) =>
        {
            var (applying, reason, detail) = Find<TPurpose>(connection, transaction, purpose);
            if (applying is not null)
            {
                return applying;
            }

            audit.Append(connection, transaction, AuditAction.LegalBasisRejected, null, purpose.Id, null, AuditOutcome.Refused, reason + ": " + detail);
            transaction.Commit();
            throw new LegalBasisRequiredException(purpose.Id, reason, detail);
        });
    }

    public IReadOnlyList<LegalBasisReceipt<TPurpose>> Grants<TPurpose>()
        where TPurpose : IFacialDataPurpose
    {
        using var connection = database.OpenConnection();
        return Read<TPurpose>(connection, null, TPurpose.Info.Id).Select(row => row.Receipt).ToArray();
    }

    public void RevokeBasis<TPurpose>(string grantId, string revokedBy)
        where TPurpose : IFacialDataPurpose
    {
        SubjectId.Validate(grantId, nameof(grantId));
        SubjectId.Validate(revokedBy, nameof(revokedBy));
        var purposeId = TPurpose.Info.Id;
        database.Write((connection, transaction) =>
        {
            var revoked = RelationalDatabase.Execute(connection, transaction,
                "UPDATE basis_grants SET revoked_at = @now, revoked_by = @by WHERE grant_id = @id AND purpose_id = @purpose AND revoked_at IS NULL",
                ("@now", clock.GetUtcNow().UtcTicks), ("@by", revokedBy), ("@id", grantId), ("@purpose", purposeId));
            if (revoked == 0)
            {
                throw new KeyNotFoundException($"Purpose '{purposeId}' has no unrevoked legal-basis grant '{grantId}' to revoke.");
            }

            return audit.Append(connection, transaction, AuditAction.LegalBasisRevoked, null, purposeId, grantId, AuditOutcome.Succeeded, "revoked by '" + revokedBy + "'");
        });
    }

    /// <summary>A grant that applies now, or the reason none does, judged by the newest grant.</summary>
    private (LegalBasisReceipt<TPurpose>? Applying, LegalBasisRejection Reason, string Detail) Find<TPurpose>(
        DbConnection connection, DbTransaction transaction, FacialPurposeInfo purpose)
        where TPurpose : IFacialDataPurpose
    {
        if (purpose.LegalBasis == FacialLegalBasis.Consent)
        {
            return (null, LegalBasisRejection.ConsentBasis,
                "it declares consent as its legal basis, so each person's consent receipt is checked (IConsentRegistry.EnsureValid), not a basis grant (PIPL Art. 13)");
        }

        var now = clock.GetUtcNow();
        (LegalBasisRejection Reason, string Detail)? newest = null;
        foreach (var (grant, revokedAt) in Read<TPurpose>(connection, transaction, purpose.Id))
        {
            var rejection = Judge(grant, revokedAt, purpose, now);
            if (rejection is null)
            {
                return (grant, default, "");
            }

            newest ??= rejection;
        }

        return newest is { } refused
            ? (null, refused.Reason, refused.Detail)
            : (null, LegalBasisRejection.NoGrant, $"it declares the legal basis {purpose.LegalBasis}, and no grant of it was recorded (ILegalBasisRegistry.GrantBasis)");
    }

    private (LegalBasisRejection Reason, string Detail)? Judge<TPurpose>(LegalBasisReceipt<TPurpose> grant, DateTimeOffset? revokedAt, FacialPurposeInfo purpose, DateTimeOffset now)
        where TPurpose : IFacialDataPurpose
    {
        if (!signer.HasValidSignature(grant))
        {
            return (LegalBasisRejection.Tampered, $"grant {grant.Id} was altered after it was recorded (its content no longer matches its signature)");
        }

        if (revokedAt is { } at)
        {
            return (LegalBasisRejection.Revoked, $"grant {grant.Id} was revoked at {at:u}");
        }

        if (grant.Basis != purpose.LegalBasis)
        {
            return (LegalBasisRejection.OtherBasis, $"grant {grant.Id} records the basis {grant.Basis}, but the purpose now declares {purpose.LegalBasis}");
        }

        if (now < grant.ValidFrom)
        {
            return (LegalBasisRejection.NotYetValid, $"grant {grant.Id} applies from {grant.ValidFrom:u}");
        }

        return now >= grant.ValidUntil ? (LegalBasisRejection.Expired, $"grant {grant.Id} ended at {grant.ValidUntil:u}") : null;
    }

    /// <summary>The purpose's grants as stored, newest first; a stored row changed outside the library fails its signature check.</summary>
    private static List<(LegalBasisReceipt<TPurpose> Receipt, DateTimeOffset? RevokedAt)> Read<TPurpose>(DbConnection connection, DbTransaction? transaction, string purposeId)
        where TPurpose : IFacialDataPurpose
    {
        using var command = RelationalDatabase.Command(connection, transaction,
            $"SELECT {Columns} FROM basis_grants WHERE purpose_id = @purpose ORDER BY granted_at DESC, grant_id", ("@purpose", purposeId));
        using var reader = command.ExecuteReader();
        var grants = new List<(LegalBasisReceipt<TPurpose>, DateTimeOffset?)>();
        while (reader.Read())
        {
            var receipt = new LegalBasisReceipt<TPurpose>(reader.GetString(0), reader.GetString(1), (FacialLegalBasis)reader.GetInt32(2), reader.GetString(3),
                reader.GetString(4), Ticks(reader.GetInt64(5)), Ticks(reader.GetInt64(6)), Ticks(reader.GetInt64(7)), (byte[])reader.GetValue(8));
            grants.Add((receipt, reader.IsDBNull(9) ? null : Ticks(reader.GetInt64(9))));
        }

        return grants;
    }

    private static DateTimeOffset Ticks(long ticks) => new(ticks, TimeSpan.Zero);
}
