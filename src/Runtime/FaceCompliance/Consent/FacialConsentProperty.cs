namespace FaceCompliance;

/// <summary>
/// A property a consent receipt must have under a jurisdiction's profile (JURISDICTIONS.md Part 2
/// <c>ConsentRequirements</c>). A purpose serving several jurisdictions needs all of theirs
/// (<see cref="FacialPurposeInfo.ConsentRequirements"/>), and the registries refuse a grant that lacks one.
/// </summary>
public enum FacialConsentProperty
{
    /// <summary>Unbundled from other consents (CN 单独同意, Measures Art. 6). Every <see cref="ConsentForm"/> is a separate action.</summary>
    Separate = 1,

    /// <summary>An express statement or affirmative act (GDPR Art. 9(2)(a); PIPL Art. 14). Every <see cref="ConsentForm"/> is one.</summary>
    Explicit = 2,

    /// <summary>A written release, an electronic signature included (BIPA §15(b)(3) from 2024-08-02): <see cref="ConsentForm.Written"/> or <see cref="ConsentForm.ElectronicSignature"/>.</summary>
    WrittenOrESignature = 4,

    /// <summary>For one specified purpose: every receipt is issued for one purpose.</summary>
    PurposeSpecific = 8,

    /// <summary>Bound to the notice version the person read: every receipt records it (Measures Art. 5 §2).</summary>
    NoticeVersionBound = 16,

    /// <summary>A written release as BIPA §15(b)(3) read before 2024-08-02: <see cref="ConsentForm.Written"/> only.</summary>
    Written = 32,
}
