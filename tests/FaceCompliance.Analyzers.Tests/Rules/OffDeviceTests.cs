using System.Linq;
using System.Threading.Tasks;
using FaceCompliance.Analyzers.Tests.Harness;
using Xunit;

namespace FaceCompliance.Analyzers.Tests.Rules;

/// <summary>
/// FC0013: APIs that send facial data off the device (catalog lines marked ;OffDevice) need a purpose that declares the
/// transfer. The snippets check consent with the prelude's EnsureTransfer, which verifies the Transfer scope (FC0018).
/// </summary>
public sealed class OffDeviceTests
{
    /// <summary>Stand-ins for the catalogued AWS Rekognition client and OpenCvSharp's on-device recognizer, with the ids the catalog lists.</summary>
    private const string Sdks = """
        namespace Amazon.Rekognition.Model
        {
            public class CompareFacesRequest { }
            public class CompareFacesResponse { }
        }

        namespace Amazon.Rekognition
        {
            public interface IAmazonRekognition
            {
                Model.CompareFacesResponse CompareFaces(Model.CompareFacesRequest request);
            }
        }

        namespace OpenCvSharp.Face
        {
            public class FaceRecognizer { public int Predict(byte[] src) => 0; }
        }
        """;

    /// <summary>A 1:1 purpose that stores on a server: complete with the transfer's recipient, or without it.</summary>
    private const string CloudPurposes = """
        using FaceCompliance;

        [FacialDataPurpose(FacialProcessingMethod.Verification,
            DescriptionZh = "远程核验住户", DescriptionEn = "Verify residents remotely", NecessityZh = "门禁", NecessityEn = "The gate",
            ImpactZh = "人脸图像传至云端比对", ImpactEn = "Face images are compared in the cloud", RetentionDays = 30,
            AlternativeZh = "刷卡", AlternativeEn = "Tap a card", Storage = FacialDataStorage.Server,
            TransferRecipientZh = "亚马逊云科技 Rekognition（宁夏区域）", TransferRecipientEn = "AWS Rekognition (Ningxia region)")]
        public sealed partial class CloudEntry { }

        [{|FC0008:FacialDataPurpose(FacialProcessingMethod.Verification,
            DescriptionZh = "远程核验访客", DescriptionEn = "Verify visitors remotely", NecessityZh = "门禁", NecessityEn = "The gate",
            ImpactZh = "人脸图像传至云端比对", ImpactEn = "Face images are compared in the cloud", RetentionDays = 30,
            AlternativeZh = "登记", AlternativeEn = "Sign in", Storage = FacialDataStorage.Server)|}]
        public sealed partial class UndeclaredCloudEntry { }
        """;

    private static string CloudGate(string purpose, string call) => $$"""
        using Amazon.Rekognition;
        using Amazon.Rekognition.Model;
        using FaceCompliance;

        [UsesFacialData<{{purpose}}>]
        [NonBiometricAlternative(nameof(EnterWithCard))]
        public class CloudGate(IAmazonRekognition rekognition, IConsentBook consent)
        {
            public bool EnterWithCard(string card) => card.Length > 0;

            public void Enter(string id, CompareFacesRequest request)
            {
                consent.EnsureTransfer<{{purpose}}>(id);
                {{call}};
            }
        }
        """;

    [Fact]
    public async Task A_cloud_call_under_an_on_device_purpose_is_FC0013()
    {
        var diagnostics = await new AnalyzerTest(CloudGate("CommunityEntry", "{|FC0013:rekognition.CompareFaces(request)|}"))
            .WithSource("Sdks.cs", Sdks).WithSource("CloudPurposes.cs", CloudPurposes).RunAsync();

        Assert.Equal(
            "'IAmazonRekognition.CompareFaces' sends facial data off the device, but the purpose 'CommunityEntry' declares on-device storage: declare Storage = FacialDataStorage.Server, TransferRecipientZh and TransferRecipientEn on the purpose, which the notice names and its separate consent covers, or use an on-device SDK (Measures, Article 8)",
            diagnostics.Single(d => d.Id == "FC0013").GetMessage());
    }

    [Fact]
    public async Task A_cloud_call_under_a_server_purpose_without_its_recipient_is_FC0013()
    {
        var diagnostics = await new AnalyzerTest(CloudGate("UndeclaredCloudEntry", "{|FC0013:rekognition.CompareFaces(request)|}"))
            .WithSource("Sdks.cs", Sdks).WithSource("CloudPurposes.cs", CloudPurposes).RunAsync();

        Assert.StartsWith(
            "'IAmazonRekognition.CompareFaces' sends facial data off the device, but the purpose 'UndeclaredCloudEntry' names no recipient of the transfer (missing TransferRecipientZh, TransferRecipientEn)",
            diagnostics.Single(d => d.Id == "FC0013").GetMessage(), System.StringComparison.Ordinal);
    }

    [Fact]
    public Task A_cloud_call_under_a_purpose_that_declares_the_transfer_is_not_reported()
        => new AnalyzerTest(CloudGate("CloudEntry", "rekognition.CompareFaces(request)"))
            .WithSource("Sdks.cs", Sdks).WithSource("CloudPurposes.cs", CloudPurposes).RunAsync();

