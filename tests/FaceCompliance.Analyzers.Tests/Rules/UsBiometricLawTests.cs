using System.Threading.Tasks;
using FaceCompliance.Analyzers.Tests.Harness;
using Xunit;

namespace FaceCompliance.Analyzers.Tests.Rules;

/// <summary>FC0130 (public retention policy), FC0131 (no profit from biometric data), FC0132 (disclosure grounds).</summary>
public sealed class UsBiometricLawTests
{
    private const string Processor = """[assembly: FacialDataProcessor("Acme Time Inc.", "privacy@acme.example")]""";

    private const string PurposeArguments = """
        DescriptionZh = "考勤", DescriptionEn = "Attendance", NecessityZh = "确认身份", NecessityEn = "Establish identity",
        ImpactZh = "仅用于考勤", ImpactEn = "Attendance only", AlternativeZh = "打卡", AlternativeEn = "Clock in with a badge", RetentionDays = 30
        """;

    private const string RecipientArguments = """
        NameZh = "薪资服务商", NameEn = "Payroll Co.", Contact = "dpo@payroll.example", PurposeZh = "核对工时", PurposeEn = "Check hours",
        Method = FacialProcessingMethod.Verification, DataCategories = FacialDataCategories.FaceTemplate
        """;

    [Fact]
    public async Task Illinois_without_a_policy_url_is_FC0130_citing_section_15a()
    {
        var diagnostics = await new AnalyzerTest($$"""
            using FaceCompliance;

            {{Processor}}
            [assembly: OperatesIn(Jurisdiction.US_IL)]

            [{|FC0130:FacialDataPurpose(FacialProcessingMethod.Verification, {{PurposeArguments}})|}]
            public sealed partial class Attendance { }
            """).WithoutPrelude().RunAsync();

        var message = Assert.Single(diagnostics).GetMessage();
        Assert.Contains("US-IL", message, System.StringComparison.Ordinal);
        Assert.Contains("IL-15A-POLICY", message, System.StringComparison.Ordinal);
        Assert.Contains("OperatesIn(Jurisdiction.US_IL)", message, System.StringComparison.Ordinal);
    }

    [Fact]
    public Task Colorado_with_a_relative_url_is_FC0130_and_Texas_needs_no_policy() => new AnalyzerTest($$"""
        using FaceCompliance;

        {{Processor}}
        [assembly: OperatesIn(Jurisdiction.US_CO, PublicRetentionPolicyUrl = "/biometrics")]
        [assembly: OperatesIn(Jurisdiction.US_TX)]

        [{|FC0130:FacialDataPurpose(FacialProcessingMethod.Verification, {{PurposeArguments}})|}]
        public sealed partial class Attendance { }

        [FacialDataPurpose(FacialProcessingMethod.Verification, {{PurposeArguments}}, Jurisdictions = new[] { Jurisdiction.US_TX })]
        public sealed partial class TexasOnly { }
        """).WithoutPrelude().RunAsync();

    [Fact]
    public Task Illinois_with_a_public_policy_url_and_China_alone_are_not_FC0130() => new AnalyzerTest($$"""
        using FaceCompliance;

        {{Processor}}
        [assembly: OperatesIn(Jurisdiction.US_IL, PublicRetentionPolicyUrl = "https://acme.example/biometric-policy")]
        [assembly: OperatesIn(Jurisdiction.CN)]

        [FacialDataPurpose(FacialProcessingMethod.Verification, {{PurposeArguments}})]
        public sealed partial class Attendance { }
        """).WithoutPrelude().RunAsync();

    [Fact]
    public async Task A_recipient_for_profit_under_Illinois_is_FC0131()
    {
        var diagnostics = await new AnalyzerTest($$"""
            using FaceCompliance;

            {{Processor}}
            [assembly: OperatesIn(Jurisdiction.US_IL, PublicRetentionPolicyUrl = "https://acme.example/biometric-policy")]

            [FacialDataPurpose(FacialProcessingMethod.Verification, {{PurposeArguments}})]
            [{|FC0131:FacialDataRecipient("broker", {{RecipientArguments}}, DisclosureBasis = FacialDisclosureBasis.SubjectConsent, ForProfit = true)|}]
            public sealed partial class Attendance { }
            """).WithoutPrelude().RunAsync();

        Assert.Contains("IL-15C-NOPROFIT", Assert.Single(diagnostics).GetMessage(), System.StringComparison.Ordinal);
    }

