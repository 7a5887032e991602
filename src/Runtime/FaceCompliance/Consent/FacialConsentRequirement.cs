using System;

namespace FaceCompliance;

/// <summary>
/// One consent property a jurisdiction requires of a purpose's receipts, with the profile row that requires it
/// (GDPR Art. 9(2)(a); BIPA §15(b)(3); Measures Art. 6), as the generator merged them at the law date.
/// </summary>
/// <param name="Property">What the receipt must be.</param>
/// <param name="Jurisdiction">The profile that requires it, e.g. <c>US-IL</c>.</param>
/// <param name="Rule">The row of JURISDICTIONS.md (REGULATION.md for CN) behind it, e.g. <c>IL-15B3-RELEASE</c>.</param>
public sealed record FacialConsentRequirement(FacialConsentProperty Property, string Jurisdiction, string Rule)
{
    /// <summary>Whether a consent given in <paramref name="form"/> has <see cref="Property"/>.</summary>
    public bool IsMetBy(ConsentForm form) => Property switch
    {
        FacialConsentProperty.WrittenOrESignature => form is ConsentForm.Written or ConsentForm.ElectronicSignature,
        FacialConsentProperty.Written => form == ConsentForm.Written,
        // Every form is a separate, express action, and every receipt names its purpose and notice version.
        FacialConsentProperty.Separate or FacialConsentProperty.Explicit or FacialConsentProperty.PurposeSpecific
            or FacialConsentProperty.NoticeVersionBound => Enum.IsDefined(form),
        _ => false,
    };

    /// <inheritdoc/>
    public override string ToString() => $"{Property} ({Jurisdiction} {Rule})";
}
