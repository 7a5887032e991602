using FaceCompliance;

[assembly: FacialDataProcessor("基准测试物业", "privacy@bench.example", NameEn = "Benchmark Property Services")]

namespace FaceCompliance.Benchmarks.GallerySync;

/// <summary>The 1:N purpose the bench's galleries serve.</summary>
[FacialDataPurpose(FacialProcessingMethod.Identification,
    DescriptionZh = "无卡通行辨识。", DescriptionEn = "Card-free gate identification.",
    NecessityZh = "住户自愿。", NecessityEn = "Residents opt in.",
    ImpactZh = "1:N 比对。", ImpactEn = "1:N comparison.",
    AlternativeZh = "刷卡。", AlternativeEn = "Tap a card.",
    RetentionDays = 30)]
public sealed partial class BenchSearch
{
}