    [Fact]
    public Task A_recipient_for_profit_under_China_alone_is_not_FC0131() => new AnalyzerTest($$"""
        using FaceCompliance;

        {{Processor}}
        [assembly: OperatesIn(Jurisdiction.CN)]

        [FacialDataPurpose(FacialProcessingMethod.Verification, {{PurposeArguments}})]
        [FacialDataRecipient("broker", {{RecipientArguments}}, ForProfit = true)]
        public sealed partial class Attendance { }
        """).WithoutPrelude().RunAsync();

    [Fact]
    public async Task A_ground_Illinois_does_not_list_or_none_is_FC0132()
    {
        var diagnostics = await new AnalyzerTest($$"""
            using FaceCompliance;

            {{Processor}}
            [assembly: OperatesIn(Jurisdiction.US_IL, PublicRetentionPolicyUrl = "https://acme.example/biometric-policy")]

            [FacialDataPurpose(FacialProcessingMethod.Verification, {{PurposeArguments}})]
            [{|FC0132:FacialDataRecipient("vendor", {{RecipientArguments}}, DisclosureBasis = FacialDisclosureBasis.ProcessorWithinConsentedPurpose)|}]
            [{|FC0132:FacialDataRecipient("payroll", {{RecipientArguments}})|}]
            [FacialDataRecipient("police", {{RecipientArguments}}, DisclosureBasis = FacialDisclosureBasis.WarrantOrSubpoena)]
            public sealed partial class Attendance { }
            """).WithoutPrelude().RunAsync();

        Assert.All(diagnostics, diagnostic => Assert.Contains("SubjectConsent, RequestedFinancialTransaction, RequiredByLaw, WarrantOrSubpoena", diagnostic.GetMessage(), System.StringComparison.Ordinal));
        Assert.Contains(diagnostics, diagnostic => diagnostic.GetMessage().Contains("ground Unspecified", System.StringComparison.Ordinal));
    }

    [Fact]
    public async Task Illinois_and_Texas_together_allow_only_the_grounds_both_list()
    {
        // Consent is a ground in Illinois, not in Texas: only the intersection remains.
        var diagnostics = await new AnalyzerTest($$"""
            using FaceCompliance;

            {{Processor}}
            [assembly: OperatesIn(Jurisdiction.US_IL, PublicRetentionPolicyUrl = "https://acme.example/biometric-policy")]
            [assembly: OperatesIn(Jurisdiction.US_TX)]

            [FacialDataPurpose(FacialProcessingMethod.Verification, {{PurposeArguments}})]
            [{|FC0132:FacialDataRecipient("payroll", {{RecipientArguments}}, DisclosureBasis = FacialDisclosureBasis.SubjectConsent)|}]
            [FacialDataRecipient("bank", {{RecipientArguments}}, DisclosureBasis = FacialDisclosureBasis.RequestedFinancialTransaction)]
            public sealed partial class Attendance { }

            [FacialDataPurpose(FacialProcessingMethod.Verification, {{PurposeArguments}}, Jurisdictions = new[] { Jurisdiction.US_IL })]
            [FacialDataRecipient("payroll", {{RecipientArguments}}, DisclosureBasis = FacialDisclosureBasis.SubjectConsent)]
            public sealed partial class IllinoisOnly { }
            """).WithoutPrelude().RunAsync();

        var message = Assert.Single(diagnostics).GetMessage();
        Assert.Contains("allow only RequestedFinancialTransaction, RequiredByLaw, WarrantOrSubpoena", message, System.StringComparison.Ordinal);
    }

    [Fact]
    public Task Without_declared_jurisdictions_recipients_need_no_ground() => new AnalyzerTest($$"""
        using FaceCompliance;

        {{Processor}}

        [FacialDataPurpose(FacialProcessingMethod.Verification, {{PurposeArguments}})]
        [FacialDataRecipient("payroll", {{RecipientArguments}}, ForProfit = true)]
        public sealed partial class Attendance { }
        """).WithoutPrelude().RunAsync();
}
