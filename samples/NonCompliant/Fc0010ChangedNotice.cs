using FaceCompliance;

namespace NonCompliant;

// FC0010: this purpose's notice was approved when faces were kept for 30 days. RetentionDays was then raised to 90
// without a new approval, so FacialNotice.approved.txt still lists the version of the 30-day text: the notice
// people would now read has not been reviewed, and those who agreed to the old text must agree again
// (Measures Art. 5 §2). Everything else about the purpose is complete.
/// <summary>A complete purpose whose notice changed after it was approved: checking that a parcel collector is present.</summary>
[FacialDataPurpose(FacialProcessingMethod.Liveness, // expect FC0010
    DescriptionZh = "在快递柜取件时确认取件人真实在场。",
    DescriptionEn = "To check that a real person is collecting a parcel from the locker.",
    NecessityZh = "防止用照片冒领快递。",
    NecessityEn = "To stop parcels being collected with a photo.",
    ImpactZh = "只判断是否为真人，不识别身份。",
    ImpactEn = "We only check that you are a real person; we do not identify you.",
    RetentionDays = 90)]
public sealed partial class ParcelCollection
{
}
