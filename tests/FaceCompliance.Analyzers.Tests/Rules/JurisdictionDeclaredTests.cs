using System.Threading.Tasks;
using FaceCompliance.Analyzers.Tests.Harness;
using Xunit;

namespace FaceCompliance.Analyzers.Tests.Rules;

/// <summary>
/// FC0100: purposes declared and no [assembly: OperatesIn] (an error by default); FC0101: a purpose's Jurisdictions
/// adds one the assembly does not declare.
/// </summary>
public sealed class JurisdictionDeclaredTests
{
    private const string Processor = """[assembly: FacialDataProcessor("某某科技有限公司", "privacy@example.com")]""";

    private const string CompletePurposeArguments = """
        DescriptionZh = "考勤", DescriptionEn = "Attendance", NecessityZh = "确认身份", NecessityEn = "Establish identity",
        ImpactZh = "仅用于考勤", ImpactEn = "Attendance only", AlternativeZh = "打卡", AlternativeEn = "Clock in with a card", RetentionDays = 30
        """;

    private const string Disabled = """
        root = true

        [*.cs]
        dotnet_diagnostic.FC0100.severity = none
        """;

    [Fact]
    public Task Purpose_without_jurisdiction_is_FC0100_at_each_purpose() => new AnalyzerTest($$"""
        using FaceCompliance;

        {{Processor}}

        [{|FC0100:FacialDataPurpose(FacialProcessingMethod.Verification, {{CompletePurposeArguments}})|}]
        public sealed partial class Attendance { }

        [{|FC0100:FacialDataPurpose(FacialProcessingMethod.Detection, {{CompletePurposeArguments}})|}]
        public sealed partial class Counting { }
        """).WithoutPrelude().WithoutJurisdiction().RunAsync();

    [Fact]
    public Task FC0100_can_be_turned_off_in_editorconfig() => new AnalyzerTest($$"""
        using FaceCompliance;

        {{Processor}}

        [FacialDataPurpose(FacialProcessingMethod.Verification, {{CompletePurposeArguments}})]
        public sealed partial class Attendance { }
        """).WithoutPrelude().WithoutJurisdiction().WithEditorConfig(Disabled).RunAsync();

    [Fact]
    public Task One_OperatesIn_declaration_satisfies_FC0100() => new AnalyzerTest($$"""
        using FaceCompliance;

        {{Processor}}
        [assembly: OperatesIn(Jurisdiction.CN)]
        [assembly: OperatesIn(Jurisdiction.US_IL, PublicRetentionPolicyUrl = "https://example.org/biometrics")]
        [assembly: OperatesIn(Jurisdiction.EU_AIACT, AiActRole = AiActRole.Deployer)]

        [FacialDataPurpose(FacialProcessingMethod.Verification, {{CompletePurposeArguments}}, Jurisdictions = new[] { Jurisdiction.CN })]
        [ProfileConflictResolution("DeviceLocalVersusCloudMatching", "Separate consent to server matching.")]
        public sealed partial class Attendance { }
        """).WithoutPrelude().WithoutJurisdiction().RunAsync();

    [Fact]
    public Task No_purpose_needs_no_jurisdiction() => new AnalyzerTest("""
        public class Plain { public int Add(int a, int b) => a + b; }
        """).WithoutPrelude().WithoutJurisdiction().RunAsync();

    [Fact]
    public async Task Purpose_adding_a_jurisdiction_is_FC0101_naming_each_one_once()
    {
        var diagnostics = await new AnalyzerTest($$"""
            using FaceCompliance;

            {{Processor}}
            [assembly: OperatesIn(Jurisdiction.CN)]

            [{|FC0101:FacialDataPurpose(FacialProcessingMethod.Verification, {{CompletePurposeArguments}}, Jurisdictions = new[] { Jurisdiction.CN, Jurisdiction.EU, Jurisdiction.US_IL, Jurisdiction.EU })|}]
            public sealed partial class Attendance { }

            [FacialDataPurpose(FacialProcessingMethod.Detection, {{CompletePurposeArguments}}, Jurisdictions = new[] { Jurisdiction.CN })]
            public sealed partial class Counting { }
            """).WithoutPrelude().WithoutJurisdiction().RunAsync();

        Assert.Contains("lists EU, US-IL in Jurisdictions", Assert.Single(diagnostics).GetMessage(), System.StringComparison.Ordinal);
    }

    [Fact]
    public Task Purpose_narrowing_without_any_declaration_is_FC0101_and_FC0100() => new AnalyzerTest($$"""
        using FaceCompliance;

        {{Processor}}

        [{|FC0100:{|FC0101:FacialDataPurpose(FacialProcessingMethod.Verification, {{CompletePurposeArguments}}, Jurisdictions = new[] { Jurisdiction.US_TX })|}|}]
        public sealed partial class Attendance { }
        """).WithoutPrelude().WithoutJurisdiction().RunAsync();
}
