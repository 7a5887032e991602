using System.Collections.Generic;

namespace FaceCompliance;

/// <summary>
/// Legal bases other than consent (PIPL Art. 13 §1 (2)-(7)): a purpose that declares one is lawful only while a signed
/// grant of that basis applies. Every grant, refusal and revocation is written to the audit trail.
/// </summary>
public interface ILegalBasisRegistry
{
    /// <summary>Records that the purpose's declared basis applies, and issues the signed grant; audited.</summary>
    /// <exception cref="System.ArgumentException">The grant is invalid (<see cref="LegalBasisGrant.Validate"/>): the purpose declares consent or another basis, the law reference or grantor is missing, or the period is empty or over. The refusal is audited.</exception>
    LegalBasisReceipt<TPurpose> GrantBasis<TPurpose>(LegalBasisGrant grant)
        where TPurpose : IFacialDataPurpose;

    /// <summary>
    /// Returns a grant that applies now to <typeparamref name="TPurpose"/>: signed here and unchanged, of the basis the
    /// purpose declares now, not revoked, within its period. Throws otherwise; the refusal is audited.
    /// </summary>
    /// <exception cref="LegalBasisRequiredException">No grant applies; the exception names the purpose and the reason.</exception>
    [FacialBasisCheck]
    LegalBasisReceipt<TPurpose> RequireBasis<TPurpose>()
        where TPurpose : IFacialDataPurpose;

    /// <summary>Every grant recorded for <typeparamref name="TPurpose"/>, newest first, valid or not.</summary>
    IReadOnlyList<LegalBasisReceipt<TPurpose>> Grants<TPurpose>()
        where TPurpose : IFacialDataPurpose;

    /// <summary>Revokes a grant at once; audited.</summary>
    /// <exception cref="KeyNotFoundException">No unrevoked grant with this id exists for the purpose.</exception>
    void RevokeBasis<TPurpose>(string grantId, string revokedBy)
        where TPurpose : IFacialDataPurpose;
}
