using System.Linq;
using System.Threading.Tasks;
using FaceCompliance.Analyzers.Tests.Harness;
using Xunit;

namespace FaceCompliance.Analyzers.Tests.Rules;

/// <summary>FC0008: the minors' special rules (MayInvolveMinors) and the law relied on (LegalBasis other than Consent) the notice states.</summary>
public sealed class MinorsAndLegalBasisDeclarationTests
{
    private const string Complete = """
        DescriptionZh = "统计", DescriptionEn = "Counting", NecessityZh = "人流", NecessityEn = "Crowds",
        ImpactZh = "无", ImpactEn = "None", RetentionDays = 1
        """;

    [Fact]
    public async Task A_purpose_that_may_involve_minors_without_its_rules_is_FC0008()
    {
        var diagnostics = await new AnalyzerTest($$"""
            using FaceCompliance;

            [assembly: FacialDataProcessor("某某科技有限公司", "privacy@example.com")]

            [{|FC0008:FacialDataPurpose(FacialProcessingMethod.Detection, {{Complete}}, MayInvolveMinors = true, MinorsRulesZh = "仅计数")|}]
            public sealed partial class SchoolCounting { }

            [FacialDataPurpose(FacialProcessingMethod.Detection, {{Complete}}, MayInvolveMinors = true,
                MinorsRulesZh = "仅计数", MinorsRulesEn = "Counting only")]
            public sealed partial class PlaygroundCounting { }

            [FacialDataPurpose(FacialProcessingMethod.Detection, {{Complete}})]
            public sealed partial class OfficeCounting { }
            """).WithoutPrelude().RunAsync();

        Assert.Equal(
            "Purpose 'SchoolCounting' is incomplete: missing MinorsRulesEn (a purpose that may involve people under 14 states the special rules for their information, PIPL Art. 31 §2, in its notice) (Measures, Article 7)",
            diagnostics.Single().GetMessage());
    }

    [Fact]
    public async Task A_purpose_on_another_legal_basis_without_the_law_it_relies_on_is_FC0008()
    {
        var diagnostics = await new AnalyzerTest($$"""
            using FaceCompliance;

            [assembly: FacialDataProcessor("某某科技有限公司", "privacy@example.com")]

            [{|FC0008:FacialDataPurpose(FacialProcessingMethod.Detection, {{Complete}}, LegalBasis = FacialLegalBasis.LegalDuty)|}]
            public sealed partial class DutyCounting { }

            [FacialDataPurpose(FacialProcessingMethod.Detection, {{Complete}}, LegalBasis = FacialLegalBasis.PublicHealthEmergency,
                LegalBasisLawZh = "突发事件应对法", LegalBasisLawEn = "The Emergency Response Law")]
            public sealed partial class EmergencyCounting { }

            [FacialDataPurpose(FacialProcessingMethod.Detection, {{Complete}}, LegalBasis = FacialLegalBasis.Consent)]
            public sealed partial class ConsentCounting { }

            [{|FC0008:FacialDataPurpose(FacialProcessingMethod.Detection, {{Complete}}, LegalBasis = (FacialLegalBasis)42)|}]
            public sealed partial class UnknownBasisCounting { }
            """).WithoutPrelude().RunAsync();

        Assert.Equal(
            "Purpose 'DutyCounting' is incomplete: missing LegalBasisLawZh, LegalBasisLawEn (a purpose whose legal basis is LegalDuty, not consent, names the duty or law it relies on, PIPL Art. 13, in its notice) (Measures, Article 5)",
            diagnostics.First().GetMessage());
        Assert.Equal(
            "Purpose 'UnknownBasisCounting' is incomplete: LegalBasis 42 is none of the legal bases of PIPL Art. 13 (Measures, Article 5)",
            diagnostics.Last().GetMessage());
    }
}
