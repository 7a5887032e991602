using System.Linq;
using System.Threading.Tasks;
using FaceCompliance.Analyzers.Tests.Harness;
using Xunit;

namespace FaceCompliance.Analyzers.Tests.Rules;

/// <summary>FC0007 (processor), FC0008 (complete purpose) and FC0009 (overrides keep obligations).</summary>
public sealed class DeclarationTests
{
    private const string CompletePurposeArguments = """
        DescriptionZh = "考勤", DescriptionEn = "Attendance", NecessityZh = "确认身份", NecessityEn = "Establish identity",
        ImpactZh = "仅用于考勤", ImpactEn = "Attendance only", AlternativeZh = "打卡", AlternativeEn = "Clock in with a card"
        """;

    [Fact]
    public Task Purpose_without_processor_is_FC0007() => new AnalyzerTest($$"""
        using FaceCompliance;

        [{|FC0007:FacialDataPurpose(FacialProcessingMethod.Verification, {{CompletePurposeArguments}}, RetentionDays = 30)|}]
        public sealed partial class Attendance { }
        """).WithoutPrelude().RunAsync();

    [Fact]
    public Task Processor_with_empty_contact_is_FC0007_once() => new AnalyzerTest($$"""
        using FaceCompliance;

        [assembly: {|FC0007:FacialDataProcessor("某某科技有限公司", " ")|}]

        [FacialDataPurpose(FacialProcessingMethod.Verification, {{CompletePurposeArguments}}, RetentionDays = 30)]
        public sealed partial class Attendance { }

        [FacialDataPurpose(FacialProcessingMethod.Detection, {{CompletePurposeArguments}}, RetentionDays = 30)]
        public sealed partial class Counting { }
        """).WithoutPrelude().RunAsync();

    [Fact]
    public Task No_purpose_no_processor_needed() => new AnalyzerTest("""
        public class Plain { public int Add(int a, int b) => a + b; }
        """).WithoutPrelude().RunAsync();

    [Fact]
    public async Task Incomplete_purpose_is_FC0008_listing_what_is_missing()
    {
        var diagnostics = await new AnalyzerTest("""
            using FaceCompliance;

            [assembly: FacialDataProcessor("某某科技有限公司", "privacy@example.com")]

            [{|FC0008:FacialDataPurpose(FacialProcessingMethod.Unspecified, DescriptionZh = "考勤", DescriptionEn = "Attendance", NecessityEn = "Identity")|}]
            public sealed partial class Attendance { }
            """).WithoutPrelude().RunAsync();

        var message = diagnostics.Single().GetMessage();
        Assert.Contains("the method is unspecified", message);
        Assert.Contains("missing NecessityZh, ImpactZh, ImpactEn", message);
        Assert.Contains("RetentionDays must be between 1 and 3650 (is 0)", message);
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(1, false)]
    [InlineData(3650, false)]
    [InlineData(3651, true)]
    public Task Retention_must_be_bounded(int days, bool reported) => new AnalyzerTest($$"""
        using FaceCompliance;

        [assembly: FacialDataProcessor("某某科技有限公司", "privacy@example.com")]

        [{{(reported ? "{|FC0008:" : "")}}FacialDataPurpose(FacialProcessingMethod.Verification, {{CompletePurposeArguments}}, RetentionDays = {{days}}){{(reported ? "|}" : "")}}]
        public sealed partial class Attendance { }
        """).WithoutPrelude().RunAsync();

    [Fact]
    public Task Max_retention_is_configurable() => new AnalyzerTest($$"""
        using FaceCompliance;

        [assembly: FacialDataProcessor("某某科技有限公司", "privacy@example.com")]

        [{|FC0008:FacialDataPurpose(FacialProcessingMethod.Verification, {{CompletePurposeArguments}}, RetentionDays = 31)|}]
        public sealed partial class Attendance { }

        [FacialDataPurpose(FacialProcessingMethod.Verification, {{CompletePurposeArguments}}, RetentionDays = 30)]
        public sealed partial class Visitors { }
        """).WithoutPrelude().WithEditorConfig("""
        root = true

        [*.cs]
        FC0008.max_retention_days = 30
        """).RunAsync();

