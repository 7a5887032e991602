using System;
using System.Linq;
using System.Reflection;
using FaceCompliance.Generators.Tests.Harness;
using Xunit;

namespace FaceCompliance.Generators.Tests;

/// <summary>
/// The documents of the US state biometric laws, generated per purpose from its declarations and the jurisdictions it
/// serves: the public retention and destruction policy (BIPA §15(a), Colorado) and the written notice and release
/// (BIPA §15(b), Texas, Colorado), compared with reviewed snapshots; and the purpose's jurisdictions for the runtime.
/// </summary>
public sealed class UsBiometricDocumentTests
{
    private const string Processor = """
        using FaceCompliance;
        [assembly: FacialDataProcessor("Acme Logistics", "privacy@acme.example", NameEn = "Acme Logistics Inc.")]
        """;

    private const string Purpose = """
        namespace Demo;
        [FaceCompliance.FacialDataPurpose(FaceCompliance.FacialProcessingMethod.Verification,
            DescriptionZh = "考勤", DescriptionEn = "Record drivers' shifts", NecessityZh = "确认身份", NecessityEn = "Establish identity",
            ImpactZh = "仅用于考勤", ImpactEn = "Shifts only", AlternativeZh = "刷卡", AlternativeEn = "Use your badge instead.",
            RetentionDays = 730)]
        [FaceCompliance.FacialDataRecipient("bank", NameZh = "银行", NameEn = "First Bank", Contact = "privacy@bank.example",
            PurposeZh = "发薪", PurposeEn = "Pay wages the driver asked to be paid by face-verified transfer",
            Method = FaceCompliance.FacialProcessingMethod.Verification, DataCategories = FaceCompliance.FacialDataCategories.FaceTemplate,
            DisclosureBasis = FaceCompliance.FacialDisclosureBasis.RequestedFinancialTransaction)]
        public sealed partial class Shift { }
        """;

    [Fact]
    public void The_time_clocks_policy_and_release_match_the_reviewed_snapshots()
    {
        var (_, output) = GeneratorHarness.Run(GeneratorHarness.CompileSample("TimeClock"), additionalTexts: GeneratorHarness.SampleApprovedNotices("TimeClock"));
        var assembly = GeneratedAssembly.Load(output);

        Assert.Equal(["US-IL"], GeneratedAssembly.Purposes(assembly).Single().Jurisdictions);
        Snapshot.VerifyAll(
        [
            ("TimeClock/ClockIn.policy", "md", Constant(assembly, "TimeClock.ClockIn", "BiometricRetentionPolicy")),
            ("TimeClock/ClockIn.release", "md", Constant(assembly, "TimeClock.ClockIn", "WrittenReleaseForm")),
        ]);
    }

    [Fact]
    public void Texas_and_Colorado_are_parameters_of_the_same_documents_with_the_unconfirmed_figures_marked()
    {
        var (_, output) = GeneratorHarness.Run(GeneratorHarness.Compile(Processor + """

            [assembly: OperatesIn(Jurisdiction.US_IL, PublicRetentionPolicyUrl = "https://acme.example/il-biometrics")]
            [assembly: OperatesIn(Jurisdiction.US_TX)]
            [assembly: OperatesIn(Jurisdiction.US_CO, PublicRetentionPolicyUrl = "https://acme.example/co-biometrics")]
            """, Purpose));
        var assembly = GeneratedAssembly.Load(output);
        var policy = Constant(assembly, "Demo.Shift", "BiometricRetentionPolicy");
        var release = Constant(assembly, "Demo.Shift", "WrittenReleaseForm");

        // Sorted by profile id, as FacialPurposeInfo.Jurisdictions documents.
        Assert.Equal(["US-CO", "US-IL", "US-TX"], GeneratedAssembly.Purposes(assembly).Single().Jurisdictions);
        // The merge: the earliest deadline per anchor, from the profile that sets it, Colorado's marked UNCONFIRMED.
        Assert.Contains("| 2 years (24 months) after the person's last interaction **(UNCONFIRMED", policy, StringComparison.Ordinal);
        Assert.Contains("| 45 days after deciding that storage is no longer necessary **(UNCONFIRMED", policy, StringComparison.Ordinal);
        Assert.Contains("US-TX: 1 year (12 months) after the purpose expires", policy, StringComparison.Ordinal);
        Assert.Contains("incident-response protocol", policy, StringComparison.Ordinal);
        Assert.Contains("**TO COMPLETE**", policy, StringComparison.Ordinal);
        Assert.Contains("allows: RequestedFinancialTransaction, RequiredByLaw", policy, StringComparison.Ordinal);
        Assert.Contains("Texas: inform and obtain consent before capture", release, StringComparison.Ordinal);
        Assert.Contains("The retention and destruction policy (US-CO): https://acme.example/co-biometrics", release, StringComparison.Ordinal);
        Snapshot.VerifyAll(
        [
            ("UsStates/Shift.policy", "md", policy),
            ("UsStates/Shift.release", "md", release),
        ]);
    }

    [Fact]
    public void Texas_alone_asks_consent_not_a_written_release()
    {
        var (_, output) = GeneratorHarness.Run(GeneratorHarness.Compile(Processor + "\n[assembly: OperatesIn(Jurisdiction.US_TX)]", Purpose));
        var release = Constant(GeneratedAssembly.Load(output), "Demo.Shift", "WrittenReleaseForm");

        Assert.Contains("## Consent", release, StringComparison.Ordinal);
        Assert.DoesNotContain("## Written release", release, StringComparison.Ordinal);
        Assert.Contains("1 year (12 months) after the purpose expires", release, StringComparison.Ordinal);
    }

    [Fact]
    public void A_purpose_narrowed_away_from_the_US_states_or_without_jurisdictions_gets_no_US_documents()
    {
        var narrowed = Purpose.Replace("RetentionDays = 730)]", "RetentionDays = 730, Jurisdictions = new[] { FaceCompliance.Jurisdiction.CN })]", StringComparison.Ordinal);
        var (_, output) = GeneratorHarness.Run(GeneratorHarness.Compile(Processor + """

            [assembly: OperatesIn(Jurisdiction.CN)]
            [assembly: OperatesIn(Jurisdiction.US_IL, PublicRetentionPolicyUrl = "https://acme.example/il-biometrics")]
            """, narrowed));
        var assembly = GeneratedAssembly.Load(output);
        Assert.Equal(["CN"], GeneratedAssembly.Purposes(assembly).Single().Jurisdictions);
        Assert.Null(assembly.GetType("Demo.Shift", throwOnError: true)!.GetField("BiometricRetentionPolicy"));

        var (_, undeclared) = GeneratorHarness.Run(GeneratorHarness.Compile(Processor, Purpose));
        Assert.Empty(GeneratedAssembly.Purposes(GeneratedAssembly.Load(undeclared)).Single().Jurisdictions);
    }

    private static string Constant(Assembly assembly, string type, string name)
        => (string)assembly.GetType(type, throwOnError: true)!.GetField(name, BindingFlags.Public | BindingFlags.Static)!.GetRawConstantValue()!;
}
