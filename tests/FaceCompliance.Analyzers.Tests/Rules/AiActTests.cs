using System.Threading.Tasks;
using FaceCompliance.Analyzers.Tests.Harness;
using Xunit;

namespace FaceCompliance.Analyzers.Tests.Rules;

/// <summary>FC0110-FC0114: the AI Act's Article 5 bans and the 1:N identification mode, for purposes serving EU-AIACT.</summary>
public sealed class AiActTests
{
    private const string Processor = """[assembly: FacialDataProcessor("Example B.V.", "privacy@example.eu", NoticeLocation = "https://example.eu/face-rules")]""";

    private const string Texts = """
        DescriptionZh = "目的", DescriptionEn = "Purpose", NecessityZh = "必要", NecessityEn = "Needed",
        ImpactZh = "影响", ImpactEn = "Impact", RetentionDays = 30
        """;

    private const string Alternative = """AlternativeZh = "刷卡", AlternativeEn = "Tap a card" """;

    private static string Source(string assembly, string purposes) => $$"""
        using FaceCompliance;

        {{Processor}}
        {{assembly}}

        {{purposes}}
        """;

    private const string AiAct = "[assembly: OperatesIn(Jurisdiction.EU_AIACT)]";

    [Fact]
    public async Task Untargeted_scraping_into_a_recognition_database_is_FC0110_and_targeted_images_or_detection_are_not()
    {
        var diagnostics = await new AnalyzerTest(Source(AiAct, $$"""
            [{|FC0110:FacialDataPurpose(FacialProcessingMethod.Identification, {{Texts}}, {{Alternative}},
                IdentificationMode = FacialIdentificationMode.PostRemote, ImageSource = FacialImageSource.UntargetedInternet)|}]
            public sealed partial class WebGallery { }

            [FacialDataPurpose(FacialProcessingMethod.Verification, {{Texts}}, {{Alternative}})]
            public sealed partial class OwnPhoto { }

            [FacialDataPurpose(FacialProcessingMethod.Detection, {{Texts}}, ImageSource = FacialImageSource.UntargetedCctv)]
            public sealed partial class BlurFacesInFootage { }
            """)).WithoutPrelude().RunAsync();

        var message = Assert.Single(diagnostics).GetMessage();
        Assert.Contains("Art. 5(1)(e)", message, System.StringComparison.Ordinal);
        Assert.Contains("the internet", message, System.StringComparison.Ordinal);
    }

    [Fact]
    public Task Emotion_recognition_at_work_or_school_is_FC0111_unless_for_a_medical_or_safety_reason() => new AnalyzerTest(Source(AiAct, $$"""
        [{|FC0111:FacialDataPurpose(FacialProcessingMethod.AttributeAnalysis, {{Texts}},
            Attributes = FacialAttributes.Expression, Contexts = FacialUseContexts.Workplace)|}]
        public sealed partial class StaffMood { }

        [{|FC0111:FacialDataPurpose(FacialProcessingMethod.AttributeAnalysis, {{Texts}},
            Attributes = FacialAttributes.Expression, Contexts = FacialUseContexts.Education)|}]
        public sealed partial class PupilAttention { }

        [FacialDataPurpose(FacialProcessingMethod.AttributeAnalysis, {{Texts}},
            Attributes = FacialAttributes.Expression, Contexts = FacialUseContexts.Workplace,
            MedicalOrSafetyReason = "Detects a crane operator's drowsiness to stop the crane.")]
        public sealed partial class OperatorFatigue { }

        [FacialDataPurpose(FacialProcessingMethod.AttributeAnalysis, {{Texts}}, Attributes = FacialAttributes.Expression)]
        public sealed partial class AdvertReaction { }
        """)).WithoutPrelude().RunAsync();

    [Fact]
    public Task Categorisation_by_an_Article_5_1_g_attribute_is_FC0112_also_for_those_FC0016_does_not_list() => new AnalyzerTest(Source(AiAct, $$"""
        [{|FC0112:FacialDataPurpose(FacialProcessingMethod.AttributeAnalysis, {{Texts}}, Attributes = FacialAttributes.TradeUnionMembership)|}]
        public sealed partial class UnionGuess { }

        [{|FC0112:FacialDataPurpose(FacialProcessingMethod.AttributeAnalysis, {{Texts}}, Attributes = FacialAttributes.SexLife | FacialAttributes.PhilosophicalBeliefs)|}]
        public sealed partial class LifeGuess { }

        [{|FC0016:{|FC0112:FacialDataPurpose(FacialProcessingMethod.AttributeAnalysis, {{Texts}}, Attributes = FacialAttributes.Race)|}|}]
        public sealed partial class RaceGuess { }

        [FacialDataPurpose(FacialProcessingMethod.AttributeAnalysis, {{Texts}}, Attributes = FacialAttributes.AgeBand | FacialAttributes.Glasses)]
        public sealed partial class AgeGate { }
        """)).WithoutPrelude().RunAsync();

