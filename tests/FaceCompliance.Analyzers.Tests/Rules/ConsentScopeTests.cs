using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using FaceCompliance.Analyzers.Tests.Harness;
using Xunit;

namespace FaceCompliance.Analyzers.Tests.Rules;

/// <summary>
/// FC0018: a use that sends facial data off the device needs, on every path before it, a consent check that verifies
/// the separate consent to the transfer (FacialConsentScopes.Transfer) for the use's purpose.
/// </summary>
public sealed class ConsentScopeTests
{
    /// <summary>A cloud purpose that declares its transfer (FC0013 is satisfied), a cloud API and scope-aware checks.</summary>
    private const string Declarations = """
        using FaceCompliance;

        [FacialDataPurpose(FacialProcessingMethod.Verification,
            DescriptionZh = "远程核验住户", DescriptionEn = "Verify residents remotely", NecessityZh = "门禁", NecessityEn = "The gate",
            ImpactZh = "人脸图像传至云端比对", ImpactEn = "Face images are compared in the cloud", RetentionDays = 30,
            AlternativeZh = "刷卡", AlternativeEn = "Tap a card", Storage = FacialDataStorage.Server,
            TransferRecipientZh = "某云服务（北京区域）", TransferRecipientEn = "A cloud service (Beijing region)")]
        public sealed partial class CloudEntry { }

        [FacialDataPurpose(FacialProcessingMethod.Verification,
            DescriptionZh = "依法核验旅客", DescriptionEn = "Verify travellers as the law requires", NecessityZh = "法定义务", NecessityEn = "A legal duty",
            ImpactZh = "人脸图像传至云端比对", ImpactEn = "Face images are compared in the cloud", RetentionDays = 30,
            AlternativeZh = "人工核验", AlternativeEn = "A manual check", Storage = FacialDataStorage.Server,
            TransferRecipientZh = "某云服务（北京区域）", TransferRecipientEn = "A cloud service (Beijing region)",
            LegalBasis = FacialLegalBasis.LegalDuty, LegalBasisLawZh = "某法第十条", LegalBasisLawEn = "Article 10 of a law")]
        public sealed partial class DutyCheck { }

        public sealed class CloudApi
        {
            [ProcessesFacialData(FacialProcessingMethod.Verification, OffDevice = true)] public bool Verify(byte[] image) => true;
        }

        public interface IScopedBook
        {
            [FacialConsentCheck(Scopes = FacialConsentScopes.Transfer | FacialConsentScopes.ImageRetention)] bool HasTransferAndImages<TPurpose>(string subject);
            [FacialConsentCheck(Scopes = FacialConsentScopes.ImageRetention)] void EnsureImages<TPurpose>(string subject);
            [FacialBasisCheck] void EnsureGrant<TPurpose>(string subject);
        }
        """;

    private static AnalyzerTest Test(string members, string purpose = "CloudEntry") => new AnalyzerTest($$"""
        using FaceCompliance;

        [UsesFacialData<{{purpose}}>]
        [NonBiometricAlternative(nameof(EnterWithCard))]
        public class CloudGate(CloudApi api, IConsentBook consent, IScopedBook scoped)
        {
            public bool EnterWithCard(string card) => card.Length > 0;

        {{members}}
        }
        """).WithSource("Declarations.cs", Declarations);

    [Fact]
    public async Task A_consent_check_without_the_transfer_scope_is_FC0018()
    {
        var diagnostics = await Test("""
                public bool Enter(string id, byte[] image)
                {
                    consent.Ensure<CloudEntry>(id);
                    return {|FC0018:api.Verify(image)|};
                }
            """).RunAsync();

        Assert.Equal(
            "'CloudApi.Verify' sends facial data off the device, which needs the person's separate consent (FacialConsentScopes.Transfer), but no consent check for 'CloudEntry' that verifies it holds on every path before it (Measures, Article 8; PIPL, Articles 29 and 39)",
            diagnostics.Single().GetMessage(CultureInfo.InvariantCulture));
    }

