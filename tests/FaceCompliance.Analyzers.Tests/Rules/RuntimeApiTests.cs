using System.Threading.Tasks;
using FaceCompliance.Analyzers.Tests.Harness;
using Xunit;

namespace FaceCompliance.Analyzers.Tests.Rules;

/// <summary>
/// The runtime's own APIs (FaceCompliance.dll, referenced as a package would be) are processing APIs to the
/// analyzers: a receipt argument is consent for its purpose, a missing purpose is FC0001, a 1:1 call under a
/// detection purpose is FC0005.
/// </summary>
public sealed class RuntimeApiTests
{
    private const string Declarations = """
        using System;
        using FaceCompliance;

        [assembly: FacialDataProcessor("示例物业", "privacy@example.com")]

        [FacialDataPurpose(FacialProcessingMethod.Verification,
            DescriptionZh = "核验住户", DescriptionEn = "Verify residents", NecessityZh = "门禁", NecessityEn = "Gate",
            ImpactZh = "仅 1:1", ImpactEn = "1:1 only", AlternativeZh = "刷卡", AlternativeEn = "Card", RetentionDays = 30)]
        public sealed partial class Entry : IFacialDataPurpose
        {
            public static FacialPurposeInfo Info => throw new NotImplementedException();
        }

        [FacialDataPurpose(FacialProcessingMethod.Detection,
            DescriptionZh = "计数", DescriptionEn = "Count", NecessityZh = "人流", NecessityEn = "Crowds",
            ImpactZh = "不识别", ImpactEn = "No identification", RetentionDays = 1)]
        public sealed partial class Counting : IFacialDataPurpose
        {
            public static FacialPurposeInfo Info => throw new NotImplementedException();
        }

        """;

    [Fact]
    public Task A_receipt_argument_is_consent_for_the_store() => new AnalyzerTest(Declarations + """
        [UsesFacialData<Entry>]
        [NonBiometricAlternative(nameof(EnterWithCard))]
        public sealed class Gate(IFaceTemplateStore templates)
        {
            public bool EnterWithCard(string card) => card.Length == 8;

            public bool EnterByFace(ConsentReceipt<Entry> receipt, FaceTemplate probe) => templates.Verify(receipt, probe, 0.5f).IsMatch;

            public string Enrol(ConsentReceipt<Entry> receipt, FaceTemplate template) => templates.Enroll(receipt, template);
        }
        """).WithoutPrelude().RunAsync();

    [Fact]
    public Task The_store_without_a_declared_purpose_is_FC0001() => new AnalyzerTest(Declarations + """
        [NonBiometricAlternative(nameof(EnterWithCard))]
        public sealed class Gate(IFaceTemplateStore templates)
        {
            public bool EnterWithCard(string card) => card.Length == 8;

            public FaceVerification Check(ConsentReceipt<Entry> receipt, FaceTemplate probe) => {|FC0001:templates.Verify(receipt, probe, 0.5f)|};
        }
        """).WithoutPrelude().RunAsync();

    [Fact]
    public Task Comparing_templates_needs_consent_for_the_declared_purpose() => new AnalyzerTest(Declarations + """
        public interface ITemplateComparer
        {
            [ProcessesFacialData(FacialProcessingMethod.Verification)] float Compare(FaceTemplate a, FaceTemplate b);
        }

        [UsesFacialData<Entry>]
        [NonBiometricAlternative(nameof(EnterWithCard))]
        public sealed class Gate(IConsentRegistry consents, ITemplateComparer comparer)
        {
            public bool EnterWithCard(string card) => card.Length == 8;

            public float Unchecked(FaceTemplate a, FaceTemplate b) => {|FC0002:comparer.Compare(a, b)|};

            public float Checked(ConsentReceipt<Entry> receipt, FaceTemplate a, FaceTemplate b)
            {
                consents.EnsureValid(receipt);
                return comparer.Compare(a, b);
            }
        }
        """).WithoutPrelude().RunAsync();

    [Fact]
    public Task A_one_to_one_call_under_a_detection_purpose_is_FC0005() => new AnalyzerTest(Declarations + """
        [UsesFacialData<Counting>]
        [NonBiometricAlternative(nameof(EnterWithCard))]
        public sealed class Lobby(IFaceTemplateStore templates)
        {
            public bool EnterWithCard(string card) => card.Length == 8;

            public FaceVerification Misuse(ConsentReceipt<Counting> receipt, FaceTemplate probe) => {|FC0005:templates.Verify(receipt, probe, 0.5f)|};
        }
        """).WithoutPrelude().RunAsync();
}
