using FaceCompliance;

[assembly: FacialDataProcessor("测试物业服务有限公司", "privacy@test.example", NameEn = "Test Property Services")]

namespace FaceCompliance.Stores.Tests;

/// <summary>1:1 entry at a gate; people under 14 with a guardian's consent; templates kept 30 days.</summary>
[FacialDataPurpose(FacialProcessingMethod.Verification,
    DescriptionZh = "在门禁处核验住户身份。", DescriptionEn = "Verify residents at the gate.",
    NecessityZh = "防止门禁卡被冒用。", NecessityEn = "Stop card misuse.",
    ImpactZh = "仅做 1:1 比对。", ImpactEn = "1:1 comparison only.",
    AlternativeZh = "刷卡通行。", AlternativeEn = "Tap a card.",
    RetentionDays = 30, MayInvolveMinors = true,
    MinorsRulesZh = "未满十四周岁的住户须由监护人同意。", MinorsRulesEn = "A resident under 14 needs a guardian's consent.")]
public sealed partial class GateEntry
{
}

/// <summary>Another purpose, for adults only, kept 7 days.</summary>
[FacialDataPurpose(FacialProcessingMethod.Verification,
    DescriptionZh = "核验访客身份。", DescriptionEn = "Verify visitors.",
    NecessityZh = "访客登记。", NecessityEn = "Visitor registration.",
    ImpactZh = "仅做 1:1 比对。", ImpactEn = "1:1 comparison only.",
    AlternativeZh = "人工登记。", AlternativeEn = "Register at the desk.",
    RetentionDays = 7)]
public sealed partial class VisitorCheck
{
}
