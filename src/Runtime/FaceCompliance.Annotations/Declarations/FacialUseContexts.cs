using System;
using FaceCompliance.Profiles;

namespace FaceCompliance;

/// <summary>
/// The settings a purpose is used in, where the EU AI Act treats them differently (<see cref="Jurisdiction.EU_AIACT"/>).
/// A publicly accessible space is declared with <see cref="FacialDataPurposeAttribute.Site"/> =
/// <see cref="FacialDeploymentSite.PublicPlace"/>.
/// </summary>
[Flags]
public enum FacialUseContexts
{
    /// <summary>None of the settings below.</summary>
    None = 0,

    /// <summary>A workplace: emotion recognition there is banned unless for medical or safety reasons (Art. 5(1)(f); FC0111).</summary>
    Workplace = LawValues.ContextWorkplace,

    /// <summary>An education institution: emotion recognition there is banned unless for medical or safety reasons (Art. 5(1)(f); FC0111).</summary>
    Education = LawValues.ContextEducation,

    /// <summary>
    /// Law enforcement: real-time remote biometric identification in a publicly accessible space for it is banned outside
    /// the listed objectives (Art. 5(1)(h); FC0113).
    /// </summary>
    LawEnforcement = LawValues.ContextLawEnforcement,
}
