using System.Linq;
using System.Threading.Tasks;
using FaceCompliance.Analyzers.Catalog;
using FaceCompliance.Analyzers.Model;
using FaceCompliance.Analyzers.Tests.Harness;
using FaceCompliance.Profiles;
using Xunit;

namespace FaceCompliance.Analyzers.Tests.Rules;

/// <summary>FC0016: what an attribute-analysis purpose estimates, and the attributes the APIs of its uses produce.</summary>
public sealed class SensitiveAttributesTests
{
    /// <summary>Stand-ins for catalogued attribute APIs: FaceONNX's age estimator (a T: line) and AWS Rekognition's DetectFaces.</summary>
    private const string Sdks = """
        namespace FaceONNX
        {
            public sealed class FaceAgeEstimator { public float[] Forward(byte[] image) => new float[1]; }
            public sealed class FaceBeautyEstimator { public float[] Forward(byte[] image) => new float[1]; }
        }

        namespace Amazon.Rekognition.Model
        {
            public class DetectFacesRequest { }
            public class DetectFacesResponse { }
        }

        namespace Amazon.Rekognition
        {
            public interface IAmazonRekognition
            {
                Model.DetectFacesResponse DetectFaces(Model.DetectFacesRequest request);
            }
        }
        """;

    private static string Purpose(string name, string attributes, string method = "AttributeAnalysis", bool marked = false, string extra = "") => $$"""
        using FaceCompliance;

        [{{(marked ? "{|FC0016:" : "")}}FacialDataPurpose(FacialProcessingMethod.{{method}},
            DescriptionZh = "客群分析", DescriptionEn = "Audience analysis", NecessityZh = "安排商品", NecessityEn = "Merchandising",
            ImpactZh = "影响", ImpactEn = "Impact", RetentionDays = 1, AlternativeZh = "人工", AlternativeEn = "Staff"{{attributes}}{{extra}}){{(marked ? "|}" : "")}}]
        public sealed partial class {{name}} { }
        """;

    /// <summary>A compliant class under <paramref name="purpose"/> whose one method checks consent and then runs <paramref name="call"/>.</summary>
    private static string Shop(string purpose, string call) => $$"""
        using FaceCompliance;

        [UsesFacialData<{{purpose}}>]
        public class Shop(IConsentBook consent)
        {
            public object? Run(string id, byte[] image, FaceONNX.FaceAgeEstimator age, Amazon.Rekognition.IAmazonRekognition rekognition, FaceONNX.FaceBeautyEstimator beauty)
            {
                consent.EnsureTransfer<{{purpose}}>(id);
                return {{call}};
            }
        }
        """;

    [Fact]
    public async Task An_attribute_analysis_purpose_that_declares_no_attributes_is_FC0016()
    {
        var diagnostics = await AnalyzerTest.VerifyAsync(Purpose("Audience", "", marked: true));

        Assert.Equal(
            "Purpose 'Audience' analyses face attributes but does not say which: declare them in Attributes (e.g. Attributes = FacialAttributes.AgeBand | FacialAttributes.Gender), which the notice lists (2023 draft Measures; PIPL Arts. 6, 28)",
            diagnostics.Single().GetMessage());
    }

    [Theory]
    [InlineData("Ethnicity")]
    [InlineData("Race")]
    [InlineData("Religion")]
    [InlineData("Health")]
    [InlineData("PoliticalOpinion")]
    [InlineData("SexualOrientation")]
    public Task A_prohibited_attribute_is_FC0016(string attribute)
        => AnalyzerTest.VerifyAsync(Purpose("Audience", $", Attributes = FacialAttributes.AgeBand | FacialAttributes.{attribute}", marked: true));

    [Fact]
    public async Task The_prohibited_attribute_message_names_only_the_prohibited_ones()
    {
        var diagnostics = await AnalyzerTest.VerifyAsync(Purpose("Audience", ", Attributes = FacialAttributes.AgeBand | FacialAttributes.Race | FacialAttributes.Health", marked: true));

        Assert.Equal(
            "Purpose 'Audience' declares that it estimates Race, Health from faces, which no purpose may: remove them from Attributes and use no API that estimates them (2023 draft Measures; PIPL Arts. 6, 28)",
            diagnostics.Single().GetMessage());
    }