    [Fact]
    public Task One_purpose_of_several_that_declares_the_transfer_permits_it() => new AnalyzerTest("""
        using Amazon.Rekognition;
        using Amazon.Rekognition.Model;
        using FaceCompliance;

        [UsesFacialData<CommunityEntry>]
        [UsesFacialData<CloudEntry>]
        [NonBiometricAlternative(nameof(EnterWithCard))]
        public class CloudGate(IAmazonRekognition rekognition, IConsentBook consent)
        {
            public bool EnterWithCard(string card) => card.Length > 0;

            public void Enter(string id, CompareFacesRequest request)
            {
                consent.EnsureTransfer<CloudEntry>(id);
                rekognition.CompareFaces(request);
            }
        }
        """).WithSource("Sdks.cs", Sdks).WithSource("CloudPurposes.cs", CloudPurposes).RunAsync();

    [Fact]
    public Task An_on_device_sdk_under_an_on_device_purpose_is_not_reported() => new AnalyzerTest("""
        using FaceCompliance;
        using OpenCvSharp.Face;

        [UsesFacialData<StaffAttendance>]
        [NonBiometricAlternative(nameof(SignIn))]
        public class Desk(FaceRecognizer recognizer, IConsentBook consent)
        {
            public bool SignIn(string name) => name.Length > 0;

            public int ClockIn(string id, byte[] image)
            {
                consent.EnsureTransfer<StaffAttendance>(id);
                return recognizer.Predict(image);
            }
        }
        """).WithSource("Sdks.cs", Sdks).WithSource("CloudPurposes.cs", CloudPurposes).RunAsync();

    [Fact]
    public Task A_project_entry_marked_OffDevice_is_FC0013_under_an_on_device_purpose() => new AnalyzerTest(Snippets.InGate("""
            public bool Enter(string id, byte[] image, Acme.Cloud.FaceApi api)
            {
                consent.EnsureTransfer<CommunityEntry>(id);
                var onDevice = engine.Verify(new Frame(), new Template());
                return onDevice && {|FC0013:api.Verify(image)|};
            }
        """)).WithSource("Acme.cs", """
        namespace Acme.Cloud
        {
            public sealed class FaceApi { public bool Verify(byte[] image) => true; }
        }
        """).WithAdditionalFile("FacialDataApis.txt", """
        M:Acme.Cloud.FaceApi.Verify(System.Byte[]);Verification;OffDevice
        """).RunAsync();

    [Fact]
    public Task A_wrapper_must_say_it_sends_off_the_device_and_then_its_callers_are_judged() => new AnalyzerTest(Snippets.InGate("""
            public bool Enter(string id, byte[] image)
            {
                consent.EnsureTransfer<CommunityEntry>(id);
                return {|FC0013:CloudVerify(image)|} && SilentCloudVerify(image);
            }

            [ProcessesFacialData(FacialProcessingMethod.Verification, OffDevice = true)]
            private static bool CloudVerify(byte[] image) => new Acme.Cloud.FaceApi().Verify(image);

            [ProcessesFacialData(FacialProcessingMethod.Verification)]
            private static bool SilentCloudVerify(byte[] image) => {|FC0013:new Acme.Cloud.FaceApi().Verify(image)|};
        """)).WithSource("Acme.cs", """
        namespace Acme.Cloud
        {
            public sealed class FaceApi { public bool Verify(byte[] image) => true; }
        }
        """).WithAdditionalFile("FacialDataApis.txt", """
        M:Acme.Cloud.FaceApi.Verify(System.Byte[]);Verification;OffDevice
        """).RunAsync();

    [Fact]
    public Task Malformed_OffDevice_flags_are_FC1001() => new AnalyzerTest("""
        public class Nothing { }
        """).WithSource("Acme.cs", """
        namespace Acme.Cloud
        {
            public sealed class FaceApi { public bool Verify(byte[] image) => true; public bool Detect(byte[] image) => true; public bool Close() => true; }
        }
        """).WithAdditionalFile("FacialDataApis.txt", """
        {|FC1001:M:Acme.Cloud.FaceApi.Verify(System.Byte[]);Verification;Remote|}
        {|FC1001:M:Acme.Cloud.FaceApi.Detect(System.Byte[]);;OffDevice|}
        {|FC1001:M:Acme.Cloud.FaceApi.Close;NotProcessing;OffDevice|}
        {|FC1001:T:Acme.Cloud.FaceApi;Verification;OffDevice;OffDevice|}
        """).RunAsync();

    [Fact]
    public void Every_Azure_and_AWS_catalog_line_is_marked_OffDevice_and_no_other_is()
    {
        foreach (var entry in FaceCompliance.Analyzers.Catalog.FacialApiCatalog.BuiltInEntries)
        {
            var isCloud = entry.Id.Substring(2).StartsWith("Azure.AI.Vision.Face.", System.StringComparison.Ordinal)
                || entry.Id.Substring(2).StartsWith("Microsoft.Azure.CognitiveServices.Vision.Face.", System.StringComparison.Ordinal)
                || entry.Id.Substring(2).StartsWith("Amazon.Rekognition.", System.StringComparison.Ordinal);
            Assert.True(isCloud == entry.OffDevice, entry.Id);
        }

        Assert.Equal(157, FaceCompliance.Analyzers.Catalog.FacialApiCatalog.BuiltInEntries.Count(e => e.OffDevice));
    }
}
