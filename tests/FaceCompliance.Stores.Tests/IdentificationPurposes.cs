namespace FaceCompliance.Stores.Tests;

/// <summary>A 1:N purpose: residents identified at the gate without a card; templates kept 30 days.</summary>
[FacialDataPurpose(FacialProcessingMethod.Identification,
    DescriptionZh = "无卡通行辨识。", DescriptionEn = "Card-free gate identification.",
    NecessityZh = "住户自愿。", NecessityEn = "Residents opt in.",
    ImpactZh = "1:N 比对。", ImpactEn = "1:N comparison.",
    AlternativeZh = "刷卡。", AlternativeEn = "Tap a card.",
    RetentionDays = 30)]
public sealed partial class ResidentSearch
{
}
