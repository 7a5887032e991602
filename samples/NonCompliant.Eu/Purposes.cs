using FaceCompliance;

namespace NonCompliant.Eu;

/// <summary>
/// FC0120: a 1:1 verification purpose serving the EU does not say whether people must provide their face data and
/// what happens if they do not (GDPR Art. 13(2)(e)); 1:1 verification is special-category data too (Recital 51).
/// </summary>
[FacialDataPurpose(FacialProcessingMethod.Verification, // expect FC0120
    DescriptionZh = "在办公楼门禁处核验员工本人身份。", DescriptionEn = "To confirm at the office door that you are the employee you say you are.",
    NecessityZh = "防止门禁卡被借用。", NecessityEn = "Stops lent badges from opening the door.",
    ImpactZh = "人脸特征属于敏感个人信息。", ImpactEn = "A face template is sensitive data.",
    RetentionDays = 365,
    AlternativeZh = "刷工牌通行。", AlternativeEn = "Tap your badge instead.")]
public sealed partial class OfficeEntry
{
}

/// <summary>
/// FC0121: a purpose serving the EU relies on employment (PIPL Art. 13 §1(2)) rather than explicit consent, the only
/// GDPR Art. 9(2) condition the toolkit enforces.
/// </summary>
[FacialDataPurpose(FacialProcessingMethod.Verification, // expect FC0121
    DescriptionZh = "员工考勤打卡。", DescriptionEn = "To record when employees start and end work.",
    NecessityZh = "防止代打卡。", NecessityEn = "Stops employees from clocking in for each other.",
    ImpactZh = "仅用于考勤。", ImpactEn = "Used for attendance only.",
    RetentionDays = 365,
    AlternativeZh = "刷工牌打卡。", AlternativeEn = "Clock in with your badge instead.",
    LegalBasis = FacialLegalBasis.ContractOrEmployment,
    LegalBasisLawZh = "劳动合同及依法制定的考勤制度。", LegalBasisLawEn = "The employment contract and the lawful attendance rules.",
    ProvisionRequirementEn = "Providing your face data is not required: you can clock in with your badge.")]
public sealed partial class Attendance
{
}

/// <summary>Not reported: the same attendance purpose narrowed to China, where the employment basis applies (PIPL Art. 13 §1(2)).</summary>
[FacialDataPurpose(FacialProcessingMethod.Verification,
    DescriptionZh = "中国办公室员工考勤打卡。", DescriptionEn = "To record when employees of the China office start and end work.",
    NecessityZh = "防止代打卡。", NecessityEn = "Stops employees from clocking in for each other.",
    ImpactZh = "仅用于考勤。", ImpactEn = "Used for attendance only.",
    RetentionDays = 365,
    AlternativeZh = "刷工牌打卡。", AlternativeEn = "Clock in with your badge instead.",
    LegalBasis = FacialLegalBasis.ContractOrEmployment,
    LegalBasisLawZh = "劳动合同及依法制定的考勤制度。", LegalBasisLawEn = "The employment contract and the lawful attendance rules.",
    Jurisdictions = new[] { Jurisdiction.CN })]
public sealed partial class ChinaAttendance
{
}