    [Fact]
    public Task Uses_facial_data_of_a_type_that_is_no_purpose_is_FC0008() => AnalyzerTest.VerifyAsync("""
        using FaceCompliance;

        public sealed class NotAPurpose { }

        [{|FC0008:UsesFacialData<NotAPurpose>|}]
        public class Lobby
        {
        }
        """);

    [Fact]
    public Task Implementation_that_drops_or_adds_an_obligation_is_FC0009() => AnalyzerTest.VerifyAsync("""
        using FaceCompliance;

        public interface IMatcher
        {
            [ProcessesFacialData(FacialProcessingMethod.Verification)] bool Match(Frame frame);
            bool Count(Frame frame);
            [RequiresFacialConsent] bool Guarded(Frame frame);
        }

        public class Matcher : IMatcher
        {
            public bool {|FC0009:Match|}(Frame frame) => true;
            [ProcessesFacialData(FacialProcessingMethod.Detection)] public bool {|FC0009:Count|}(Frame frame) => true;
            public bool {|FC0009:Guarded|}(Frame frame) => true;
        }

        public class Kept : IMatcher
        {
            [ProcessesFacialData(FacialProcessingMethod.Verification)] public bool Match(Frame frame) => true;
            public bool Count(Frame frame) => true;
            [RequiresFacialConsent] public bool Guarded(Frame frame) => true;
        }
        """);

    [Fact]
    public Task Override_and_explicit_implementation_with_another_method_are_FC0009() => AnalyzerTest.VerifyAsync("""
        using FaceCompliance;

        public abstract class EngineBase
        {
            [ProcessesFacialData(FacialProcessingMethod.Verification)] public abstract bool Match(Frame frame);
        }

        public class Engine : EngineBase
        {
            [ProcessesFacialData(FacialProcessingMethod.Identification)] public override bool {|FC0009:Match|}(Frame frame) => true;
        }

        public interface ICounter { [ProcessesFacialData(FacialProcessingMethod.Detection)] int Count(Frame frame); }

        public class Counter : ICounter
        {
            int ICounter.{|FC0009:Count|}(Frame frame) => 0;
        }

        [ProcessesFacialData(FacialProcessingMethod.Detection)]
        public class TypeLevel : ICounter
        {
            public int Count(Frame frame) => 0;
        }
        """);

    [Theory]
    [InlineData("Verification", "a verification")]
    [InlineData("Identification", "an identification")]
    public async Task Identity_purpose_without_its_alternative_is_FC0008_with_the_right_article(string method, string kind)
    {
        var diagnostics = await new AnalyzerTest($$"""
            using FaceCompliance;

            [assembly: FacialDataProcessor("某某科技有限公司", "privacy@example.com")]

            [{|FC0008:FacialDataPurpose(FacialProcessingMethod.{{method}}, DescriptionZh = "考勤", DescriptionEn = "Attendance",
                NecessityZh = "确认身份", NecessityEn = "Establish identity", ImpactZh = "仅用于考勤", ImpactEn = "Attendance only",
                AlternativeZh = " ", RetentionDays = 30)|}]
            public sealed partial class Attendance { }
            """).WithoutPrelude().RunAsync();

        Assert.Equal(
            $"Purpose 'Attendance' is incomplete: missing AlternativeZh, AlternativeEn ({kind} purpose's notice names the non-biometric alternative) (Measures, Article 10)",
            diagnostics.Single().GetMessage());
    }

    [Fact]
    public async Task Identity_purpose_with_one_language_of_its_alternative_names_the_other()
    {
        var diagnostics = await new AnalyzerTest($$"""
            using FaceCompliance;

            [assembly: FacialDataProcessor("某某科技有限公司", "privacy@example.com")]

            [{|FC0008:FacialDataPurpose(FacialProcessingMethod.Verification, DescriptionZh = "考勤", DescriptionEn = "Attendance",
                NecessityZh = "确认身份", NecessityEn = "Establish identity", ImpactZh = "仅用于考勤", ImpactEn = "Attendance only",
                AlternativeZh = "打卡", RetentionDays = 0)|}]
            public sealed partial class Attendance { }
            """).WithoutPrelude().RunAsync();

        Assert.Equal(
            "Purpose 'Attendance' is incomplete: RetentionDays must be between 1 and 3650 (is 0); missing AlternativeEn (a verification purpose's notice names the non-biometric alternative) (Measures, Articles 8 and 10)",
            diagnostics.Single().GetMessage());
    }

