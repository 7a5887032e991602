using FaceCompliance;

namespace FaceCompliance.Stores.NodeWorker;

/// <summary>The nodes' one purpose: 1:1 entry, templates kept 30 days.</summary>
[FacialDataPurpose(FacialProcessingMethod.Verification,
    DescriptionZh = "在门禁处核验身份。", DescriptionEn = "Verify people at the gate.",
    NecessityZh = "防止门禁卡被冒用。", NecessityEn = "Stop card misuse.",
    ImpactZh = "仅做 1:1 比对。", ImpactEn = "1:1 comparison only.",
    AlternativeZh = "刷卡通行。", AlternativeEn = "Tap a card.",
    RetentionDays = 30)]
public sealed partial class NodeEntry
{
}
