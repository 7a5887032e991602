using System.Threading.Tasks;
using FaceCompliance.Analyzers.Tests.Harness;
using Xunit;

namespace FaceCompliance.Analyzers.Tests.Rules;

/// <summary>FC0102: the declared jurisdictions of a purpose conflict for its design, and no declaration resolves it.</summary>
public sealed class ProfileConflictTests
{
    private const string Processor = """[assembly: FacialDataProcessor("某某科技有限公司", "privacy@example.com")]""";

    private const string ServerPurposeArguments = """
        DescriptionZh = "考勤", DescriptionEn = "Attendance", NecessityZh = "确认身份", NecessityEn = "Establish identity",
        ImpactZh = "仅用于考勤", ImpactEn = "Attendance only", AlternativeZh = "打卡", AlternativeEn = "Clock in with a card", RetentionDays = 30,
        Storage = FacialDataStorage.Server, TransferRecipientZh = "某某云（上海）", TransferRecipientEn = "Example Cloud (Shanghai)"
        """;

    [Fact]
    public async Task Server_matching_under_China_is_FC0102_citing_the_device_local_rule()
    {
        var diagnostics = await new AnalyzerTest($$"""
            using FaceCompliance;

            {{Processor}}
            [assembly: OperatesIn(Jurisdiction.CN)]
            [assembly: OperatesIn(Jurisdiction.US_IL, PublicRetentionPolicyUrl = "https://example.com/biometric-policy")]

            [{|FC0102:FacialDataPurpose(FacialProcessingMethod.Verification, {{ServerPurposeArguments}})|}]
            public sealed partial class Attendance { }
            """).WithoutPrelude().RunAsync();

        var message = Assert.Single(diagnostics).GetMessage();
        Assert.Contains("DeviceLocalVersusCloudMatching", message, System.StringComparison.Ordinal);
        Assert.Contains("CN CN-ART8-LOCALSTORE", message, System.StringComparison.Ordinal);
    }

    [Fact]
    public Task A_resolution_on_the_purpose_or_the_assembly_resolves_FC0102() => new AnalyzerTest($$"""
        using FaceCompliance;

        {{Processor}}
        [assembly: OperatesIn(Jurisdiction.CN)]
        [assembly: ProfileConflictResolution("DeviceLocalVersusCloudMatching", "Separate consent to server matching (Measures Art. 8).")]

        [FacialDataPurpose(FacialProcessingMethod.Verification, {{ServerPurposeArguments}})]
        public sealed partial class Attendance { }
        """).WithSource("Other.cs", $$"""
        using FaceCompliance;

        [FacialDataPurpose(FacialProcessingMethod.Detection, {{ServerPurposeArguments}})]
        [ProfileConflictResolution("DeviceLocalVersusCloudMatching", "Counting only; separate consent asked.")]
        public sealed partial class Counting { }
        """).WithoutPrelude().RunAsync();

    [Fact]
    public Task A_resolution_of_another_conflict_or_without_justification_does_not_resolve_FC0102() => new AnalyzerTest($$"""
        using FaceCompliance;

        {{Processor}}
        [assembly: OperatesIn(Jurisdiction.CN)]

        [{|FC0102:FacialDataPurpose(FacialProcessingMethod.Verification, {{ServerPurposeArguments}})|}]
        [ProfileConflictResolution("RetentionFloorAboveCeiling", "Legal hold.")]
        [ProfileConflictResolution("DeviceLocalVersusCloudMatching", " ")]
        public sealed partial class Attendance { }
        """).WithoutPrelude().RunAsync();

    [Fact]
    public Task A_purpose_narrowed_to_profiles_without_the_device_local_default_has_no_conflict() => new AnalyzerTest($$"""
        using FaceCompliance;

        {{Processor}}
        [assembly: OperatesIn(Jurisdiction.CN)]
        [assembly: OperatesIn(Jurisdiction.EU, SupervisoryAuthority = "Example supervisory authority")]

        [FacialDataPurpose(FacialProcessingMethod.Verification, {{ServerPurposeArguments}}, Jurisdictions = new[] { Jurisdiction.EU },
            ProvisionRequirementEn = "Not required: clock in with a card instead.")]
        public sealed partial class Attendance { }
        """).WithoutPrelude().RunAsync();

