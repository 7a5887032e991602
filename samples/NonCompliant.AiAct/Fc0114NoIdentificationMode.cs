using FaceCompliance;

namespace NonCompliant.AiAct;

// FC0114: a 1:N purpose that does not say whether people take part actively, so whether it is remote biometric
// identification (high-risk, Annex III 1(a)) cannot be told.
/// <summary>Finding members at the entrance: remote or not is not declared.</summary>
[FacialDataPurpose(FacialProcessingMethod.Identification, DescriptionZh = "入口识别会员。", DescriptionEn = "Recognise members at the entrance.", NecessityZh = "免卡入场。", NecessityEn = "Card-free entry.", ImpactZh = "1:N。", ImpactEn = "1:N.", RetentionDays = 365, AlternativeZh = "使用会员卡。", AlternativeEn = "Use your member card.")] // expect FC0114
public sealed partial class EntranceRecognition
{
}