    [Fact]
    public Task A_check_of_the_transfer_scope_is_not_reported() => Test("""
            public bool Enter(string id, byte[] image)
            {
                consent.EnsureTransfer<CloudEntry>(id);
                return api.Verify(image);
            }
        """).RunAsync();

    [Fact]
    public Task A_check_of_several_scopes_that_include_the_transfer_counts_where_true() => Test("""
            public bool Enter(string id, byte[] image)
            {
                if (!scoped.HasTransferAndImages<CloudEntry>(id)) return false;
                return api.Verify(image);
            }
        """).RunAsync();

    [Fact]
    public Task A_check_of_another_scope_is_FC0018() => Test("""
            public bool Enter(string id, byte[] image)
            {
                scoped.EnsureImages<CloudEntry>(id);
                return {|FC0018:api.Verify(image)|};
            }
        """).RunAsync();

    [Fact]
    public Task A_transfer_check_on_one_path_only_is_FC0018() => Test("""
            public bool Enter(string id, byte[] image, bool first)
            {
                if (first) { consent.EnsureTransfer<CloudEntry>(id); }
                else { consent.Ensure<CloudEntry>(id); }
                return {|FC0018:api.Verify(image)|};
            }
        """).RunAsync();

    [Fact]
    public Task A_transfer_check_for_another_purpose_is_FC0018() => Test("""
            public bool Enter(string id, byte[] image)
            {
                consent.Ensure<CloudEntry>(id);
                consent.EnsureTransfer<CommunityEntry>(id);
                return {|FC0018:api.Verify(image)|};
            }
        """).RunAsync();

    [Fact]
    public Task No_check_at_all_is_FC0002_alone() => Test("""
            public bool Enter(byte[] image) => {|FC0002:api.Verify(image)|};
        """).RunAsync();

    [Fact]
    public Task A_use_on_the_device_needs_no_scope() => AnalyzerTest.VerifyAsync(Snippets.InGate("""
            public bool Enter(string id, Frame frame, Template t)
            {
                consent.Ensure<CommunityEntry>(id);
                return engine.Verify(frame, t);
            }
        """));

    [Fact]
    public Task Under_another_legal_basis_the_transfer_still_needs_its_separate_consent() => Test("""
            public bool Enter(string id, byte[] image)
            {
                scoped.EnsureGrant<DutyCheck>(id);
                return {|FC0018:api.Verify(image)|};
            }

            public bool EnterWithConsentToTheTransfer(string id, byte[] image)
            {
                scoped.EnsureGrant<DutyCheck>(id);
                consent.EnsureTransfer<DutyCheck>(id);
                return api.Verify(image);
            }
        """, purpose: "DutyCheck").RunAsync();

    [Fact]
    public Task A_wrapper_that_declares_the_transfer_moves_the_scope_to_its_callers() => Test("""
            public bool Enter(string id, byte[] image)
            {
                consent.Ensure<CloudEntry>(id);
                return {|FC0018:Send(image)|};
            }

            public bool EnterWithTransferConsent(string id, byte[] image)
            {
                consent.EnsureTransfer<CloudEntry>(id);
                return Send(image);
            }

            [ProcessesFacialData(FacialProcessingMethod.Verification, OffDevice = true)]
            private bool Send(byte[] image) => api.Verify(image);
        """).RunAsync();

    [Fact]
    public Task Inside_a_member_that_requires_consent_the_transfer_scope_is_checked_there_since_callers_cannot_see_it() => Test("""
            [RequiresFacialConsent]
            public bool Send(byte[] image) => {|FC0018:api.Verify(image)|};

            [RequiresFacialConsent]
            public bool SendAfterTheTransferCheck(string id, byte[] image)
            {
                consent.EnsureTransfer<CloudEntry>(id);
                return api.Verify(image);
            }

            public bool Enter(string id, byte[] image)
            {
                consent.EnsureTransfer<CloudEntry>(id);
                return Send(image) && SendAfterTheTransferCheck(id, image);
            }
        """).RunAsync();
}
