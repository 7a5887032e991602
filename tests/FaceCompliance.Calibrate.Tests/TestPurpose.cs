namespace FaceCompliance.Calibrate.Tests;

/// <summary>The purpose under which the tests extract the library's templates to compare with the tool's figures.</summary>
[FacialDataPurpose(FacialProcessingMethod.Verification,
    DescriptionZh = "校准测试。", DescriptionEn = "Calibration tests.", NecessityZh = "核对工具。", NecessityEn = "Checking the tool.",
    ImpactZh = "不保存。", ImpactEn = "Nothing kept.", AlternativeZh = "默认阈值。", AlternativeEn = "The default threshold.", RetentionDays = 1)]
public sealed partial class CalibrationCheck
{
}
