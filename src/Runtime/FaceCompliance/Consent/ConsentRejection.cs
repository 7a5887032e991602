namespace FaceCompliance;

/// <summary>Why a consent receipt is not valid now. Each reason has its own message.</summary>
/// <remarks>Audit records name a reason by its name, not its number; add new reasons at the end.</remarks>
public enum ConsentRejection
{
    /// <summary>The receipt was never issued by this registry.</summary>
    Forged = 1,

    /// <summary>The receipt was issued, but its content was changed afterwards (its signature no longer matches).</summary>
    Tampered = 2,

    /// <summary>The receipt is for another purpose than the one it is used for.</summary>
    WrongPurpose = 3,

    /// <summary>The person withdrew the consent.</summary>
    Withdrawn = 4,

    /// <summary>The consent's validity ended.</summary>
    Expired = 5,

    /// <summary>The person consented to an older version of the notice; the text changed, so they must consent again (Art. 5 §2).</summary>
    OldNotice = 6,

    /// <summary>
    /// The purpose may involve people under 14, and the receipt does not say how old the person is: a person of unknown
    /// age is not treated as an adult (Measures Art. 7; PIPL Art. 31).
    /// </summary>
    AgeUnknown = 7,

    /// <summary>The processing needs a separate-consent scope (transfer, image retention, provision) the receipt does not hold.</summary>
    ScopeMissing = 8,

    /// <summary>The person never consented to the purpose: no receipt was ever issued to them for it (neither withdrawn nor expired).</summary>
    NeverConsented = 9,

    /// <summary>The receipt was issued to another person than the one who presented it.</summary>
    OtherSubject = 10,
}
