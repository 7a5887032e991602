using FaceCompliance;

namespace NonCompliant.AiAct;

// FC0111: inferring the emotions of front-desk staff, in the workplace, for no medical or safety reason (AI Act Art. 5(1)(f)).
/// <summary>Staff mood at the front desk: prohibited.</summary>
[FacialDataPurpose(FacialProcessingMethod.AttributeAnalysis, DescriptionZh = "了解前台员工情绪。", DescriptionEn = "Track front-desk staff mood.", NecessityZh = "改进服务。", NecessityEn = "To improve service.", ImpactZh = "不识别身份。", ImpactEn = "Nobody is identified.", RetentionDays = 1, Attributes = FacialAttributes.Expression, Contexts = FacialUseContexts.Workplace)] // expect FC0111
public sealed partial class StaffMood
{
}