    private const string DevicePurposeArguments = """
        DescriptionZh = "考勤", DescriptionEn = "Attendance", NecessityZh = "确认身份", NecessityEn = "Establish identity",
        ImpactZh = "仅用于考勤", ImpactEn = "Attendance only", AlternativeZh = "打卡", AlternativeEn = "Clock in with a card", RetentionDays = 30
        """;

    [Fact]
    public async Task A_retention_duty_longer_than_a_deletion_deadline_is_FC0102_citing_the_deadline_row()
    {
        var diagnostics = await new AnalyzerTest($$"""
            using FaceCompliance;

            {{Processor}}
            [assembly: OperatesIn(Jurisdiction.US_TX)]

            [{|FC0102:FacialDataPurpose(FacialProcessingMethod.Verification, {{DevicePurposeArguments}})|}]
            [FacialDataRetentionDuty(400, "Payroll records order")]
            public sealed partial class Attendance { }
            """).WithoutPrelude().RunAsync();

        var message = Assert.Single(diagnostics).GetMessage();
        Assert.Contains("RetentionFloorAboveCeiling", message, System.StringComparison.Ordinal);
        Assert.Contains("400 days", message, System.StringComparison.Ordinal);
        Assert.Contains("US-TX TX-C3-DESTROY", message, System.StringComparison.Ordinal);
    }

    [Fact]
    public Task A_retention_duty_on_the_assembly_covers_every_purpose_and_a_shorter_one_no_conflict() => new AnalyzerTest($$"""
        using FaceCompliance;

        {{Processor}}
        [assembly: OperatesIn(Jurisdiction.US_TX)]
        [assembly: FacialDataRetentionDuty(300, "Within Texas's one year")]

        [FacialDataPurpose(FacialProcessingMethod.Verification, {{DevicePurposeArguments}})]
        public sealed partial class Attendance { }
        """).WithSource("Other.cs", $$"""
        using FaceCompliance;

        [{|FC0102:FacialDataPurpose(FacialProcessingMethod.Detection, {{DevicePurposeArguments}})|}]
        [FacialDataRetentionDuty(5 * 365, "Legal hold")]
        public sealed partial class Counting { }
        """).WithoutPrelude().RunAsync();

    [Fact]
    public Task A_resolution_resolves_a_retention_duty_conflict_and_China_alone_has_no_deadline_to_conflict_with() => new AnalyzerTest($$"""
        using FaceCompliance;

        {{Processor}}
        [assembly: OperatesIn(Jurisdiction.CN)]
        [assembly: OperatesIn(Jurisdiction.US_IL, PublicRetentionPolicyUrl = "https://example.com/biometrics")]

        [FacialDataPurpose(FacialProcessingMethod.Verification, {{DevicePurposeArguments}})]
        [FacialDataRetentionDuty(30, "Court order (legal hold)")]
        [ProfileConflictResolution("RetentionFloorAboveCeiling", "A court order overrides BIPA's destruction schedule while it lasts.")]
        public sealed partial class Attendance { }

        [FacialDataPurpose(FacialProcessingMethod.Detection, {{DevicePurposeArguments}}, Jurisdictions = new[] { Jurisdiction.CN })]
        [FacialDataRetentionDuty(3650, "Records law")]
        public sealed partial class Counting { }
        """).WithoutPrelude().RunAsync();

    [Fact]
    public Task Without_declared_jurisdictions_server_storage_is_FC0100_not_FC0102() => new AnalyzerTest($$"""
        using FaceCompliance;

        {{Processor}}

        [{|FC0100:FacialDataPurpose(FacialProcessingMethod.Verification, {{ServerPurposeArguments}})|}]
        public sealed partial class Attendance { }
        """).WithoutPrelude().WithoutJurisdiction().RunAsync();
}