    [Fact]
    public Task A_prohibited_attribute_is_FC0016_on_any_purpose() => AnalyzerTest.VerifyAsync(Purpose("Counting", ", Attributes = FacialAttributes.Religion", method: "Detection", marked: true));

    [Theory]
    [InlineData("AttributeAnalysis", ", Attributes = FacialAttributes.AgeBand | FacialAttributes.Gender")]
    [InlineData("Detection", "")]
    [InlineData("Verification", "")]
    public Task Purposes_with_allowed_attributes_or_no_attribute_analysis_are_not_reported(string method, string attributes)
        => AnalyzerTest.VerifyAsync(Purpose("Audience", attributes, method));

    [Fact]
    public async Task A_catalogued_attribute_api_whose_attribute_the_purpose_does_not_declare_is_FC0016_at_the_use()
    {
        var diagnostics = await new AnalyzerTest(Shop("Audience", "{|FC0016:age.Forward(image)|}"))
            .WithSource("Sdks.cs", Sdks).WithSource("Purposes.cs", Purpose("Audience", ", Attributes = FacialAttributes.Gender")).RunAsync();

        Assert.Equal(
            "'FaceAgeEstimator.Forward' estimates AgeBand from the face, but the purpose 'Audience' does not declare AgeBand: add FacialAttributes.AgeBand to the purpose's Attributes, which the notice lists, or use an API that estimates less (2023 draft Measures; PIPL Arts. 6, 28)",
            diagnostics.Single().GetMessage());
    }

    [Fact]
    public Task A_catalogued_attribute_api_whose_attributes_are_declared_is_not_reported() => new AnalyzerTest(Shop("Audience", "age.Forward(image)"))
        .WithSource("Sdks.cs", Sdks).WithSource("Purposes.cs", Purpose("Audience", ", Attributes = FacialAttributes.AgeBand")).RunAsync();

