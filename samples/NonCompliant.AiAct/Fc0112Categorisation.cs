using FaceCompliance;

namespace NonCompliant.AiAct;

// FC0112: categorising members by trade-union membership inferred from their faces (AI Act Art. 5(1)(g)). FC0016, the
// Measures' list, does not name it; the AI Act does.
/// <summary>Guessing which members are in a union: prohibited.</summary>
[FacialDataPurpose(FacialProcessingMethod.AttributeAnalysis, DescriptionZh = "会员分群。", DescriptionEn = "Group members for offers.", NecessityZh = "定向优惠。", NecessityEn = "Targeted offers.", ImpactZh = "不识别身份。", ImpactEn = "Nobody is identified.", RetentionDays = 1, Attributes = FacialAttributes.AgeBand | FacialAttributes.TradeUnionMembership)] // expect FC0112
public sealed partial class MemberSegments
{
}
