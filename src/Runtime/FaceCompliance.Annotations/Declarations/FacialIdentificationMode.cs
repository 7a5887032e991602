using FaceCompliance.Profiles;

namespace FaceCompliance;

/// <summary>
/// How a 1:N identification purpose identifies people, in the terms of the EU AI Act (Art. 3(41)-(43)). 1:1 verification
/// is never remote biometric identification (Recital 15; Annex III 1(a)). A 1:N purpose serving
/// <see cref="Jurisdiction.EU_AIACT"/> must declare it (FC0114), because it decides whether the purpose is high-risk.
/// </summary>
public enum FacialIdentificationMode
{
    /// <summary>Not declared.</summary>
    Unspecified = LawValues.IdentificationModeUnspecified,

    /// <summary>
    /// The person takes part actively in each identification (e.g. steps up to a kiosk and looks into its camera), so it is
    /// not remote (Art. 3(41)) and not Annex III 1(a).
    /// </summary>
    NotRemote = LawValues.IdentificationModeNotRemote,

    /// <summary>Remote identification, without the person's active involvement, after a significant delay (post-remote; Art. 3(43)): high-risk (Annex III 1(a)).</summary>
    PostRemote = LawValues.IdentificationModePostRemote,

    /// <summary>
    /// Remote identification, without the person's active involvement, without significant delay (real-time; Art. 3(42)):
    /// high-risk (Annex III 1(a)), and banned for law enforcement in publicly accessible spaces outside the listed
    /// objectives (Art. 5(1)(h); FC0113).
    /// </summary>
    RealTimeRemote = LawValues.IdentificationModeRealTimeRemote,
}
