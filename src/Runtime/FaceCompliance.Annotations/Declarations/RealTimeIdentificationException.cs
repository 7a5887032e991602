using FaceCompliance.Profiles;

namespace FaceCompliance;

/// <summary>
/// The objectives for which the EU AI Act allows real-time remote biometric identification in publicly accessible spaces
/// for law enforcement, where strictly necessary (Art. 5(1)(h)(i)-(iii)). Each use also needs national law, prior
/// authorisation by a judicial or independent authority, notifications, a fundamental rights impact
/// assessment and registration (Art. 5(2)-(7)), which no compiler can check (the details of Art. 5(2)-(7) are UNCONFIRMED in JURISDICTIONS.md).
/// </summary>
public enum RealTimeIdentificationException
{
    /// <summary>None: the use is banned (FC0113).</summary>
    None = LawValues.RealTimeExceptionNone,

    /// <summary>(i) The targeted search for specific victims of abduction, trafficking in human beings or sexual exploitation, or for missing persons.</summary>
    TargetedVictimSearch = LawValues.RealTimeExceptionTargetedVictimSearch,

    /// <summary>(ii) The prevention of a specific, substantial and imminent threat to life, or of a terrorist attack.</summary>
    ImminentThreat = LawValues.RealTimeExceptionImminentThreat,

    /// <summary>(iii) Locating or identifying a suspect of an Annex II offence punishable by a maximum of at least 4 years.</summary>
    SeriousCrimeSuspect = LawValues.RealTimeExceptionSeriousCrimeSuspect,
}
