using FaceCompliance;

namespace NonCompliant;

/// <summary>A complete purpose: verifying residents at the gate (1:1).</summary>
[FacialDataPurpose(FacialProcessingMethod.Verification,
    DescriptionZh = "在小区门禁处核验住户本人身份。",
    DescriptionEn = "To verify residents at the community gate.",
    NecessityZh = "防止门禁卡被借用或冒用。",
    NecessityEn = "To stop lent or stolen cards from opening the gate.",
    ImpactZh = "人脸特征泄露可能被用于冒充身份；数据仅存于设备内。",
    ImpactEn = "A leaked template could be used to impersonate you; it stays on the device.",
    AlternativeZh = "住户可随时改用门禁卡通行。",
    AlternativeEn = "Residents can always use their access card instead.",
    RetentionDays = 365)]
public sealed partial class GateEntry
{
}

/// <summary>A complete purpose: counting visitors in the lobby (detection only).</summary>
[FacialDataPurpose(FacialProcessingMethod.Detection,
    DescriptionZh = "统计大堂访客人数。",
    DescriptionEn = "To count visitors in the lobby.",
    NecessityZh = "按客流安排保安和保洁人员。",
    NecessityEn = "To staff the lobby according to the number of visitors.",
    ImpactZh = "只检测人脸数量，不识别身份。",
    ImpactEn = "Faces are only counted, never identified.",
    RetentionDays = 1)]
public sealed partial class VisitorCounting
{
}

// FC0008: RetentionDays is missing (0, not between 1 and 3650); everything else is declared (Measures Art. 5, 8).
/// <summary>An incomplete purpose: nobody is told how long their face is kept.</summary>
[FacialDataPurpose(FacialProcessingMethod.Detection, DescriptionZh = "大堂人数统计。", DescriptionEn = "Lobby headcount.", NecessityZh = "安排人手。", NecessityEn = "Staffing.", ImpactZh = "只计数。", ImpactEn = "Counting only.")] // expect FC0008
public sealed partial class LobbyHeadcount
{
}
