using FaceCompliance;
using NonCompliant.Vendor;

namespace NonCompliant;

/// <summary>A complete purpose that matches faces in the cloud, with the transfer's recipient declared (FC0013 is satisfied).</summary>
[FacialDataPurpose(FacialProcessingMethod.Verification,
    DescriptionZh = "在访客入口通过云端服务核验预约访客。",
    DescriptionEn = "To verify booked visitors at the visitor entrance through a cloud service.",
    NecessityZh = "访客未在设备中登记，须与云端预约照片比对。",
    NecessityEn = "Visitors are not enrolled on the device, so they are compared with their booking photo in the cloud.",
    ImpactZh = "人脸图像经互联网传输至云端服务。",
    ImpactEn = "The face image is sent over the internet to a cloud service.",
    AlternativeZh = "访客可在前台出示证件登记。",
    AlternativeEn = "Visitors can show an ID at the front desk instead.",
    RetentionDays = 7,
    Storage = FacialDataStorage.Server,
    TransferRecipientZh = "示例云人脸服务（上海区域）",
    TransferRecipientEn = "Example Cloud Face (Shanghai region)")]
[ProfileConflictResolution("DeviceLocalVersusCloudMatching", "Visitors are not enrolled on the device; each gives separate consent to the transfer (Measures Art. 8 §1).")]
public sealed partial class CloudVisitorCheck
{
}

/// <summary>A visitor entrance that sends the frame to the cloud after checking consent to the purpose only.</summary>
[UsesFacialData<CloudVisitorCheck>]
[NonBiometricAlternative(nameof(ShowId))]
public sealed class VisitorEntrance
{
    private readonly CloudFaceService cloud = new();
    private readonly ConsentRegistry consent = new();

    /// <summary>Admits one booked visitor.</summary>
    /// <param name="visitorId">The visitor claimed.</param>
    /// <param name="frame">The camera frame.</param>
    /// <returns>Whether the entrance opens.</returns>
    public bool Admit(string visitorId, byte[] frame)
    {
        // FC0018: sending the frame off the device needs the visitor's separate consent to the transfer, which
        // ConsentRegistry.Ensure does not check (EnsureTransfer does; Measures Art. 8 §1; PIPL Arts. 29, 39).
        consent.Ensure<CloudVisitorCheck>(visitorId);
        return cloud.Verify(visitorId, frame); // expect FC0018
    }

    /// <summary>The non-biometric alternative.</summary>
    /// <param name="idNumber">The ID shown.</param>
    /// <returns>Whether the entrance opens.</returns>
    public bool ShowId(string idNumber) => idNumber.Length == 18;
}
