using FaceCompliance.Profiles;

namespace FaceCompliance;

/// <summary>Why processing facial information is lawful (PIPL Art. 13 §1). Consent is the default.</summary>
public enum FacialLegalBasis
{
    /// <summary>The person's separate consent (PIPL Art. 13 §1(1), Art. 29).</summary>
    Consent = LawValues.BasisConsent,

    /// <summary>Necessary to conclude or perform a contract with the person, or for human-resources management (Art. 13 §1(2)).</summary>
    ContractOrEmployment = LawValues.BasisContractOrEmployment,

    /// <summary>Necessary to perform a statutory duty or obligation (Art. 13 §1(3)).</summary>
    LegalDuty = LawValues.BasisLegalDuty,

    /// <summary>Necessary to respond to a public-health emergency or to protect life, health or property in an emergency (Art. 13 §1(4)).</summary>
    PublicHealthEmergency = LawValues.BasisPublicHealthEmergency,

    /// <summary>News reporting or public-opinion supervision in the public interest, within a reasonable scope (Art. 13 §1(5)).</summary>
    NewsReporting = LawValues.BasisNewsReporting,

    /// <summary>Information the person disclosed or that was lawfully disclosed, within a reasonable scope (Art. 13 §1(6)).</summary>
    PubliclyDisclosed = LawValues.BasisPubliclyDisclosed,

    /// <summary>Another circumstance laws or administrative regulations provide (Art. 13 §1(7)).</summary>
    OtherLaw = LawValues.BasisOtherLaw,
}
