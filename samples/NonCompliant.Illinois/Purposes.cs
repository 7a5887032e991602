using FaceCompliance;

namespace NonCompliant.Illinois;

/// <summary>Employees clock in by face.</summary>
[FacialDataPurpose(FacialProcessingMethod.Verification, // expect FC0130
    DescriptionZh = "员工考勤打卡", DescriptionEn = "Record employees' working time",
    NecessityZh = "防止代打卡", NecessityEn = "Stop one employee clocking in for another",
    ImpactZh = "人脸特征加密保存", ImpactEn = "Templates are kept encrypted",
    RetentionDays = 365,
    AlternativeZh = "可刷工牌打卡", AlternativeEn = "Swipe your badge instead")]
// FC0131: the templates are licensed to an analytics firm for a fee (BIPA §15(c): no sale, lease, trade or profit).
[FacialDataRecipient("analytics", // expect FC0131
    NameZh = "分析公司", NameEn = "Workforce Analytics Co.", Contact = "sales@analytics.example",
    PurposeZh = "员工行为分析", PurposeEn = "Workforce behaviour analytics",
    Method = FacialProcessingMethod.Verification, DataCategories = FacialDataCategories.FaceTemplate,
    DisclosureBasis = FacialDisclosureBasis.SubjectConsent, ForProfit = true)]
// FC0132: a cloud vendor as "processor within the consented purpose" is a Colorado ground, not one of BIPA §15(d)'s.
[FacialDataRecipient("cloud", // expect FC0132
    NameZh = "云服务商", NameEn = "Example Cloud Inc.", Contact = "privacy@cloud.example",
    PurposeZh = "托管比对", PurposeEn = "Hosted matching",
    Method = FacialProcessingMethod.Verification, DataCategories = FacialDataCategories.FaceTemplate,
    DisclosureBasis = FacialDisclosureBasis.ProcessorWithinConsentedPurpose)]
public sealed partial class ClockIn
{
}
