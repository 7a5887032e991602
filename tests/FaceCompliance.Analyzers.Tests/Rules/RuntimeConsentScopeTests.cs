using System.Threading.Tasks;
using FaceCompliance.Analyzers.Tests.Harness;
using Xunit;

namespace FaceCompliance.Analyzers.Tests.Rules;

/// <summary>
/// The runtime's checks (FaceCompliance.dll, referenced as a package would be) are the checks the rules know:
/// <c>IConsentRegistry.EnsureValid(receipt, scopes)</c> is a consent check for its receipt's purpose and for no other;
/// <c>EnsureValid</c> is guardian-aware (it refuses an unknown age band for a purpose that may involve minors), and
/// <c>EnsureTransferConsent</c> verifies the Transfer scope; <c>ILegalBasisRegistry.RequireBasis</c> is a basis check.
/// </summary>
public sealed class RuntimeConsentScopeTests
{
    [Fact]
    public Task The_scoped_check_is_consent_for_its_receipts_purpose_only() => new AnalyzerTest("""
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

        [FacialDataPurpose(FacialProcessingMethod.Verification,
            DescriptionZh = "访客", DescriptionEn = "Visitors", NecessityZh = "登记", NecessityEn = "Registration",
            ImpactZh = "仅 1:1", ImpactEn = "1:1 only", AlternativeZh = "人工", AlternativeEn = "Desk", RetentionDays = 7)]
        public sealed partial class Visit : IFacialDataPurpose
        {
            public static FacialPurposeInfo Info => throw new NotImplementedException();
        }

        public interface ITemplateComparer
        {
            [ProcessesFacialData(FacialProcessingMethod.Verification)] float Compare(FaceTemplate a, FaceTemplate b);
        }

        [UsesFacialData<Entry>]
        [NonBiometricAlternative(nameof(EnterWithCard))]
        public sealed class Gate(IConsentRegistry consents, ITemplateComparer comparer)
        {
            public bool EnterWithCard(string card) => card.Length == 8;

            public float Checked(ConsentReceipt<Entry> receipt, FaceTemplate a, FaceTemplate b)
            {
                consents.EnsureValid(receipt, FacialConsentScopes.Transfer);
                return comparer.Compare(a, b);
            }

            public float CheckedForAnotherPurpose(ConsentReceipt<Visit> receipt, FaceTemplate a, FaceTemplate b)
            {
                consents.EnsureValid(receipt, FacialConsentScopes.Transfer);
                return {|FC0006:comparer.Compare(a, b)|};
            }
        }
        """).WithoutPrelude().RunAsync();

    [Fact]
    public Task The_runtime_checks_are_guardian_aware_scoped_and_basis_checks() => new AnalyzerTest("""
        using System;
        using FaceCompliance;

        [assembly: FacialDataProcessor("示例学校", "privacy@example.com")]

        [FacialDataPurpose(FacialProcessingMethod.Verification, Storage = FacialDataStorage.Server,
            DescriptionZh = "核验学生", DescriptionEn = "Verify pupils", NecessityZh = "校门", NecessityEn = "School gate",
            ImpactZh = "仅 1:1", ImpactEn = "1:1 only", AlternativeZh = "刷卡", AlternativeEn = "Card", RetentionDays = 30,
            TransferRecipientZh = "区教育云", TransferRecipientEn = "The district education cloud",
            MayInvolveMinors = true, MinorsRulesZh = "监护人同意后登记", MinorsRulesEn = "Enrolled after a guardian consents")]
        public sealed partial class SchoolGate : IFacialDataPurpose
        {
            public static FacialPurposeInfo Info => throw new NotImplementedException();
        }

        [FacialDataPurpose(FacialProcessingMethod.Detection, LegalBasis = FacialLegalBasis.LegalDuty,
            LegalBasisLawZh = "《消防法》", LegalBasisLawEn = "Fire Protection Law",
            DescriptionZh = "疏散计数", DescriptionEn = "Evacuation count", NecessityZh = "消防", NecessityEn = "Fire safety",
            ImpactZh = "只计数", ImpactEn = "Counting only", RetentionDays = 1)]
        public sealed partial class Evacuation : IFacialDataPurpose
        {
            public static FacialPurposeInfo Info => throw new NotImplementedException();
        }

        public interface ITemplateComparer
        {
            [ProcessesFacialData(FacialProcessingMethod.Verification)] float Compare(FaceTemplate a, FaceTemplate b);
        }

        public interface ICloudMatcher
        {
            [ProcessesFacialData(FacialProcessingMethod.Verification, OffDevice = true)] bool Match(FaceTemplate probe, FaceTemplate enrolled);
        }

        [UsesFacialData<SchoolGate>]
        [NonBiometricAlternative(nameof(EnterWithCard))]
        public sealed class Gate(IConsentRegistry consents, ICloudMatcher cloud, ITemplateComparer comparer)
        {
            public bool EnterWithCard(string card) => card.Length == 8;

            public float OnDevice(ConsentReceipt<SchoolGate> receipt, FaceTemplate a, FaceTemplate b)
            {
                consents.EnsureValid(receipt);
                return comparer.Compare(a, b);
            }

            public bool InTheCloud(ConsentReceipt<SchoolGate> receipt, FaceTemplate a, FaceTemplate b)
            {
                consents.EnsureTransferConsent(receipt);
                return cloud.Match(a, b);
            }

            public bool InTheCloudWithoutTheTransferScope(ConsentReceipt<SchoolGate> receipt, FaceTemplate a, FaceTemplate b)
            {
                consents.EnsureValid(receipt);
                return {|FC0018:cloud.Match(a, b)|};
            }
        }

        public interface ICounter
        {
            [ProcessesFacialData(FacialProcessingMethod.Detection)] int Count(FaceImage image);
        }

        [UsesFacialData<Evacuation>]
        public sealed class Drill(ILegalBasisRegistry bases, IConsentRegistry consents, ICounter counter)
        {
            public int Count(FaceImage image)
            {
                bases.RequireBasis<Evacuation>();
                return counter.Count(image);
            }

            public int CountWithConsent(ConsentReceipt<Evacuation> receipt, FaceImage image)
            {
                consents.EnsureValid(receipt);
                return {|FC0002:counter.Count(image)|};
            }
        }
        """).WithoutPrelude().RunAsync();
}
