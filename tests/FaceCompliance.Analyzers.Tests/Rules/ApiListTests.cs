using System.IO;
using System.Linq;
using System.Threading.Tasks;
using FaceCompliance.Analyzers.Catalog;
using FaceCompliance.Analyzers.Tests.Harness;
using FaceCompliance.Analyzers.Tests.StandIns;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace FaceCompliance.Analyzers.Tests.Rules;

/// <summary>Third-party APIs: the built-in catalog and FacialDataApis.txt (FC1001 for bad lines).</summary>
public sealed class ApiListTests
{
    private const string Vendor = """
        namespace Acme.Vision
        {
            public sealed class Detector { public int Find(byte[] image) => 0; public int Find(string path) => 0; }
            public sealed class Matcher { public Matcher() { } public string? Identify(byte[] image) => null; }
            public sealed class Camera { public byte[] LastFace => new byte[0]; }
        }
        """;

    [Fact]
    public Task Listed_members_types_and_properties_are_processing_apis() => new AnalyzerTest("""
        using Acme.Vision;

        public class Lobby
        {
            public void Run(Detector detector, Camera camera, byte[] image)
            {
                _ = {|FC0001:{|FC0002:detector.Find(image)|}|};
                _ = detector.Find("not listed: other overload");
                var matcher = new Matcher();   // a constructor: not covered by the type's entry
                _ = {|FC0001:{|FC0002:{|FC0003:matcher.Identify(image)|}|}|};
                _ = {|FC0001:{|FC0002:camera.LastFace|}|};
            }
        }
        """).WithSource("Vendor.cs", Vendor).WithAdditionalFile("FacialDataApis.txt", """
        // Acme's face SDK
        M:Acme.Vision.Detector.Find(System.Byte[]);Detection
        T:Acme.Vision.Matcher;Identification   // its members that take or return facial data
        P:Acme.Vision.Camera.LastFace
        """).RunAsync();

    [Fact]
    public Task Bad_lines_are_FC1001_at_their_line() => new AnalyzerTest("""
        public class Nothing { }
        """).WithSource("Vendor.cs", Vendor).WithAdditionalFile("FacialDataApis.txt", """
        M:Acme.Vision.Detector.Find(System.Byte[]);Detection
        {|FC1001:Acme.Vision.Detector|}
        {|FC1001:M:Acme.Vision.Matcher.Identify(System.Byte[]);Recognition|}  // unknown method
        {|FC1001:M:Acme.Vision.Detector.Find(System.Byte[]);Detection|}
        {|FC1001:T:Acme Vision.Matcher|}
        {|FC1001:P:Acme.Vision.Camera.LastFace|}  // FacialDataApis.extra.txt sorts first, so this is the duplicate
        """).WithAdditionalFile("FacialDataApis.extra.txt", """
        P:Acme.Vision.Camera.LastFace
        """).RunAsync();

    [Fact]
    public async Task An_empty_method_after_the_semicolon_is_FC1001_and_the_entry_is_not_taken()
    {
        var diagnostics = await new AnalyzerTest("public class Nothing { }").WithAdditionalFile("FacialDataApis.txt", """
            T:Acme.Vision.Matcher;Identification
            {|FC1001:T:Acme.Vision.Detector;|}
            {|FC1001:T:Acme.Vision.Camera ;|}     // a space before the ";", spaces after it
            """).RunAsync();

        Assert.Equal(
            "FacialDataApis.txt: 'T:Acme.Vision.Detector' has nothing after ';': name its processing method (Detection, Liveness, AttributeAnalysis, Verification or Identification) or NotProcessing, or remove the ';'",
            diagnostics.OrderBy(d => d.Location.SourceSpan.Start).First().GetMessage());
    }

    [Fact]
    public async Task Fc1001_names_the_first_occurrence_of_a_duplicate()
    {
        var diagnostics = await new AnalyzerTest("public class Nothing { }").WithAdditionalFile("FacialDataApis.txt", """
            T:Acme.Vision.Matcher
            {|FC1001:T:Acme.Vision.Matcher;Identification|}
            """).RunAsync();

        Assert.Equal("FacialDataApis.txt: 'T:Acme.Vision.Matcher' is listed twice; first at FacialDataApis.txt line 1", diagnostics.Single().GetMessage());
    }

    [Fact]
    public void Built_in_catalog_parses_without_errors_and_covers_every_sdk()
    {
        var path = Path.Combine(TestReferences.RepositoryRoot, "src/Analyzers/FaceCompliance.Analyzers/Catalog/FaceSdkCatalog.txt");
        var parser = new ApiListParser();
        parser.Parse(path, SourceText.From(File.ReadAllText(path)));

        Assert.Empty(parser.Errors.Select(e => $"line {e.Line + 1}: {e.Message}"));
        Assert.Equal(parser.Entries.Count, FacialApiCatalog.BuiltInEntries.Length);
        foreach (var sdk in new[] { "Azure.AI.Vision.Face", "Microsoft.Azure.CognitiveServices.Vision.Face", "Amazon.Rekognition", "FaceAiSharp", "FaceONNX", "FaceRecognitionDotNet", "OpenCvSharp", "Emgu.CV" })
        {
            Assert.Contains(parser.Entries, e => e.Id.StartsWith(e.Kind + ":" + sdk + ".", System.StringComparison.Ordinal));
        }
    }

    [Fact]
    public Task Built_in_catalog_matches_a_third_party_sdk_by_its_documentation_id() => new AnalyzerTest("""
        using System.Threading;
        using Amazon.Rekognition;
        using Amazon.Rekognition.Model;

        [FaceCompliance.UsesFacialData<CommunityEntry>]
        public class Gate(IConsentBook consent)
        {
            public void Compare(AmazonRekognitionClient client)
            {
                consent.EnsureTransfer<CommunityEntry>("r1");   // the separate consent to the transfer (FC0018)
                _ = {|FC0003:{|FC0013:client.CompareFacesAsync(new CompareFacesRequest(), CancellationToken.None)|}|};   // AWS is off the device
                _ = client.ListCollectionsAsync(new ListCollectionsRequest(), CancellationToken.None);
            }
        }
        """).WithSource("Rekognition.cs", DocumentationIdStandIns.Generate(
        [
            "M:Amazon.Rekognition.AmazonRekognitionClient.CompareFacesAsync(Amazon.Rekognition.Model.CompareFacesRequest,System.Threading.CancellationToken)~System.Threading.Tasks.Task{Amazon.Rekognition.Model.CompareFacesResponse}",
            "M:Amazon.Rekognition.AmazonRekognitionClient.ListCollectionsAsync(Amazon.Rekognition.Model.ListCollectionsRequest,System.Threading.CancellationToken)~System.Threading.Tasks.Task{Amazon.Rekognition.Model.ListCollectionsResponse}",
        ])).RunAsync();
}
