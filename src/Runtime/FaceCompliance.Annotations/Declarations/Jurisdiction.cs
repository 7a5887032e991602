using FaceCompliance.Profiles;

namespace FaceCompliance;

/// <summary>
/// A jurisdiction whose face recognition law FaceCompliance applies, as declared with
/// <see cref="OperatesInAttribute"/>. Each names one profile (<c>shared/docs/JURISDICTIONS.md</c> Part 2).
/// </summary>
public enum Jurisdiction
{
    /// <summary>China: the Measures for the Security Management of Face Recognition Technology Applications and the PIPL.</summary>
    CN = LawValues.JurisdictionCN,

    /// <summary>The European Union: the GDPR with EDPB guidance.</summary>
    EU = LawValues.JurisdictionEU,

    /// <summary>The European Union: the AI Act (Regulation (EU) 2024/1689).</summary>
    EU_AIACT = LawValues.JurisdictionEUAiAct,

    /// <summary>Illinois: the Biometric Information Privacy Act (740 ILCS 14).</summary>
    US_IL = LawValues.JurisdictionUSIllinois,

    /// <summary>Texas: the Capture or Use of Biometric Identifier Act (Bus. &amp; Com. Code §503.001).</summary>
    US_TX = LawValues.JurisdictionUSTexas,

    /// <summary>Colorado: the Colorado Privacy Act's biometric rules (C.R.S. 6-1-1314).</summary>
    US_CO = LawValues.JurisdictionUSColorado,
}

/// <summary>The operator's role under the EU AI Act, which decides its duties (deployer: Art. 26; provider: Arts. 16-20).</summary>
public enum AiActRole
{
    /// <summary>Uses an AI system under its own authority (Art. 3(4)).</summary>
    Deployer = LawValues.AiActRoleDeployer,

    /// <summary>Develops an AI system and places it on the market or puts it into service under its own name (Art. 3(3)).</summary>
    Provider = LawValues.AiActRoleProvider,
}
