namespace FaceCompliance;

/// <summary>
/// Separate consent per person and purpose (Measures Arts. 6-7): issues signed receipts, checks them, and withdraws
/// consent at once, deleting the person's facial data for the purpose (PIPL Arts. 15 and 47).
/// </summary>
public interface IConsentRegistry
{
    /// <summary>Records consent to <typeparamref name="TPurpose"/> after the person read its current notice, and issues the receipt.</summary>
    /// <exception cref="System.ArgumentException">The grant is invalid: an empty or malformed id, a person under 14 without a guardian, a guardian for an adult, or a person under 14 for a purpose that does not declare <c>MayInvolveMinors</c>.</exception>
    ConsentReceipt<TPurpose> Grant<TPurpose>(ConsentGrant grant)
        where TPurpose : IFacialDataPurpose;

    /// <summary>Why the receipt is not valid now, or null when it is.</summary>
    ConsentRejection? Check<TPurpose>(ConsentReceipt<TPurpose> receipt)
        where TPurpose : IFacialDataPurpose;

    /// <summary>Throws unless the receipt is valid now: issued here, unchanged, for this purpose, not withdrawn, not expired, for the current notice.</summary>
    /// <exception cref="ConsentRequiredException">The receipt is not valid; the exception names the subject, purpose and reason.</exception>
    [FacialConsentCheck]
    void EnsureValid<TPurpose>(ConsentReceipt<TPurpose> receipt)
        where TPurpose : IFacialDataPurpose;

    /// <summary>
    /// Withdraws every consent of the person to <typeparamref name="TPurpose"/> and deletes their facial data held for
    /// it, in one step; effective immediately. Returns the number of templates deleted.
    /// </summary>
    int Withdraw<TPurpose>(string subjectId)
        where TPurpose : IFacialDataPurpose;
}
