using FaceCompliance;

namespace NonCompliant;

// FC0015: the purpose is deployed in a changing room, a private space where no face recognition device may be
// installed, whatever else is declared (Measures Art. 13 §2). The declaration is otherwise complete and approved.
/// <summary>Counting people in the gym's changing room: not allowed anywhere.</summary>
[FacialDataPurpose(FacialProcessingMethod.Detection, DescriptionZh = "统计更衣室内人数。", DescriptionEn = "To count people in the changing room.", NecessityZh = "拥挤时提醒。", NecessityEn = "To warn when crowded.", ImpactZh = "只计数。", ImpactEn = "Counting only.", RetentionDays = 1, Site = FacialDeploymentSite.ChangingRoom)] // expect FC0015
public sealed partial class ChangingRoomCounting
{
}
