using System;
using FaceCompliance.Profiles;

namespace FaceCompliance;

/// <summary>
/// What an attribute-analysis purpose estimates from a face, from a closed list. Ethnicity, race, religion, health,
/// political opinion and sexual orientation are listed so that a declaration of them is reported: no purpose may
/// estimate them (the 2023 draft Measures; EU AI Act Art. 5(1)(g)). Under the AI Act (<see cref="Jurisdiction.EU_AIACT"/>),
/// trade-union membership, philosophical beliefs and sex life are banned too (FC0112), and <see cref="Expression"/> counts
/// as emotion recognition (Art. 3(39); FC0111).
/// </summary>
[Flags]
public enum FacialAttributes
{
    /// <summary>No attribute.</summary>
    None = 0,

    /// <summary>An age band (e.g. under 14, adult).</summary>
    AgeBand = LawValues.AttributeAgeBand,

    /// <summary>Gender.</summary>
    Gender = LawValues.AttributeGender,

    /// <summary>Facial expression or emotion.</summary>
    Expression = LawValues.AttributeExpression,

    /// <summary>Whether glasses are worn.</summary>
    Glasses = LawValues.AttributeGlasses,

    /// <summary>Facial hair.</summary>
    FacialHair = LawValues.AttributeFacialHair,

    /// <summary>Head pose.</summary>
    HeadPose = LawValues.AttributeHeadPose,

    /// <summary>Occlusion (mask, hand, hair).</summary>
    Occlusion = LawValues.AttributeOcclusion,

    /// <summary>Image quality (blur, exposure, noise).</summary>
    ImageQuality = LawValues.AttributeImageQuality,

    /// <summary>Ethnicity; forbidden.</summary>
    Ethnicity = LawValues.AttributeEthnicity,

    /// <summary>Race; forbidden.</summary>
    Race = LawValues.AttributeRace,

    /// <summary>Religion; forbidden.</summary>
    Religion = LawValues.AttributeReligion,

    /// <summary>Health; forbidden.</summary>
    Health = LawValues.AttributeHealth,

    /// <summary>Political opinion; forbidden.</summary>
    PoliticalOpinion = LawValues.AttributePoliticalOpinion,

    /// <summary>Sexual orientation; forbidden.</summary>
    SexualOrientation = LawValues.AttributeSexualOrientation,

    /// <summary>Trade-union membership; banned under the AI Act (Art. 5(1)(g); FC0112).</summary>
    TradeUnionMembership = LawValues.AttributeTradeUnionMembership,

    /// <summary>Philosophical beliefs; banned under the AI Act (Art. 5(1)(g); FC0112).</summary>
    PhilosophicalBeliefs = LawValues.AttributePhilosophicalBeliefs,

    /// <summary>Sex life; banned under the AI Act (Art. 5(1)(g); FC0112).</summary>
    SexLife = LawValues.AttributeSexLife,
}
