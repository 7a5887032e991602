using System;
using System.Collections.Generic;
using System.Linq;
using FaceCompliance;

namespace CommunityAccess.Residents;

/// <summary>
/// The residents' consents and face data as the FaceCompliance store holds them: each resident's current receipt is
/// looked up in the store's consent registry by their id, and their templates are listed from the template store. The
/// gate keeps no copy (no receipt tokens, no enrolment table), so a consent, enrolment or withdrawal writes one
/// database in one transaction and the gate's view can never drift from the store (review defects 5 and 15).
/// </summary>
/// <remarks>
/// The consent checks here are what the analyzers look for before every facial-data call of the gate (FC0002):
/// <see cref="HasConsent{TPurpose}"/> in an <c>if</c>, or <see cref="EnsureConsent{TPurpose}"/>, which throws. Both
/// check the claimed resident's own current receipt, and <see cref="EnsureConsent{TPurpose}"/> also checks that the
/// receipt was issued to that resident (<see cref="IConsentRegistry.EnsureValid{TPurpose}(ConsentReceipt{TPurpose}, string)"/>).
/// </remarks>
public sealed class ResidentConsents
{
    private readonly IConsentRegistry registry;
    private readonly IFaceTemplateStore templates;

    /// <summary>Creates the view over the store.</summary>
    /// <param name="registry">The store's consent registry.</param>
    /// <param name="templates">The store's templates.</param>
    public ResidentConsents(IConsentRegistry registry, IFaceTemplateStore templates)
    {
        this.registry = registry ?? throw new ArgumentNullException(nameof(registry));
        this.templates = templates ?? throw new ArgumentNullException(nameof(templates));
    }

    /// <summary>
    /// Records consent to <typeparamref name="TPurpose"/> with the registry, which signs and stores the receipt. A
    /// resident under 14 needs their guardian's consent (Measures Art. 7; PIPL Art. 31).
    /// </summary>
    /// <typeparam name="TPurpose">The purpose consented to.</typeparam>
    /// <param name="residentId">The resident.</param>
    /// <param name="guardian">For a resident under 14, the guardian who consents (name and relationship); otherwise <see langword="null"/>.</param>
    /// <returns>The receipt.</returns>
    /// <exception cref="FacialDataLimitExceededException">The resident holds the store's limit of live consents already.</exception>
    public ConsentReceipt<TPurpose> Consent<TPurpose>(string residentId, string? guardian)
        where TPurpose : IFacialDataPurpose
        => registry.Grant<TPurpose>(new ConsentGrant(residentId, ConsentForm.Separate)
        {
            // The consent form asks whether the resident is under 14; a guardian is given exactly when they are.
            AgeBand = guardian is not null ? FacialAgeBand.Under14 : FacialAgeBand.Adult,
            GuardianId = guardian,
        });

    /// <summary>The resident's current receipt for <typeparamref name="TPurpose"/>, valid or not; <see langword="null"/> if they never consented.</summary>
    /// <typeparam name="TPurpose">The purpose.</typeparam>
    /// <param name="residentId">The resident.</param>
    /// <returns>The receipt, or <see langword="null"/>.</returns>
    public ConsentReceipt<TPurpose>? FindReceipt<TPurpose>(string residentId)
        where TPurpose : IFacialDataPurpose
        => registry.TryGetCurrentReceipt<TPurpose>(residentId, out ConsentReceipt<TPurpose>? receipt) ? receipt : null;

    /// <summary>The resident's current receipt for <typeparamref name="TPurpose"/>, to pass to the runtime, which checks it again.</summary>
    /// <typeparam name="TPurpose">The purpose.</typeparam>
    /// <param name="residentId">The resident.</param>
    /// <returns>The receipt.</returns>
    /// <exception cref="NoConsentException">The resident never consented.</exception>
    public ConsentReceipt<TPurpose> ReceiptOf<TPurpose>(string residentId)
        where TPurpose : IFacialDataPurpose
        => FindReceipt<TPurpose>(residentId) ?? throw new NoConsentException(residentId, TPurpose.Info.Id);

