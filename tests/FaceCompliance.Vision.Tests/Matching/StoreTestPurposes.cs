namespace FaceCompliance.Sqlite.Tests;

/// <summary>
/// The 1:1 purpose that the linked StoreUnderTest names when it seeds rows. The store tests' own declaration
/// (tests/FaceCompliance.Sqlite.Tests/TestPurposes.cs) cannot be linked here: it also declares the assembly's processor.
/// </summary>
[FacialDataPurpose(FacialProcessingMethod.Verification,
    DescriptionZh = "在门禁处核验住户身份。", DescriptionEn = "Verify residents at the gate.",
    NecessityZh = "防止门禁卡被冒用。", NecessityEn = "Stop card misuse.",
    ImpactZh = "仅做 1:1 比对。", ImpactEn = "1:1 comparison only.",
    AlternativeZh = "刷卡通行。", AlternativeEn = "Tap a card.",
    RetentionDays = 30)]
public sealed partial class GateEntry
{
}
