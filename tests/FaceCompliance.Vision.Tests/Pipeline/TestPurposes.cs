namespace FaceCompliance.Vision.Tests.Pipeline;

/// <summary>A 1:N purpose for the matcher tests: residents identified at the gate without a card.</summary>
[FacialDataPurpose(FacialProcessingMethod.Identification,
    DescriptionZh = "无卡通行辨识。", DescriptionEn = "Card-free gate identification.", NecessityZh = "住户自愿。", NecessityEn = "Residents opt in.",
    ImpactZh = "1:N。", ImpactEn = "1:N.", AlternativeZh = "刷卡。", AlternativeEn = "Card.", RetentionDays = 30,
    Jurisdictions = new[] { Jurisdiction.CN })]
public sealed partial class ResidentSearch
{
}

/// <summary>A detection-only purpose (counting faces), which allows neither templates nor liveness.</summary>
[FacialDataPurpose(FacialProcessingMethod.Detection,
    DescriptionZh = "人数统计。", DescriptionEn = "Counting people.", NecessityZh = "限流。", NecessityEn = "Crowd limits.",
    ImpactZh = "不识别身份。", ImpactEn = "No identification.", RetentionDays = 1)]
public sealed partial class FaceCounting
{
}
