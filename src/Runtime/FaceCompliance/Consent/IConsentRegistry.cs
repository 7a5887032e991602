namespace FaceCompliance;

/// <summary>
/// Separate consent per person and purpose (Measures Arts. 6-7): issues signed receipts, checks them, and withdraws
/// consent at once, deleting the person's facial data for the purpose (PIPL Arts. 15 and 47).
/// </summary>
public interface IConsentRegistry
{
    /// <summary>Records consent to <typeparamref name="TPurpose"/> after the person read its current notice, and issues the receipt.</summary>
    /// <exception cref="System.ArgumentException">The grant is invalid (<see cref="ConsentGrant.Validate"/>): an empty or malformed id, a person under 14 without a guardian, a guardian for a person not under 14, a person under 14 for a purpose that does not declare <c>MayInvolveMinors</c>, an unknown age band for a purpose that does, or a value that is not a scope.</exception>
    /// <exception cref="FacialDataLimitExceededException">The person already holds <see cref="FacialDataStoreOptions.MaxConsentsPerSubjectAndPurpose"/> live consents to the purpose; nothing is written.</exception>
    ConsentReceipt<TPurpose> Grant<TPurpose>(ConsentGrant grant)
        where TPurpose : IFacialDataPurpose;

    /// <summary>Why the receipt is not valid now for processing for its purpose, or null when it is (see <see cref="EnsureValid{TPurpose}(ConsentReceipt{TPurpose})"/>).</summary>
    ConsentRejection? Check<TPurpose>(ConsentReceipt<TPurpose> receipt)
        where TPurpose : IFacialDataPurpose;

    /// <summary>Why the receipt is not valid now for processing that needs <paramref name="requiredScopes"/>, or null when it is.</summary>
    ConsentRejection? Check<TPurpose>(ConsentReceipt<TPurpose> receipt, FacialConsentScopes requiredScopes)
        where TPurpose : IFacialDataPurpose;

    /// <summary>
    /// Throws unless the receipt is valid now: issued here, unchanged, for this purpose, not withdrawn, not expired, for
    /// the current notice, and, for a purpose that may involve people under 14, with a known age band (guardian-aware:
    /// a person of unknown age is never treated as an adult; <see cref="ConsentCoverage"/>).
    /// </summary>
    /// <exception cref="ConsentRequiredException">The receipt is not valid; the exception names the subject, purpose and reason.</exception>
    [FacialConsentCheck(GuardianAware = true)]
    void EnsureValid<TPurpose>(ConsentReceipt<TPurpose> receipt)
        where TPurpose : IFacialDataPurpose;

    /// <summary>
    /// <see cref="EnsureValid{TPurpose}(ConsentReceipt{TPurpose})"/>, and the receipt holds every separate-consent scope
    /// in <paramref name="requiredScopes"/>. Call it before face data leaves the device
    /// (<see cref="FacialConsentScopes.Transfer"/>), before a face image is kept (<see cref="FacialConsentScopes.ImageRetention"/>)
    /// and before face data is provided to another processor (<see cref="FacialConsentScopes.Provision"/>).
    /// </summary>
    /// <exception cref="ConsentRequiredException">The receipt is not valid, or lacks a scope (<see cref="ConsentRejection.ScopeMissing"/>, naming it).</exception>
    /// <exception cref="System.ArgumentException"><paramref name="requiredScopes"/> holds a value that is not a scope.</exception>
    [FacialConsentCheck(GuardianAware = true)]
    void EnsureValid<TPurpose>(ConsentReceipt<TPurpose> receipt, FacialConsentScopes requiredScopes)
        where TPurpose : IFacialDataPurpose;

    /// <summary>
    /// <see cref="EnsureValid{TPurpose}(ConsentReceipt{TPurpose})"/>, and the receipt was issued to
    /// <paramref name="subjectId"/>, the person who presents it: call it where a person claims an identity and presents
    /// a receipt, so that one person's receipt cannot open the way for another.
    /// </summary>
    /// <exception cref="ConsentRequiredException">The receipt is not valid, or was issued to another person (<see cref="ConsentRejection.OtherSubject"/>).</exception>
    /// <exception cref="System.ArgumentException"><paramref name="subjectId"/> is malformed.</exception>
    [FacialConsentCheck(GuardianAware = true)]
    void EnsureValid<TPurpose>(ConsentReceipt<TPurpose> receipt, string subjectId)
        where TPurpose : IFacialDataPurpose;

    /// <summary>
    /// <see cref="EnsureValid{TPurpose}(ConsentReceipt{TPurpose}, FacialConsentScopes)"/> with
    /// <see cref="FacialConsentScopes.Transfer"/>: call it before face data leaves the device (Measures Art. 8 §1; PIPL Arts. 29, 38-39).
    /// </summary>
    /// <exception cref="ConsentRequiredException">The receipt is not valid, or lacks the Transfer scope.</exception>
    [FacialConsentCheck(GuardianAware = true, Scopes = FacialConsentScopes.Transfer)]
    void EnsureTransferConsent<TPurpose>(ConsentReceipt<TPurpose> receipt)
        where TPurpose : IFacialDataPurpose => EnsureValid(receipt, FacialConsentScopes.Transfer);

