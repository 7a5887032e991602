using System.Linq;
using System.Threading.Tasks;
using FaceCompliance.Analyzers.Tests.Harness;
using Xunit;

namespace FaceCompliance.Analyzers.Tests.Rules;

/// <summary>FC0015: where a purpose is deployed (Measures Art. 13; PIPL Art. 26).</summary>
public sealed class DeploymentSiteTests
{
    private static string Purpose(string name, string method, string extra, bool marked = false) => $$"""
        [{{(marked ? "{|FC0015:" : "")}}FacialDataPurpose(FacialProcessingMethod.{{method}},
            DescriptionZh = "商场客流", DescriptionEn = "Mall footfall", NecessityZh = "安排人手", NecessityEn = "Staffing",
            ImpactZh = "影响", ImpactEn = "Impact", RetentionDays = 7, AlternativeZh = "人工", AlternativeEn = "Staff",
            CollectionAreaZh = "商场入口", CollectionAreaEn = "The mall entrance"{{extra}}){{(marked ? "|}" : "")}}]
        public sealed partial class {{name}} { }
        """;

    private static string Declaration(string purpose) => "using FaceCompliance;\n\n" + purpose;

    /// <summary>A compliant gate under <paramref name="purpose"/> whose one method checks consent and then runs <paramref name="call"/>.</summary>
    private static string Gate(string purpose, string call) => $$"""
        using FaceCompliance;

        [UsesFacialData<{{purpose}}>]
        [NonBiometricAlternative(nameof(AskStaff))]
        public class MallGate(IFaceEngine engine, IConsentBook consent)
        {
            public bool AskStaff(string name) => name.Length > 0;

            public object? Run(string id, Frame frame)
            {
                consent.Ensure<{{purpose}}>(id);
                return {{call}};
            }
        }
        """;

    [Theory]
    [InlineData("HotelRoom")]
    [InlineData("PublicBath")]
    [InlineData("ChangingRoom")]
    [InlineData("Toilet")]
    public Task A_private_space_is_FC0015_whatever_else_is_declared(string site) => AnalyzerTest.VerifyAsync(Declaration(
        Purpose("Tracking", "Detection", $", Site = FacialDeploymentSite.{site}, Kind = FacialPurposeKind.PublicSafety, PublicPlaceLawZh = \"某法\", PublicPlaceLawEn = \"A law\"", marked: true)));

    [Fact]
    public async Task The_private_space_message_names_the_site_and_the_fix()
    {
        var diagnostics = await AnalyzerTest.VerifyAsync(Declaration(Purpose("Tracking", "Detection", ", Site = FacialDeploymentSite.ChangingRoom", marked: true)));

        Assert.Equal(
            "Purpose 'Tracking' is deployed in a private space (Site = FacialDeploymentSite.ChangingRoom), where no face recognition device may be installed whatever else is declared: deploy it outside hotel rooms, public baths, changing rooms and toilets (Measures Art. 13; PIPL Art. 26)",
            diagnostics.Single().GetMessage());
    }

    [Theory]
    [InlineData("")]
    [InlineData(", Site = FacialDeploymentSite.NonPublic")]
    [InlineData(", Site = FacialDeploymentSite.PublicPlace, Kind = FacialPurposeKind.PublicSafety")]
    [InlineData(", Site = FacialDeploymentSite.PublicPlace, PublicPlaceLawZh = \"《某某条例》第十条\", PublicPlaceLawEn = \"Article 10 of the Example Regulations\"")]
    public Task Allowed_sites_are_not_reported(string extra) => AnalyzerTest.VerifyAsync(Declaration(Purpose("Footfall", "Detection", extra)));

    [Fact]
    public async Task A_public_place_purpose_of_another_kind_that_cites_no_law_is_FC0015()
    {
        var diagnostics = await AnalyzerTest.VerifyAsync(Declaration(Purpose("Footfall", "Detection", ", Site = FacialDeploymentSite.PublicPlace", marked: true)));

        Assert.Equal(
            "Purpose 'Footfall' is deployed in a public place for a General purpose and cites no law that allows it: declare Kind = FacialPurposeKind.PublicSafety if it serves public safety, or name the law in PublicPlaceLawZh and PublicPlaceLawEn (Measures Art. 13; PIPL Art. 26)",
            diagnostics.Single().GetMessage());
    }

    [Fact]
    public async Task A_law_cited_in_one_language_only_is_FC0015()
    {
        var diagnostics = await AnalyzerTest.VerifyAsync(Declaration(Purpose("Footfall", "Detection", ", Site = FacialDeploymentSite.PublicPlace, PublicPlaceLawZh = \"《某某条例》第十条\", PublicPlaceLawEn = \" \"", marked: true)));

        Assert.Contains("cites the law that allows it in one language only (missing PublicPlaceLawEn)", diagnostics.Single().GetMessage(), System.StringComparison.Ordinal);
    }

