using FaceCompliance;

namespace NonCompliant;

// FC0011: the purpose type is not declared partial, so the generator cannot add its notice, notice version and
// retention members: there is no notice to show people before they consent, and no retention schedule to purge by.
// The declaration itself is complete, and its notice version is approved.
/// <summary>A complete purpose the generator cannot complete: counting people at the bicycle shed.</summary>
[FacialDataPurpose(FacialProcessingMethod.Detection,
    DescriptionZh = "统计车棚内的人数。",
    DescriptionEn = "To count the people in the bicycle shed.",
    NecessityZh = "车棚拥挤时安排管理员疏导。",
    NecessityEn = "To send a warden when the shed is crowded.",
    ImpactZh = "只检测人脸数量，不识别身份。",
    ImpactEn = "Faces are only counted, never identified.",
    RetentionDays = 1)]
public sealed class BicycleShedCounting // expect FC0011
{
}