    /// <summary>
    /// Whether the resident holds a consent to <typeparamref name="TPurpose"/> that the registry accepts now: issued to
    /// them, unaltered, not withdrawn, not expired, and given to the notice as it reads now (Measures Art. 5 §2).
    /// </summary>
    /// <typeparam name="TPurpose">The purpose.</typeparam>
    /// <param name="residentId">The resident.</param>
    /// <returns><see langword="true"/> only when the consent is valid now.</returns>
    /// <remarks>
    /// Guardian-aware (FC0017): every receipt records the age band stated at consent (the consent API refuses a
    /// request that does not say whether the resident is under 14), and a receipt for a resident under 14 counts only
    /// with the guardian who consented, which the registry also enforces when it grants one.
    /// </remarks>
    [FacialConsentCheck(GuardianAware = true)]
    public bool HasConsent<TPurpose>(string residentId)
        where TPurpose : IFacialDataPurpose
        => FindReceipt<TPurpose>(residentId) is { } receipt
            && string.Equals(receipt.Subject, residentId, StringComparison.Ordinal)
            && registry.Check(receipt) is null
            && HasGuardianIfUnder14(receipt);

    /// <summary>Throws unless the resident holds a consent to <typeparamref name="TPurpose"/> that is valid now and was issued to them; a refusal is audited.</summary>
    /// <typeparam name="TPurpose">The purpose.</typeparam>
    /// <param name="residentId">The resident.</param>
    /// <exception cref="NoConsentException">The resident never consented.</exception>
    /// <exception cref="ConsentRequiredException">The consent is not valid now (withdrawn, expired, for an older notice, another person's...).</exception>
    /// <remarks>Guardian-aware, as <see cref="HasConsent{TPurpose}"/> is.</remarks>
    [FacialConsentCheck(GuardianAware = true)]
    public void EnsureConsent<TPurpose>(string residentId)
        where TPurpose : IFacialDataPurpose
    {
        ConsentReceipt<TPurpose> receipt = ReceiptOf<TPurpose>(residentId);
        registry.EnsureValid(receipt, residentId);
        if (!HasGuardianIfUnder14(receipt))
        {
            throw new NoConsentException(residentId, TPurpose.Info.Id);
        }
    }

    private static bool HasGuardianIfUnder14<TPurpose>(ConsentReceipt<TPurpose> receipt)
        where TPurpose : IFacialDataPurpose
        => !receipt.SubjectIsUnder14 || receipt.GuardianId is not null;

    /// <summary>
    /// Withdraws the resident's consent to <typeparamref name="TPurpose"/>: the registry marks it withdrawn and deletes
    /// their templates for it in the same transaction, at once (PIPL Arts. 15 and 47).
    /// </summary>
    /// <typeparam name="TPurpose">The purpose.</typeparam>
    /// <param name="residentId">The resident.</param>
    /// <returns>The number of templates deleted.</returns>
    /// <exception cref="NoConsentException">The resident never consented.</exception>
    /// <exception cref="AlreadyWithdrawnException">The resident's consent is withdrawn already.</exception>
    public int Withdraw<TPurpose>(string residentId)
        where TPurpose : IFacialDataPurpose
    {
        ConsentReceipt<TPurpose> receipt = ReceiptOf<TPurpose>(residentId);
        try
        {
            return registry.Withdraw<TPurpose>(residentId);
        }
        catch (KeyNotFoundException)
        {
            // No consent left to withdraw: the current one was withdrawn before (or by a request a moment ago).
            throw new AlreadyWithdrawnException(residentId, receipt.Id);
        }
    }

    /// <summary>The resident's usable templates for <typeparamref name="TPurpose"/>, as the store holds them.</summary>
    /// <typeparam name="TPurpose">The purpose.</typeparam>
    /// <param name="residentId">The resident.</param>
    /// <returns>The templates, soonest to expire first.</returns>
    public IReadOnlyList<StoredTemplate> Templates<TPurpose>(string residentId)
        where TPurpose : IFacialDataPurpose
        => templates.ListTemplates(residentId, 1000).Where(t => t.PurposeId == TPurpose.Info.Id && !t.Quarantined).ToList();

    /// <summary>Whether the store holds a usable template of the resident for <typeparamref name="TPurpose"/>.</summary>
    /// <typeparam name="TPurpose">The purpose.</typeparam>
    /// <param name="residentId">The resident.</param>
    /// <returns><see langword="true"/> when enrolled.</returns>
    public bool IsEnrolled<TPurpose>(string residentId)
        where TPurpose : IFacialDataPurpose
        => Templates<TPurpose>(residentId).Count > 0;
}
