namespace FaceCompliance.Analyzers.Tests.Harness;

/// <summary>
/// Declarations most snippets share, compiled beside them as Prelude.cs: a complete processor, three purposes of
/// different methods, a face engine whose members are processing APIs, a receipt type and a consent book (with a check that verifies the Transfer scope and a guardian-aware one).
/// The assembly operates in China (FC0100) and resolves China's device-local default for the snippets whose purposes
/// store on the server (FC0102): those test other rules.
/// </summary>
public static class Prelude
{
    public const string Source = """
        using System;
        using FaceCompliance;

        [assembly: FacialDataProcessor("阳光花园物业服务有限公司", "privacy@sunny-gardens.example", NoticeLocation = "https://sunny-gardens.example/face-rules")]
        [assembly: OperatesIn(Jurisdiction.CN)]
        [assembly: ProfileConflictResolution("DeviceLocalVersusCloudMatching", "Server storage needs the separate Transfer consent (Measures Art. 8; FC0018).")]

        [FacialDataPurpose(FacialProcessingMethod.Verification,
            DescriptionZh = "核验住户身份以开启小区门禁", DescriptionEn = "Verify residents at the community gate",
            NecessityZh = "门禁须确认进入者为本小区住户", NecessityEn = "The gate must confirm that the person entering lives here",
            ImpactZh = "人脸特征仅存于门禁设备内", ImpactEn = "Face templates stay inside the gate device",
            AlternativeZh = "刷门禁卡", AlternativeEn = "Tap an access card",
            RetentionDays = 365)]
        public sealed partial class CommunityEntry { }

        [FacialDataPurpose(FacialProcessingMethod.Identification,
            DescriptionZh = "员工考勤", DescriptionEn = "Staff attendance",
            NecessityZh = "考勤须确认员工身份", NecessityEn = "Attendance must establish who clocked in",
            ImpactZh = "仅用于考勤", ImpactEn = "Used for attendance only",
            AlternativeZh = "向前台登记", AlternativeEn = "Sign in at the front desk",
            RetentionDays = 90)]
        public sealed partial class StaffAttendance { }

        [FacialDataPurpose(FacialProcessingMethod.Detection,
            DescriptionZh = "统计大堂人数", DescriptionEn = "Count people in the lobby",
            NecessityZh = "控制人流", NecessityEn = "Crowd control",
            ImpactZh = "不识别身份", ImpactEn = "Nobody is identified",
            RetentionDays = 1)]
        public sealed partial class CrowdCounting { }

        public sealed class Frame { }

        public sealed class Template { }

        [FacialConsentReceipt]
        public sealed class ConsentReceipt<TPurpose> { }

        public interface IFaceEngine
        {
            [ProcessesFacialData(FacialProcessingMethod.Detection)] int CountFaces(Frame frame);
            [ProcessesFacialData(FacialProcessingMethod.Liveness)] bool IsLive(Frame frame);
            [ProcessesFacialData(FacialProcessingMethod.Verification)] Template Extract(Frame frame);
            [ProcessesFacialData(FacialProcessingMethod.Verification)] bool Verify(Frame frame, Template enrolled);
            [ProcessesFacialData(FacialProcessingMethod.Verification)] bool Verify(Frame frame, ConsentReceipt<CommunityEntry>? receipt);
            [ProcessesFacialData(FacialProcessingMethod.Identification)] string? Identify(Frame frame);
        }

        public interface IConsentBook
        {
            [FacialConsentCheck] void Ensure<TPurpose>(string subject);
            [FacialConsentCheck] bool Has<TPurpose>(string subject);
            [FacialConsentCheck] ConsentReceipt<TPurpose> Receipt<TPurpose>(string subject);
            [FacialConsentCheck(typeof(StaffAttendance))] bool HasAttendanceConsent(string subject);
            [FacialConsentCheck] bool HasAnyConsent(string subject);
            [FacialConsentCheck(Scopes = FacialConsentScopes.Transfer)] void EnsureTransfer<TPurpose>(string subject) => Ensure<TPurpose>(subject);
            [FacialConsentCheck(Scopes = FacialConsentScopes.Provision)] void EnsureProvision<TPurpose>(string subject) => Ensure<TPurpose>(subject);
            [FacialConsentCheck(Scopes = FacialConsentScopes.Transfer | FacialConsentScopes.Provision)] void EnsureTransferAndProvision<TPurpose>(string subject) => Ensure<TPurpose>(subject);
            [FacialConsentCheck(GuardianAware = true)] void EnsureGuardian<TPurpose>(string subject) => Ensure<TPurpose>(subject);
        }
        """;
}