    [Theory]
    [InlineData("Detection")]
    [InlineData("Liveness")]
    [InlineData("AttributeAnalysis")]
    public Task Purposes_that_identify_nobody_need_no_alternative(string method) => new AnalyzerTest($$"""
        using FaceCompliance;

        [assembly: FacialDataProcessor("某某科技有限公司", "privacy@example.com")]

        [FacialDataPurpose(FacialProcessingMethod.{{method}}, DescriptionZh = "统计", DescriptionEn = "Counting", NecessityZh = "人流",
            NecessityEn = "Crowds", ImpactZh = "无", ImpactEn = "None", RetentionDays = 1, Attributes = FacialAttributes.AgeBand)]
        public sealed partial class Counting { }
        """).WithoutPrelude().RunAsync();

    [Fact]
    public async Task Public_place_purpose_without_its_collection_area_is_FC0008()
    {
        var diagnostics = await new AnalyzerTest("""
            using FaceCompliance;

            [assembly: FacialDataProcessor("某某科技有限公司", "privacy@example.com", NoticeLocation = "https://example.com/face-rules")]

            [{|FC0008:FacialDataPurpose(FacialProcessingMethod.Detection, DescriptionZh = "统计", DescriptionEn = "Counting", NecessityZh = "人流",
                NecessityEn = "Crowds", ImpactZh = "无", ImpactEn = "None", RetentionDays = 1, Site = FacialDeploymentSite.PublicPlace,
                Kind = FacialPurposeKind.PublicSafety, CollectionAreaEn = "Lobby")|}]
            public sealed partial class Counting { }

            [FacialDataPurpose(FacialProcessingMethod.Detection, DescriptionZh = "排队", DescriptionEn = "Queueing", NecessityZh = "人流",
                NecessityEn = "Crowds", ImpactZh = "无", ImpactEn = "None", RetentionDays = 1, Site = FacialDeploymentSite.PublicPlace,
                Kind = FacialPurposeKind.PublicSafety, CollectionAreaZh = "大堂", CollectionAreaEn = "Lobby")]
            public sealed partial class Queueing { }

            [FacialDataPurpose(FacialProcessingMethod.Detection, DescriptionZh = "客流", DescriptionEn = "Footfall", NecessityZh = "人流",
                NecessityEn = "Crowds", ImpactZh = "无", ImpactEn = "None", RetentionDays = 1, Site = FacialDeploymentSite.NonPublic)]
            public sealed partial class Footfall { }
            """).WithoutPrelude().RunAsync();

        Assert.Equal(
            "Purpose 'Counting' is incomplete: missing CollectionAreaZh (the sign of a purpose in a public place names the collection area) (Measures, Article 13)",
            diagnostics.Single().GetMessage());
    }

    [Fact]
    public async Task Public_place_purpose_whose_processor_names_no_place_for_the_full_rules_is_FC0008()
    {
        var diagnostics = await new AnalyzerTest("""
            using FaceCompliance;

            [assembly: FacialDataProcessor("某某科技有限公司", "privacy@example.com")]

            [{|FC0008:FacialDataPurpose(FacialProcessingMethod.Detection, DescriptionZh = "统计", DescriptionEn = "Counting", NecessityZh = "人流",
                NecessityEn = "Crowds", ImpactZh = "无", ImpactEn = "None", RetentionDays = 1, Site = FacialDeploymentSite.PublicPlace,
                Kind = FacialPurposeKind.PublicSafety, CollectionAreaZh = "大堂", CollectionAreaEn = "Lobby")|}]
            public sealed partial class Counting { }

            [FacialDataPurpose(FacialProcessingMethod.Detection, DescriptionZh = "客流", DescriptionEn = "Footfall", NecessityZh = "人流",
                NecessityEn = "Crowds", ImpactZh = "无", ImpactEn = "None", RetentionDays = 1, Site = FacialDeploymentSite.NonPublic)]
            public sealed partial class Footfall { }
            """).WithoutPrelude().RunAsync();

        Assert.Equal(
            "Purpose 'Counting' is incomplete: the processor declares no NoticeLocation (the sign of a purpose in a public place says where to read the full rules) (Measures, Article 13)",
            diagnostics.Single().GetMessage());
    }
}
