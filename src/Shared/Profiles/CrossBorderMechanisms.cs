namespace FaceCompliance.Profiles;

/// <summary>
/// How the notice, the filing form and the assessment name each mechanism of PIPL Art. 38 (the values are
/// <see cref="LawValues"/>' <c>CrossBorder*</c>): one table for every document that states a transfer abroad.
/// </summary>
internal static class CrossBorderMechanisms
{
    public static readonly (int Value, string Zh, string En)[] Labels =
    {
        (LawValues.CrossBorderNone, "不向境外提供", "None"),
        (LawValues.CrossBorderSecurityAssessment, "通过国家网信部门组织的安全评估", "SecurityAssessment"),
        (LawValues.CrossBorderCertification, "经专业机构进行个人信息保护认证", "Certification"),
        (LawValues.CrossBorderStandardContract, "按照国家网信部门制定的标准合同与境外接收方订立合同", "StandardContract"),
        (LawValues.CrossBorderLawOrTreaty, "法律、行政法规或者国家网信部门规定的其他条件，或者我国缔结、参加的国际条约、协定", "LawOrTreaty"),
    };

    /// <summary>The English wording of each mechanism, for the English notice.</summary>
    public static readonly string[] English =
    {
        "no transfer abroad",
        "the security assessment organised by the Cyberspace Administration of China",
        "personal information protection certification by a professional institution",
        "a contract with the recipient on the standard contract of the Cyberspace Administration of China",
        "another condition set by laws, administrative regulations or the Cyberspace Administration of China, or an international treaty or agreement China is party to",
    };

    /// <summary>The Chinese wording of <paramref name="mechanism"/>, or its number when it names none.</summary>
    public static string Zh(int mechanism) => LawValues.IsCrossBorderMechanism(mechanism) || mechanism == LawValues.CrossBorderNone
        ? Labels[mechanism].Zh
        : mechanism.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The English wording of <paramref name="mechanism"/>, or its number when it names none.</summary>
    public static string En(int mechanism) => LawValues.IsCrossBorderMechanism(mechanism) || mechanism == LawValues.CrossBorderNone
        ? English[mechanism]
        : mechanism.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