    /// <summary>
    /// <see cref="EnsureValid{TPurpose}(ConsentReceipt{TPurpose}, FacialConsentScopes)"/> with
    /// <see cref="FacialConsentScopes.ImageRetention"/>: call it before a face image is kept (Measures Art. 8).
    /// </summary>
    /// <exception cref="ConsentRequiredException">The receipt is not valid, or lacks the ImageRetention scope.</exception>
    [FacialConsentCheck(GuardianAware = true, Scopes = FacialConsentScopes.ImageRetention)]
    void EnsureImageRetentionConsent<TPurpose>(ConsentReceipt<TPurpose> receipt)
        where TPurpose : IFacialDataPurpose => EnsureValid(receipt, FacialConsentScopes.ImageRetention);

    /// <summary>
    /// <see cref="EnsureValid{TPurpose}(ConsentReceipt{TPurpose}, FacialConsentScopes)"/> with
    /// <see cref="FacialConsentScopes.Provision"/>: call it before face data is provided to another processor (PIPL Art. 23).
    /// </summary>
    /// <exception cref="ConsentRequiredException">The receipt is not valid, or lacks the Provision scope.</exception>
    [FacialConsentCheck(GuardianAware = true, Scopes = FacialConsentScopes.Provision)]
    void EnsureProvisionConsent<TPurpose>(ConsentReceipt<TPurpose> receipt)
        where TPurpose : IFacialDataPurpose => EnsureValid(receipt, FacialConsentScopes.Provision);

    /// <summary>
    /// The person's current receipt for <typeparamref name="TPurpose"/>: the latest one issued to them for it, returned
    /// even when it is withdrawn, expired or for an older notice, so that checking it names the reason. False when the
    /// person never consented to the purpose. An application keeps subject ids, not receipt tokens.
    /// </summary>
    /// <exception cref="System.ArgumentException">The id is malformed.</exception>
    bool TryGetCurrentReceipt<TPurpose>(string subjectId, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ConsentReceipt<TPurpose>? receipt)
        where TPurpose : IFacialDataPurpose;

    /// <summary>
    /// The person's current receipt for <typeparamref name="TPurpose"/>, checked as
    /// <see cref="EnsureValid{TPurpose}(ConsentReceipt{TPurpose}, FacialConsentScopes)"/> does; a refusal is audited.
    /// </summary>
    /// <exception cref="ConsentRequiredException">The person never consented (<see cref="ConsentRejection.NeverConsented"/>), or their current receipt is not valid now.</exception>
    /// <exception cref="System.ArgumentException">The id is malformed, or <paramref name="requiredScopes"/> holds a value that is not a scope.</exception>
    [FacialConsentCheck(GuardianAware = true)]
    ConsentReceipt<TPurpose> GetValidReceipt<TPurpose>(string subjectId, FacialConsentScopes requiredScopes = FacialConsentScopes.Processing)
        where TPurpose : IFacialDataPurpose;

    /// <summary>The person's current receipt for each purpose they ever consented to, ordered by purpose id.</summary>
    /// <exception cref="System.ArgumentException">The id is malformed.</exception>
    System.Collections.Generic.IReadOnlyList<SubjectConsent> ListCurrentConsents(string subjectId);

    /// <summary>
    /// Withdraws every consent of the person to <typeparamref name="TPurpose"/> and deletes their facial data held for
    /// it, in one step; effective immediately. Returns the number of templates deleted.
    /// </summary>
    int Withdraw<TPurpose>(string subjectId)
        where TPurpose : IFacialDataPurpose;

    /// <summary>
    /// Records that a person refused face processing for <typeparamref name="TPurpose"/>: declined to consent, or
    /// declined face verification (Measures Arts. 10 §2 and 12). Audited as <see cref="AuditAction.FaceProcessingRefused"/>.
    /// Call it where the refusal is made; with <see cref="RecordAlternativeUsed{TPurpose}"/> the audit trail shows
    /// that people who refused were served another way.
    /// </summary>
    /// <param name="subjectId">The person, or <see langword="null"/> for someone not identified (a visitor who declined).</param>
    /// <param name="detail">A short note (for example "declined at enrolment"), at most 200 characters; never biometric data.</param>
    /// <returns>The audit record.</returns>
    /// <exception cref="System.ArgumentException">The id is malformed, or the detail is empty or too long.</exception>
    AuditRecord RecordRefusal<TPurpose>(string? subjectId, string? detail = null)
        where TPurpose : IFacialDataPurpose;

    /// <summary>
    /// Records that a person used the non-face alternative for <typeparamref name="TPurpose"/> (a card, a PIN, the
    /// desk; Measures Art. 10 §2). Audited as <see cref="AuditAction.AlternativeUsed"/>.
    /// </summary>
    /// <param name="subjectId">The person, or <see langword="null"/> for someone not identified.</param>
    /// <param name="detail">Which alternative (for example "access card"), at most 200 characters.</param>
    /// <returns>The audit record.</returns>
    /// <exception cref="System.ArgumentException">The id is malformed, or the detail is empty or too long.</exception>
    AuditRecord RecordAlternativeUsed<TPurpose>(string? subjectId, string? detail = null)
        where TPurpose : IFacialDataPurpose;

    /// <summary>
    /// The people whose current consent to <typeparamref name="TPurpose"/> (their latest receipt for it that is neither
    /// withdrawn nor expired) records a notice version other than the purpose's current one, ordered by subject id: the
    /// people to send the change notice to (Measures Art. 5 §2). Their receipts no longer pass
    /// <see cref="EnsureValid{TPurpose}(ConsentReceipt{TPurpose})"/> until they consent again.
    /// </summary>
    System.Collections.Generic.IReadOnlyList<ConsentOnOlderNotice> ListConsentsOnOlderNotice<TPurpose>()
        where TPurpose : IFacialDataPurpose;
}
