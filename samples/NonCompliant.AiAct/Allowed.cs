using FaceCompliance;

namespace NonCompliant.AiAct;

// Purposes the AI Act allows; the generated ai-act.md classifies them. None is reported.

/// <summary>1:1 verification: not remote biometric identification (Annex III 1(a) excludes verification), not covered.</summary>
[FacialDataPurpose(FacialProcessingMethod.Verification, DescriptionZh = "会员刷脸开柜。", DescriptionEn = "Members unlock their locker with their face.", NecessityZh = "免带钥匙。", NecessityEn = "No key to carry.", ImpactZh = "仅 1:1 比对。", ImpactEn = "1:1 comparison only.", RetentionDays = 365, AlternativeZh = "使用会员卡。", AlternativeEn = "Use your member card.")]
public sealed partial class LockerUnlock
{
}

/// <summary>Post-remote identification of banned visitors in lobby footage: high-risk (Annex III 1(a)), two-person confirmation at run time.</summary>
[FacialDataPurpose(FacialProcessingMethod.Identification, DescriptionZh = "在大堂录像中辨识被禁止入内的访客。", DescriptionEn = "Recognise banned visitors in lobby footage.", NecessityZh = "保护会员。", NecessityEn = "To protect members.", ImpactZh = "仅比对禁入名单。", ImpactEn = "Only the banned list is searched.", RetentionDays = 180, AlternativeZh = "前台核对。", AlternativeEn = "The desk checks the list.", IdentificationMode = FacialIdentificationMode.PostRemote)]
public sealed partial class BannedVisitorReview
{
}

/// <summary>Emotion recognition of visitors outside work and education: high-risk (Annex III 1(c)) with the Art. 50(3) notice.</summary>
[FacialDataPurpose(FacialProcessingMethod.AttributeAnalysis, DescriptionZh = "了解课程氛围。", DescriptionEn = "Show instructors how the class feels.", NecessityZh = "改进课程。", NecessityEn = "To improve classes.", ImpactZh = "不识别身份。", ImpactEn = "Nobody is identified.", RetentionDays = 1, Attributes = FacialAttributes.Expression)]
public sealed partial class ClassMood
{
}