    [Fact]
    public Task Real_time_remote_identification_in_public_for_law_enforcement_is_FC0113_unless_a_listed_objective_and_its_authorisation_are_named() => new AnalyzerTest(Source(AiAct, $$"""
        [{|FC0113:FacialDataPurpose(FacialProcessingMethod.Identification, {{Texts}}, {{Alternative}},
            IdentificationMode = FacialIdentificationMode.RealTimeRemote, Site = FacialDeploymentSite.PublicPlace,
            Kind = FacialPurposeKind.PublicSafety, CollectionAreaZh = "车站", CollectionAreaEn = "Station",
            Contexts = FacialUseContexts.LawEnforcement)|}]
        public sealed partial class StationWatchlist { }

        [{|FC0113:FacialDataPurpose(FacialProcessingMethod.Identification, {{Texts}}, {{Alternative}},
            IdentificationMode = FacialIdentificationMode.RealTimeRemote, Site = FacialDeploymentSite.PublicPlace,
            Kind = FacialPurposeKind.PublicSafety, CollectionAreaZh = "车站", CollectionAreaEn = "Station",
            Contexts = FacialUseContexts.LawEnforcement, RealTimeException = RealTimeIdentificationException.TargetedVictimSearch)|}]
        public sealed partial class MissingChildSearchWithoutAuthorisation { }

        [FacialDataPurpose(FacialProcessingMethod.Identification, {{Texts}}, {{Alternative}},
            IdentificationMode = FacialIdentificationMode.RealTimeRemote, Site = FacialDeploymentSite.PublicPlace,
            Kind = FacialPurposeKind.PublicSafety, CollectionAreaZh = "车站", CollectionAreaEn = "Station",
            Contexts = FacialUseContexts.LawEnforcement, RealTimeException = RealTimeIdentificationException.TargetedVictimSearch,
            RealTimeAuthorisation = "Police Act s. 12; court order 2026/381")]
        public sealed partial class MissingChildSearch { }

        [FacialDataPurpose(FacialProcessingMethod.Identification, {{Texts}}, {{Alternative}},
            IdentificationMode = FacialIdentificationMode.PostRemote, Site = FacialDeploymentSite.PublicPlace,
            Kind = FacialPurposeKind.PublicSafety, CollectionAreaZh = "车站", CollectionAreaEn = "Station",
            Contexts = FacialUseContexts.LawEnforcement)]
        public sealed partial class FootageReview { }
        """)).WithoutPrelude().RunAsync();

    [Fact]
    public Task A_1_to_N_purpose_without_an_identification_mode_is_FC0114_and_1_to_1_needs_none() => new AnalyzerTest(Source(AiAct, $$"""
        [{|FC0114:FacialDataPurpose(FacialProcessingMethod.Identification, {{Texts}}, {{Alternative}})|}]
        public sealed partial class GateSearch { }

        [FacialDataPurpose(FacialProcessingMethod.Identification, {{Texts}}, {{Alternative}}, IdentificationMode = FacialIdentificationMode.NotRemote)]
        public sealed partial class KioskSearch { }

        [FacialDataPurpose(FacialProcessingMethod.Verification, {{Texts}}, {{Alternative}})]
        public sealed partial class GateVerification { }
        """)).WithoutPrelude().RunAsync();

    [Fact]
    public Task Without_EU_AIACT_or_narrowed_away_from_it_nothing_is_reported() => new AnalyzerTest(Source("""
        [assembly: OperatesIn(Jurisdiction.EU, SupervisoryAuthority = "Authority")]
        [assembly: OperatesIn(Jurisdiction.EU_AIACT)]
        """, $$"""
        [FacialDataPurpose(FacialProcessingMethod.AttributeAnalysis, {{Texts}},
            Attributes = FacialAttributes.TradeUnionMembership, Jurisdictions = new[] { Jurisdiction.EU }, ProvisionRequirementEn = "Voluntary")]
        public sealed partial class UnionGuessOutsideTheAiAct { }

        [FacialDataPurpose(FacialProcessingMethod.Identification, {{Texts}}, {{Alternative}}, Jurisdictions = new[] { Jurisdiction.EU }, ProvisionRequirementEn = "Voluntary")]
        public sealed partial class GateSearch { }
        """)).WithoutPrelude().RunAsync();

    [Fact]
    public Task A_project_that_declares_no_EU_AIACT_gets_none_of_the_AI_Act_rules() => new AnalyzerTest(Source("""[assembly: OperatesIn(Jurisdiction.EU, SupervisoryAuthority = "Authority")]""", $$"""
        [FacialDataPurpose(FacialProcessingMethod.AttributeAnalysis, {{Texts}},
            Attributes = FacialAttributes.Expression, Contexts = FacialUseContexts.Workplace, ProvisionRequirementEn = "Voluntary")]
        public sealed partial class StaffMood { }
        """)).WithoutPrelude().RunAsync();

    [Theory]
    [InlineData("2025-02-01", false, false)]
    [InlineData("2025-02-02", true, false)]
    [InlineData("2026-08-02", true, true)]
    public async Task The_law_date_decides_the_bans_from_2025_02_02_and_the_identification_mode_from_the_Annex_III_date(string lawDate, bool ban, bool mode)
    {
        var banned = ban ? "{|FC0111:FacialDataPurpose" : "FacialDataPurpose";
        var bannedEnd = ban ? ")|}]" : ")]";
        var search = mode ? "{|FC0114:FacialDataPurpose" : "FacialDataPurpose";
        var searchEnd = mode ? ")|}]" : ")]";
        await new AnalyzerTest(Source(AiAct, $$"""
            [{{banned}}(FacialProcessingMethod.AttributeAnalysis, {{Texts}},
                Attributes = FacialAttributes.Expression, Contexts = FacialUseContexts.Workplace{{bannedEnd}}
            public sealed partial class StaffMood { }

            [{{search}}(FacialProcessingMethod.Identification, {{Texts}}, {{Alternative}}{{searchEnd}}
            public sealed partial class GateSearch { }
            """)).WithoutPrelude().WithEditorConfig($"""
            is_global = true
            build_property.FaceComplianceLawDate = {lawDate}
            """).RunAsync();
    }
}
