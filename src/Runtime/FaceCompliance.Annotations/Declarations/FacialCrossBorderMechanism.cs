using FaceCompliance.Profiles;

namespace FaceCompliance;

/// <summary>
/// The condition a provision of face information to a recipient outside the PRC meets (PIPL Art. 38 §1 (1)-(4) and §2),
/// declared by <see cref="FacialDataPurposeAttribute.TransferAbroad"/>.
/// </summary>
public enum FacialCrossBorderMechanism
{
    /// <summary>No face information is provided outside the PRC.</summary>
    None = LawValues.CrossBorderNone,

    /// <summary>The security assessment organised by the national cyberspace administration (通过国家网信部门组织的安全评估; Art. 38 §1 (1), Art. 40).</summary>
    SecurityAssessment = LawValues.CrossBorderSecurityAssessment,

    /// <summary>Personal information protection certification by a professional institution (经专业机构进行个人信息保护认证; Art. 38 §1 (2)).</summary>
    Certification = LawValues.CrossBorderCertification,

    /// <summary>A contract with the foreign recipient on the CAC's standard contract (按照国家网信部门制定的标准合同订立合同; Art. 38 §1 (3)).</summary>
    StandardContract = LawValues.CrossBorderStandardContract,

    /// <summary>Another condition laid down by laws, administrative regulations or the CAC, or an international treaty or agreement the PRC is party to (Art. 38 §1 (4), §2).</summary>
    LawOrTreaty = LawValues.CrossBorderLawOrTreaty,
}
