using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using FaceCompliance.Analyzers.Tests.Harness;
using Xunit;

namespace FaceCompliance.Analyzers.Tests.Rules;

/// <summary>
/// A transfer abroad (PIPL Arts. 38-39): FC0008 asks a purpose that declares one for a mechanism of Art. 38, server
/// storage, and the foreign recipient and its country; FC0018 asks an off-device use for such a purpose for the
/// separate consent to the transfer abroad (FacialConsentScopes.CrossBorder) as well as to the transfer.
/// </summary>
public sealed class CrossBorderTests
{
    private const string Complete = """
        DescriptionZh = "远程核验", DescriptionEn = "Remote check", NecessityZh = "门禁", NecessityEn = "The gate",
        ImpactZh = "传至境外比对", ImpactEn = "Compared abroad", RetentionDays = 30, AlternativeZh = "刷卡", AlternativeEn = "Tap a card"
        """;

    private const string Abroad = """
        Storage = FacialDataStorage.Server, TransferRecipientZh = "集团服务器", TransferRecipientEn = "The group's server",
        TransferAbroad = FacialCrossBorderMechanism.StandardContract,
        TransferAbroadRecipientZh = "新加坡某公司（dpo@example.sg）", TransferAbroadRecipientEn = "A Singapore company (dpo@example.sg)",
        TransferAbroadCountryZh = "新加坡", TransferAbroadCountryEn = "Singapore"
        """;

    [Fact]
    public async Task A_transfer_abroad_needs_a_mechanism_server_storage_and_the_foreign_recipient()
    {
        var diagnostics = await new AnalyzerTest($$"""
            using FaceCompliance;

            [assembly: FacialDataProcessor("某某科技有限公司", "privacy@example.com")]

            [FacialDataPurpose(FacialProcessingMethod.Verification, {{Complete}}, {{Abroad}})]
            public sealed partial class DeclaredAbroad { }

            [{|FC0008:FacialDataPurpose(FacialProcessingMethod.Verification, {{Complete}}, TransferAbroad = FacialCrossBorderMechanism.SecurityAssessment,
                TransferAbroadRecipientZh = "某公司", TransferAbroadRecipientEn = "A company", TransferAbroadCountryZh = "新加坡", TransferAbroadCountryEn = "Singapore")|}]
            public sealed partial class OnDeviceAbroad { }

            [{|FC0008:FacialDataPurpose(FacialProcessingMethod.Verification, {{Complete}}, Storage = FacialDataStorage.Server,
                TransferRecipientZh = "服务器", TransferRecipientEn = "A server", TransferAbroad = FacialCrossBorderMechanism.Certification,
                TransferAbroadRecipientZh = "某公司")|}]
            public sealed partial class RecipientMissing { }

            [{|FC0008:FacialDataPurpose(FacialProcessingMethod.Verification, {{Complete}}, {{Abroad.Replace("FacialCrossBorderMechanism.StandardContract", "(FacialCrossBorderMechanism)9")}})|}]
            public sealed partial class UnknownMechanism { }

            [FacialDataPurpose(FacialProcessingMethod.Verification, {{Complete}}, TransferAbroad = FacialCrossBorderMechanism.None)]
            public sealed partial class NotAbroad { }
            """).WithoutPrelude().RunAsync();

        Assert.Equal(
            new[]
            {
                "Purpose 'OnDeviceAbroad' is incomplete: a purpose that transfers face information abroad sends it off the device: declare Storage = Server (PIPL Art. 38) (Measures, Article 8)",
                "Purpose 'RecipientMissing' is incomplete: missing TransferAbroadRecipientEn, TransferAbroadCountryZh, TransferAbroadCountryEn (a purpose that transfers face information abroad names the foreign recipient and its country in its notice, PIPL Art. 39) (Measures, Article 8)",
                "Purpose 'UnknownMechanism' is incomplete: TransferAbroad 9 is none of the mechanisms of PIPL Art. 38 (SecurityAssessment, Certification, StandardContract, LawOrTreaty) (Measures, Article 8)",
            },
            diagnostics.Select(d => d.GetMessage(CultureInfo.InvariantCulture)));
    }

    private static AnalyzerTest Gate(string members) => new AnalyzerTest($$"""
        using FaceCompliance;

        [FacialDataPurpose(FacialProcessingMethod.Verification, {{Complete}}, {{Abroad}})]
        public sealed partial class AbroadEntry { }

        public sealed class CloudApi
        {
            [ProcessesFacialData(FacialProcessingMethod.Verification, OffDevice = true)] public bool Verify(byte[] image) => true;
        }

        public interface IAbroadBook
        {
            [FacialConsentCheck(Scopes = FacialConsentScopes.Transfer | FacialConsentScopes.CrossBorder)] void EnsureAbroad<TPurpose>(string subject);
            [FacialConsentCheck(Scopes = FacialConsentScopes.CrossBorder)] void EnsureCrossBorderOnly<TPurpose>(string subject);
        }

        [UsesFacialData<AbroadEntry>]
        [NonBiometricAlternative(nameof(EnterWithCard))]
        public class AbroadGate(CloudApi api, IConsentBook consent, IAbroadBook abroad)
        {
            public bool EnterWithCard(string card) => card.Length > 0;

        {{members}}
        }
        """);

    [Fact]
    public async Task An_off_device_use_for_a_purpose_that_transfers_abroad_needs_the_cross_border_scope()
    {
        var diagnostics = await Gate("""
                public bool Enter(string id, byte[] image)
                {
                    consent.EnsureTransfer<AbroadEntry>(id);
                    return {|FC0018:api.Verify(image)|};
                }
            """).RunAsync();

        Assert.Equal(
            "'CloudApi.Verify' sends facial data off the device for a purpose that transfers it abroad, which needs the person's separate consent (FacialConsentScopes.Transfer | FacialConsentScopes.CrossBorder), but no consent check for 'AbroadEntry' that verifies it holds on every path before it (Measures, Article 8; PIPL, Articles 29 and 39)",
            diagnostics.Single().GetMessage(CultureInfo.InvariantCulture));
    }

    [Fact]
    public Task A_check_of_the_transfer_and_cross_border_scopes_is_not_reported() => Gate("""
            public bool Enter(string id, byte[] image)
            {
                abroad.EnsureAbroad<AbroadEntry>(id);
                return api.Verify(image);
            }
        """).RunAsync();

    [Fact]
    public Task The_cross_border_scope_alone_lacks_the_transfer_scope() => Gate("""
            public bool Enter(string id, byte[] image)
            {
                abroad.EnsureCrossBorderOnly<AbroadEntry>(id);
                return {|FC0018:api.Verify(image)|};
            }
        """).RunAsync();

    [Fact]
    public Task A_cross_border_check_on_one_path_only_is_FC0018() => Gate("""
            public bool Enter(string id, byte[] image, bool first)
            {
                if (first) { abroad.EnsureAbroad<AbroadEntry>(id); }
                else { consent.EnsureTransfer<AbroadEntry>(id); }
                return {|FC0018:api.Verify(image)|};
            }
        """).RunAsync();
}
