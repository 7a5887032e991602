using System.Threading.Tasks;
using FaceCompliance.Analyzers.Tests.Harness;
using Xunit;

namespace FaceCompliance.Analyzers.Tests.Rules;

/// <summary>
/// The runtime's scoped consent check, <c>IConsentRegistry.EnsureValid(receipt, scopes)</c> (FaceCompliance.dll,
/// referenced as a package would be), is a consent check for its receipt's purpose and for no other.
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

        [UsesFacialData<Entry>]
        [NonBiometricAlternative(nameof(EnterWithCard))]
        public sealed class Gate(IConsentRegistry consents)
        {
            public bool EnterWithCard(string card) => card.Length == 8;

            public float Checked(ConsentReceipt<Entry> receipt, FaceTemplate a, FaceTemplate b)
            {
                consents.EnsureValid(receipt, FacialConsentScopes.Transfer);
                return a.CosineSimilarity(b);
            }

            public float CheckedForAnotherPurpose(ConsentReceipt<Visit> receipt, FaceTemplate a, FaceTemplate b)
            {
                consents.EnsureValid(receipt, FacialConsentScopes.Transfer);
                return {|FC0006:a.CosineSimilarity(b)|};
            }
        }
        """).WithoutPrelude().RunAsync();
}