    [Fact]
    public async Task AWS_DetectFaces_needs_every_attribute_its_request_could_ask_for()
    {
        var cloud = ", Storage = FacialDataStorage.Server, TransferRecipientZh = \"亚马逊云科技\", TransferRecipientEn = \"AWS\"";
        var diagnostics = await new AnalyzerTest(Shop("Audience", "{|FC0016:rekognition.DetectFaces(new Amazon.Rekognition.Model.DetectFacesRequest())|}"))
            .WithSource("Sdks.cs", Sdks)
            .WithSource("Purposes.cs", Purpose("Audience", ", Attributes = FacialAttributes.HeadPose | FacialAttributes.ImageQuality", extra: cloud)).RunAsync();

        Assert.StartsWith(
            "'IAmazonRekognition.DetectFaces' estimates AgeBand, Gender, Expression, Glasses, FacialHair, HeadPose, Occlusion, ImageQuality from the face, but the purpose 'Audience' does not declare AgeBand, Gender, Expression, Glasses, FacialHair, Occlusion:",
            diagnostics.Single().GetMessage(), System.StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_attribute_api_that_names_no_attributes_fails_closed()
    {
        var diagnostics = await new AnalyzerTest(Shop("Audience", "{|FC0016:beauty.Forward(image)|}"))
            .WithSource("Sdks.cs", Sdks).WithSource("Purposes.cs", Purpose("Audience", ", Attributes = FacialAttributes.AgeBand")).RunAsync();

        Assert.Equal(
            "'FaceBeautyEstimator.Forward' analyses face attributes but does not say which, so the attributes the notice lists cannot be checked: name them in its FacialDataApis.txt line (;AttributeAnalysis;Attributes=AgeBand,Gender) or in its [ProcessesFacialData(Attributes = ...)] (2023 draft Measures; PIPL Arts. 6, 28)",
            diagnostics.Single().GetMessage());
    }

    [Fact]
    public Task An_attribute_api_under_a_purpose_that_allows_no_attribute_analysis_is_FC0005_only() => new AnalyzerTest("""
        using FaceCompliance;

        [UsesFacialData<CommunityEntry>]
        [NonBiometricAlternative(nameof(EnterWithCard))]
        public class Gate(IConsentBook consent)
        {
            public bool EnterWithCard(string card) => card.Length > 0;

            public float[] Run(string id, byte[] image, FaceONNX.FaceAgeEstimator age)
            {
                consent.EnsureTransfer<CommunityEntry>(id);
                return {|FC0005:age.Forward(image)|};
            }
        }
        """).WithSource("Sdks.cs", Sdks).RunAsync();

    [Fact]
    public Task A_project_entry_names_its_attributes() => new AnalyzerTest("""
        using FaceCompliance;

        [UsesFacialData<Audience>]
        public class Shop(IConsentBook consent)
        {
            public int Run(string id, byte[] image, Acme.Vision.Analyzer analyzer)
            {
                consent.EnsureTransfer<Audience>(id);
                return {|FC0016:analyzer.Mood(image)|} + analyzer.Age(image);
            }
        }
        """).WithSource("Acme.cs", """
        namespace Acme.Vision
        {
            public sealed class Analyzer { public int Mood(byte[] image) => 0; public int Age(byte[] image) => 0; }
        }
        """).WithSource("Purposes.cs", Purpose("Audience", ", Attributes = FacialAttributes.AgeBand")).WithAdditionalFile("FacialDataApis.txt", """
        M:Acme.Vision.Analyzer.Mood(System.Byte[]);AttributeAnalysis;Attributes=Expression
        M:Acme.Vision.Analyzer.Age(System.Byte[]);AttributeAnalysis;Attributes=AgeBand
        """).RunAsync();

    [Fact]
    public Task A_declared_api_names_its_attributes_and_a_wrapper_must_name_those_it_calls() => new AnalyzerTest("""
        using FaceCompliance;

        public class Kiosk
        {
            [ProcessesFacialData(FacialProcessingMethod.AttributeAnalysis, Attributes = FacialAttributes.Gender)]
            public int Gender(byte[] image) => 0;

            [ProcessesFacialData(FacialProcessingMethod.AttributeAnalysis, Attributes = FacialAttributes.Gender)]
            public float[] AgeAndGender(byte[] image, FaceONNX.FaceAgeEstimator age) => {|FC0016:age.Forward(image)|};

            [ProcessesFacialData(FacialProcessingMethod.AttributeAnalysis, Attributes = FacialAttributes.AgeBand | FacialAttributes.Gender)]
            public float[] Both(byte[] image, FaceONNX.FaceAgeEstimator age) => age.Forward(image);

            [ProcessesFacialData(FacialProcessingMethod.AttributeAnalysis)]
            public int Unnamed(byte[] image) => 0;
        }

        [UsesFacialData<Audience>]
        public class Shop(IConsentBook consent, Kiosk kiosk)
        {
            public object Run(string id, byte[] image, FaceONNX.FaceAgeEstimator age)
            {
                consent.EnsureTransfer<Audience>(id);
                return kiosk.Gender(image) + {|FC0016:kiosk.Both(image, age)|}.Length + {|FC0016:kiosk.Unnamed(image)|};
            }
        }
        """).WithSource("Sdks.cs", Sdks).WithSource("Purposes.cs", Purpose("Audience", ", Attributes = FacialAttributes.Gender")).RunAsync();

    /// <summary>A stand-in for Azure AI Face's FaceClient.Detect, with the id the catalog lists.</summary>
    private const string Azure = """
        namespace System
        {
            public class BinaryData { }   // System.Memory.Data, not in the shared framework
        }

        namespace Azure
        {
            public class Response<T> { }
        }

        namespace Azure.AI.Vision.Face
        {
            public struct FaceDetectionModel { }
            public struct FaceRecognitionModel { }
            public struct FaceAttributeType { public static FaceAttributeType HeadPose => default; }
            public class FaceDetectionResult { }

            public class FaceClient
            {
                public virtual Response<System.Collections.Generic.IReadOnlyList<FaceDetectionResult>> Detect(System.BinaryData imageContent, FaceDetectionModel detectionModel,
                    FaceRecognitionModel recognitionModel, bool returnFaceId, System.Collections.Generic.IEnumerable<FaceAttributeType>? returnFaceAttributes = null,
                    bool? returnFaceLandmarks = null, bool? returnRecognitionModel = null, int? faceIdTimeToLive = null,
                    System.Threading.CancellationToken cancellationToken = default) => new();
            }
        }
        """;

    private static string AzureShop(string purpose, string call) => $$"""
        using Azure.AI.Vision.Face;
        using FaceCompliance;

        [UsesFacialData<{{purpose}}>]
        public class Shop(IConsentBook consent, FaceClient client)
        {
            public object Run(string id, System.BinaryData image)
            {
                consent.EnsureTransfer<{{purpose}}>(id);
                return {{call}};
            }
        }
        """;

    private const string CloudDetection = ", Storage = FacialDataStorage.Server, TransferRecipientZh = \"微软 Azure\", TransferRecipientEn = \"Microsoft Azure\"";

    [Theory]
    [InlineData("client.Detect(image, default, default, false)")]
    [InlineData("client.Detect(image, default, default, false, null)")]
    [InlineData("client.Detect(image, default, default, false, returnFaceAttributes: default)")]
    public Task Azure_Detect_without_an_attribute_request_is_detection(string call) => new AnalyzerTest(AzureShop("Counting", call))
        .WithSource("Azure.cs", Azure).WithSource("Purposes.cs", Purpose("Counting", "", method: "Detection", extra: CloudDetection)).RunAsync();

    [Fact]
    public async Task Azure_Detect_asked_for_attributes_under_a_purpose_that_analyses_none_is_FC0016()
    {
        var diagnostics = await new AnalyzerTest(AzureShop("Counting", "{|FC0016:client.Detect(image, default, default, false, new[] { FaceAttributeType.HeadPose })|}"))
            .WithSource("Azure.cs", Azure).WithSource("Purposes.cs", Purpose("Counting", "", method: "Detection", extra: CloudDetection)).RunAsync();

        Assert.Equal(
            "'FaceClient.Detect' may be asked for face attributes (AgeBand, Gender, Expression, Glasses, FacialHair, HeadPose, Occlusion, ImageQuality) through 'returnFaceAttributes', but no declared purpose analyses attributes: pass null or nothing for it, or use it under an AttributeAnalysis purpose that declares them (2023 draft Measures; PIPL Arts. 6, 28)",
            diagnostics.Single().GetMessage());
    }

    [Fact]
    public Task Azure_Detect_asked_for_attributes_under_an_attribute_purpose_needs_all_it_can_produce() => new AnalyzerTest(
        AzureShop("Audience", "{|FC0016:client.Detect(image, default, default, false, new[] { FaceAttributeType.HeadPose })|}"))
        .WithSource("Azure.cs", Azure).WithSource("Purposes.cs", Purpose("Audience", ", Attributes = FacialAttributes.HeadPose", extra: CloudDetection)).RunAsync();

    [Fact]
    public Task Azure_Detect_asked_for_attributes_under_a_purpose_that_declares_them_is_not_reported() => new AnalyzerTest(
        AzureShop("Audience", "client.Detect(image, default, default, false, new[] { FaceAttributeType.HeadPose })"))
        .WithSource("Azure.cs", Azure)
        .WithSource("Purposes.cs", Purpose("Audience", ", Attributes = FacialAttributes.AgeBand | FacialAttributes.Gender | FacialAttributes.Expression | FacialAttributes.Glasses | FacialAttributes.FacialHair | FacialAttributes.HeadPose | FacialAttributes.Occlusion | FacialAttributes.ImageQuality", extra: CloudDetection))
        .RunAsync();

    [Fact]
    public Task Azure_Detect_asked_for_attributes_inside_a_detection_wrapper_is_FC0016_there() => new AnalyzerTest("""
        using Azure.AI.Vision.Face;
        using FaceCompliance;

        public class Faces(FaceClient client)
        {
            [ProcessesFacialData(FacialProcessingMethod.Detection, OffDevice = true)]
            public object Find(System.BinaryData image) => {|FC0016:client.Detect(image, default, default, false, new[] { FaceAttributeType.HeadPose })|};

            [ProcessesFacialData(FacialProcessingMethod.Detection, OffDevice = true)]
            public object Count(System.BinaryData image) => client.Detect(image, default, default, false);
        }
        """).WithSource("Azure.cs", Azure).RunAsync();

    [Fact]
    public Task Malformed_attribute_fields_are_FC1001() => new AnalyzerTest("""
        public class Nothing { }
        """).WithSource("Acme.cs", """
        namespace Acme.Vision
        {
            public sealed class Analyzer { public int A(byte[] i) => 0; public int B(byte[] i) => 0; public int C(byte[] i) => 0; public int D(byte[] i) => 0; public int E(byte[] i) => 0;
                public int F(byte[] i) => 0; public int G(byte[] i) => 0; public int H(byte[] i) => 0; public int I(byte[] i) => 0; public int J(byte[] i) => 0; }
        }
        """).WithAdditionalFile("FacialDataApis.txt", """
        {|FC1001:M:Acme.Vision.Analyzer.A(System.Byte[]);AttributeAnalysis;Attributes=Age|}
        {|FC1001:M:Acme.Vision.Analyzer.B(System.Byte[]);Verification;Attributes=Gender|}
        {|FC1001:M:Acme.Vision.Analyzer.C(System.Byte[]);AttributeAnalysis;Attributes=Gender;Attributes=AgeBand|}
        {|FC1001:M:Acme.Vision.Analyzer.D(System.Byte[]);AttributeAnalysis;Attributes=|}
        M:Acme.Vision.Analyzer.E(System.Byte[]);AttributeAnalysis;OffDevice;Attributes=Gender, AgeBand
        {|FC1001:M:Acme.Vision.Analyzer.F(System.Byte[]);Detection;AttributesWhen=options|}
        {|FC1001:M:Acme.Vision.Analyzer.G(System.Byte[]);Detection;Attributes=Gender;AttributesWhen=two words|}
        {|FC1001:M:Acme.Vision.Analyzer.H(System.Byte[]);Detection;Attributes=Gender;AttributesWhen=a;AttributesWhen=b|}
        {|FC1001:M:Acme.Vision.Analyzer.I(System.Byte[]);NotProcessing;Attributes=Gender;AttributesWhen=options|}
        M:Acme.Vision.Analyzer.J(System.Byte[]);Detection;Attributes=Gender;AttributesWhen=options
        """).RunAsync();

    [Fact]
    public void A_line_may_carry_OffDevice_and_Attributes_in_either_order()
    {
        var parser = new ApiListParser();
        parser.Parse("FacialDataApis.txt", Microsoft.CodeAnalysis.Text.SourceText.From("""
            M:Acme.A;AttributeAnalysis;OffDevice;Attributes=Gender, AgeBand
            M:Acme.B;AttributeAnalysis;Attributes=Expression;OffDevice
            """));

        Assert.Empty(parser.Errors);
        Assert.Equal(new[] { (true, LawValues.AttributeGender | LawValues.AttributeAgeBand), (true, LawValues.AttributeExpression) }, parser.Entries.Select(e => (e.OffDevice, e.Attributes)));
    }

    [Fact]
    public void Every_built_in_attribute_analysis_line_names_its_attributes_except_the_beauty_estimator()
    {
        var attributeLines = FacialApiCatalog.BuiltInEntries.Where(e => e.Method == ProcessingMethod.AttributeAnalysis).ToList();

        Assert.Equal(["T:FaceONNX.FaceBeautyEstimator"], attributeLines.Where(e => e.Attributes == 0).Select(e => e.Id));
        var onRequest = FacialApiCatalog.BuiltInEntries.Where(e => e.Method != ProcessingMethod.AttributeAnalysis && e.Attributes != 0).ToList();
        Assert.Equal(14, onRequest.Count);
        Assert.All(onRequest, e =>
        {
            Assert.Equal("returnFaceAttributes", e.AttributesWhen);
            Assert.Contains("Azure", e.Id, System.StringComparison.Ordinal);
            Assert.Contains("Detect", e.Id, System.StringComparison.Ordinal);
        });
        Assert.All(attributeLines, e => Assert.Null(e.AttributesWhen));
        Assert.All(attributeLines.Where(e => e.Id.Contains("Amazon.Rekognition", System.StringComparison.Ordinal)), e => Assert.Equal(
            LawValues.AttributeAgeBand | LawValues.AttributeGender | LawValues.AttributeExpression | LawValues.AttributeGlasses
                | LawValues.AttributeFacialHair | LawValues.AttributeHeadPose | LawValues.AttributeOcclusion | LawValues.AttributeImageQuality,
            e.Attributes));
        Assert.Equal(LawValues.AttributeAgeBand, attributeLines.Single(e => e.Id == "T:FaceONNX.FaceAgeEstimator").Attributes);
        Assert.Equal(LawValues.AttributeGender, attributeLines.Single(e => e.Id == "T:FaceONNX.FaceGenderClassifier").Attributes);
        Assert.Equal(LawValues.AttributeExpression, attributeLines.Single(e => e.Id == "T:FaceONNX.FaceEmotionClassifier").Attributes);
    }
}
