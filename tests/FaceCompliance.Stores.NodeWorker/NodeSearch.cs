using FaceCompliance;

namespace FaceCompliance.Stores.NodeWorker;

/// <summary>The nodes' 1:N purpose: people identified without a card (the gallery commands); templates kept 30 days.</summary>
[FacialDataPurpose(FacialProcessingMethod.Identification,
    DescriptionZh = "无卡通行辨识。", DescriptionEn = "Card-free gate identification.",
    NecessityZh = "住户自愿。", NecessityEn = "Residents opt in.",
    ImpactZh = "1:N 比对。", ImpactEn = "1:N comparison.",
    AlternativeZh = "刷卡。", AlternativeEn = "Tap a card.",
    RetentionDays = 30)]
public sealed partial class NodeSearch
{
}
