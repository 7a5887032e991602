using FaceCompliance;

namespace NonCompliant;

// FC0016: the purpose declares that it estimates ethnicity from faces, which no purpose may (the 2023 draft Measures;
// EU AI Act Art. 5(1)(g)). The declaration is otherwise complete and approved.
/// <summary>Profiling shoppers by age band and ethnicity: the ethnicity is not allowed.</summary>
[FacialDataPurpose(FacialProcessingMethod.AttributeAnalysis, DescriptionZh = "分析顾客构成。", DescriptionEn = "To analyse who shops here.", NecessityZh = "调整商品。", NecessityEn = "To adjust the range.", ImpactZh = "不识别身份。", ImpactEn = "Nobody is identified.", RetentionDays = 1, Attributes = FacialAttributes.AgeBand | FacialAttributes.Ethnicity)] // expect FC0016
public sealed partial class ShopperProfiling
{
}
