using FaceCompliance.Profiles;

namespace FaceCompliance;

/// <summary>How old the person a consent receipt is for is known to be (Measures Art. 7; PIPL Arts. 28, 31).</summary>
public enum FacialAgeBand
{
    /// <summary>Not known. A purpose that may involve minors never treats such a person as an adult.</summary>
    Unknown = LawValues.AgeUnknown,

    /// <summary>At least the guardian-consent age (14 in China): consents for themself.</summary>
    Adult = LawValues.AgeAdult,

    /// <summary>Under the guardian-consent age: a guardian consents.</summary>
    Under14 = LawValues.AgeUnderGuardianAge,
}
