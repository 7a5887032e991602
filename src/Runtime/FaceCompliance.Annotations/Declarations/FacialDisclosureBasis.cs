using FaceCompliance.Profiles;

namespace FaceCompliance;

/// <summary>
/// The ground on which a recipient gets biometric data (<see cref="FacialDataRecipientAttribute.DisclosureBasis"/>).
/// Illinois (BIPA §15(d)), Texas (CUBI §503.001(c)(1)) and Colorado (C.R.S. 6-1-1314) each allow disclosure only on
/// the grounds they list; a purpose serving several of them may use only a ground every one lists (FC0132).
/// </summary>
public enum FacialDisclosureBasis
{
    /// <summary>No ground declared: not allowed where a declared jurisdiction lists grounds.</summary>
    Unspecified = LawValues.DisclosureUnspecified,

    /// <summary>The person (or their legally authorized representative) consents to the disclosure (BIPA §15(d)(1); Colorado).</summary>
    SubjectConsent = LawValues.DisclosureSubjectConsent,

    /// <summary>It completes a financial transaction the person requested or authorized (BIPA §15(d)(2); CUBI (c)(1)(B); Colorado).</summary>
    RequestedFinancialTransaction = LawValues.DisclosureRequestedFinancialTransaction,

    /// <summary>State or federal law or a municipal ordinance requires it (BIPA §15(d)(3); CUBI (c)(1)(C); Colorado).</summary>
    RequiredByLaw = LawValues.DisclosureRequiredByLaw,

    /// <summary>A federal or state statute permits it (CUBI (c)(1)(C) only).</summary>
    PermittedByLaw = LawValues.DisclosurePermittedByLaw,

    /// <summary>A valid warrant or subpoena requires it (BIPA §15(d)(4); CUBI (c)(1)(D)).</summary>
    WarrantOrSubpoena = LawValues.DisclosureWarrantOrSubpoena,

    /// <summary>To a processor acting within the purpose the person consented to (Colorado only).</summary>
    ProcessorWithinConsentedPurpose = LawValues.DisclosureProcessorWithinConsentedPurpose,

    /// <summary>To identify the person if they disappear or die, with their consent (CUBI (c)(1)(A) only).</summary>
    IdentificationOfMissingOrDeceased = LawValues.DisclosureIdentificationOfMissingOrDeceased,
}
