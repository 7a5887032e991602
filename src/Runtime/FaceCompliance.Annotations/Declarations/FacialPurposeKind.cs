using FaceCompliance.Profiles;

namespace FaceCompliance;

/// <summary>What a purpose serves, where the law treats some kinds differently.</summary>
public enum FacialPurposeKind
{
    /// <summary>Any purpose the law does not single out.</summary>
    General = LawValues.KindGeneral,

    /// <summary>Maintaining public safety (维护公共安全所必需): the purpose face recognition in public places may serve (Measures Art. 13 §1; PIPL Art. 26).</summary>
    PublicSafety = LawValues.KindPublicSafety,
}