    [Fact]
    public async Task Identification_in_a_public_place_for_another_purpose_is_FC0015_at_the_use_even_with_a_cited_law()
    {
        var diagnostics = await new AnalyzerTest(Gate("MallTracking", "{|FC0015:engine.Identify(frame)|}"))
            .WithSource("Purposes.cs", Declaration(Purpose("MallTracking", "Identification",
                ", Site = FacialDeploymentSite.PublicPlace, PublicPlaceLawZh = \"《某某条例》第十条\", PublicPlaceLawEn = \"Article 10 of the Example Regulations\"")))
            .RunAsync();

        Assert.Equal(
            "'IFaceEngine.Identify' identifies people (1:N) in a public place, but the purpose 'MallTracking' (General) is not PublicSafety, and images collected in a public place serve public safety only, whatever law the purpose cites: declare Kind = FacialPurposeKind.PublicSafety, or verify the claimed person (1:1) instead (Measures Art. 13; PIPL Art. 26)",
            diagnostics.Single().GetMessage());
    }

    [Fact]
    public Task Identification_in_a_public_place_without_a_law_is_reported_at_the_declaration_and_the_use() => new AnalyzerTest(Gate("MallTracking", "{|FC0015:engine.Identify(frame)|}"))
        .WithSource("Purposes.cs", Declaration(Purpose("MallTracking", "Identification", ", Site = FacialDeploymentSite.PublicPlace", marked: true)))
        .RunAsync();

    [Fact]
    public Task Identification_in_a_public_place_for_public_safety_is_not_reported() => new AnalyzerTest(Gate("StationSafety", "engine.Identify(frame)"))
        .WithSource("Purposes.cs", Declaration(Purpose("StationSafety", "Identification", ", Site = FacialDeploymentSite.PublicPlace, Kind = FacialPurposeKind.PublicSafety")))
        .RunAsync();

    [Fact]
    public Task Verification_in_a_public_place_under_a_cited_law_is_not_reported() => new AnalyzerTest(Gate("MallEntry", "engine.Verify(frame, new Template())"))
        .WithSource("Purposes.cs", Declaration(Purpose("MallEntry", "Verification",
            ", Site = FacialDeploymentSite.PublicPlace, PublicPlaceLawZh = \"《某某条例》第十条\", PublicPlaceLawEn = \"Article 10 of the Example Regulations\"")))
        .RunAsync();

    [Fact]
    public Task Identification_under_a_public_place_purpose_and_an_allowed_one_is_not_reported() => new AnalyzerTest("""
        using FaceCompliance;

        [UsesFacialData<MallTracking>]
        [UsesFacialData<StaffAttendance>]
        [NonBiometricAlternative(nameof(AskStaff))]
        public class MallGate(IFaceEngine engine, IConsentBook consent)
        {
            public bool AskStaff(string name) => name.Length > 0;

            public string? Run(string id, Frame frame)
            {
                consent.Ensure<StaffAttendance>(id);
                return engine.Identify(frame);
            }
        }
        """).WithSource("Purposes.cs", Declaration(Purpose("MallTracking", "Identification",
            ", Site = FacialDeploymentSite.PublicPlace, PublicPlaceLawZh = \"《某某条例》第十条\", PublicPlaceLawEn = \"Article 10 of the Example Regulations\"")))
        .RunAsync();

    [Fact]
    public Task A_wrapper_moves_the_check_to_its_callers() => new AnalyzerTest("""
        using FaceCompliance;

        public class Search(IFaceEngine engine)
        {
            [ProcessesFacialData(FacialProcessingMethod.Identification)]
            public string? Find(Frame frame) => engine.Identify(frame);
        }

        [UsesFacialData<MallTracking>]
        [NonBiometricAlternative(nameof(AskStaff))]
        public class MallGate(Search search, IConsentBook consent)
        {
            public bool AskStaff(string name) => name.Length > 0;

            public string? Run(string id, Frame frame)
            {
                consent.Ensure<MallTracking>(id);
                return {|FC0015:search.Find(frame)|};
            }
        }
        """).WithSource("Purposes.cs", Declaration(Purpose("MallTracking", "Identification",
            ", Site = FacialDeploymentSite.PublicPlace, PublicPlaceLawZh = \"《某某条例》第十条\", PublicPlaceLawEn = \"Article 10 of the Example Regulations\"")))
        .RunAsync();
}
