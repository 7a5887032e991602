using System.Threading.Tasks;
using FaceCompliance.Analyzers.Tests.Harness;
using Xunit;

namespace FaceCompliance.Analyzers.Tests.Rules;

/// <summary>FC0120 (a GDPR Art. 13 element not declared) and FC0121 (an EU purpose not based on explicit consent).</summary>
public sealed class GdprNoticeTests
{
    private const string Processor = """[assembly: FacialDataProcessor("Example GmbH", "privacy@example.eu")]""";

    private const string Authority = """SupervisoryAuthority = "Der Hamburgische Beauftragte für Datenschutz, https://datenschutz-hamburg.de" """;

    private const string PurposeArguments = """
        DescriptionZh = "门禁", DescriptionEn = "Office entry", NecessityZh = "确认身份", NecessityEn = "Establish identity",
        ImpactZh = "仅用于门禁", ImpactEn = "Entry only", AlternativeZh = "刷卡", AlternativeEn = "Use your badge", RetentionDays = 30
        """;

    private const string Provision = """ProvisionRequirementEn = "Not required: face entry is optional; without it, use your badge." """;

    [Fact]
    public async Task A_verification_purpose_under_the_EU_without_the_authority_and_the_provision_requirement_is_FC0120()
    {
        var diagnostics = await new AnalyzerTest($$"""
            using FaceCompliance;

            {{Processor}}
            [assembly: OperatesIn(Jurisdiction.EU)]

            [{|FC0120:FacialDataPurpose(FacialProcessingMethod.Verification, {{PurposeArguments}})|}]
            public sealed partial class OfficeEntry { }
            """).WithoutPrelude().RunAsync();

        var message = Assert.Single(diagnostics).GetMessage();
        Assert.Contains("SupervisoryAuthority (Art. 13(2)(d))", message, System.StringComparison.Ordinal);
        Assert.Contains("ProvisionRequirementEn (Art. 13(2)(e))", message, System.StringComparison.Ordinal);
    }

    [Fact]
    public async Task FC0120_names_only_what_is_missing()
    {
        var diagnostics = await new AnalyzerTest($$"""
            using FaceCompliance;

            {{Processor}}
            [assembly: OperatesIn(Jurisdiction.EU, {{Authority}})]

            [{|FC0120:FacialDataPurpose(FacialProcessingMethod.Identification, {{PurposeArguments}})|}]
            public sealed partial class OfficeEntry { }
            """).WithoutPrelude().RunAsync();

        var message = Assert.Single(diagnostics).GetMessage();
        Assert.DoesNotContain("SupervisoryAuthority", message, System.StringComparison.Ordinal);
        Assert.Contains("ProvisionRequirementEn", message, System.StringComparison.Ordinal);
    }

    [Fact]
    public Task A_complete_EU_purpose_based_on_consent_is_not_reported() => new AnalyzerTest($$"""
        using FaceCompliance;

        {{Processor}}
        [assembly: OperatesIn(Jurisdiction.EU, {{Authority}}, DataProtectionOfficerContact = "dpo@example.eu")]

        [FacialDataPurpose(FacialProcessingMethod.Verification, {{PurposeArguments}}, {{Provision}})]
        public sealed partial class OfficeEntry { }
        """).WithoutPrelude().RunAsync();

    [Fact]
    public Task A_purpose_narrowed_away_from_the_EU_or_an_assembly_without_the_EU_is_not_reported() => new AnalyzerTest($$"""
        using FaceCompliance;

        {{Processor}}
        [assembly: OperatesIn(Jurisdiction.CN)]
        [assembly: OperatesIn(Jurisdiction.EU)]

        [FacialDataPurpose(FacialProcessingMethod.Verification, {{PurposeArguments}}, Jurisdictions = new[] { Jurisdiction.CN },
            LegalBasis = FacialLegalBasis.ContractOrEmployment, LegalBasisLawZh = "劳动合同", LegalBasisLawEn = "Employment contract")]
        public sealed partial class ChinaOnlyEntry { }
        """).WithoutPrelude().RunAsync();

    [Fact]
    public async Task An_EU_purpose_with_another_legal_basis_is_FC0121_naming_it()
    {
        var diagnostics = await new AnalyzerTest($$"""
            using FaceCompliance;

            {{Processor}}
            [assembly: OperatesIn(Jurisdiction.EU, {{Authority}})]

            [{|FC0121:FacialDataPurpose(FacialProcessingMethod.Verification, {{PurposeArguments}}, {{Provision}},
                LegalBasis = FacialLegalBasis.ContractOrEmployment, LegalBasisLawZh = "劳动合同", LegalBasisLawEn = "Employment contract")|}]
            public sealed partial class Attendance { }
            """).WithoutPrelude().RunAsync();

        Assert.Contains("ContractOrEmployment", Assert.Single(diagnostics).GetMessage(), System.StringComparison.Ordinal);
    }
}
