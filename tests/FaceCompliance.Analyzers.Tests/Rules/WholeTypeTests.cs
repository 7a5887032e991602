using System.Linq;
using System.Threading.Tasks;
using FaceCompliance.Analyzers.Tests.Harness;
using Xunit;

namespace FaceCompliance.Analyzers.Tests.Rules;

/// <summary>
/// What a whole-type declaration (a T: line, or [ProcessesFacialData] on a type) makes a use: the members that take or
/// return something that can carry facial data; not constructors, factories, settings, model loading, Dispose, the
/// equality members or nested option types (docs/semantics.md, "Facial-data uses"). NotProcessing lines.
/// </summary>
public sealed class WholeTypeTests
{
    /// <summary>A vendor engine shaped like the real SDKs' (OpenCvSharp, FaceONNX): factories, options, settings, processing.</summary>
    private const string Vendor = """
        using System;
        using System.IO;
        using System.Threading;
        using System.Threading.Tasks;

        namespace Acme.Vision
        {
            public struct Size { public int Width; public int Height; }
            public struct Box { public int X, Y, Width, Height; }
            public sealed class Face { }

            public class Engine : IDisposable, IEquatable<Engine>
            {
                public Engine() { }
                public Engine(string modelPath, Options options) { }
                ~Engine() { }

                public sealed class Options
                {
                    public string ModelFile { get; set; } = "";
                    public float[] Mean { get; set; } = new float[3];
                    public void Read(Stream stream) { }
                }

                public static Engine Create(string modelPath, Size inputSize, float scoreThreshold = 0.9f) => new();
                public static Engine Create(Options options) => new();
                public void LoadModel(string path) { }
                public Task<bool> LoadModelAsync(string path, CancellationToken cancellationToken) => Task.FromResult(true);
                public void SetThreshold(double threshold) { }
                public double Threshold { get; set; }
                public Size InputSize { get; set; }
                public Size? LastSize => null;
                public Engine WithThreshold(double threshold) => this;

                public Box[] Detect(byte[] image) => new Box[0];
                public int Detect(ReadOnlySpan<byte> pixels, int width) => 0;
                public Task<Face[]> DetectAsync(Stream image, CancellationToken cancellationToken) => Task.FromResult(new Face[0]);
                public float[] Embed(Face face) => new float[512];
                public bool Compare(float[] a, float[] b) => true;
                public void Landmarks(byte[] image, out Box[] points) => points = new Box[0];
                public Face? LastFace => null;
                public float[] this[int index] => new float[512];
                public string this[string label] => label;

                public void Dispose() { }
                public bool Equals(Engine? other) => ReferenceEquals(this, other);
                public override bool Equals(object? obj) => ReferenceEquals(this, obj);
                public override int GetHashCode() => 0;
                public override string ToString() => "engine";
            }
        }
        """;

    private const string Uses = """
        using System.IO;
        using System.Threading;
        using Acme.Vision;

        public class Kiosk
        {
            public void Run(byte[] image, Stream stream, Face face)
            {
                using var engine = Engine.Create("yunet.onnx", new Size { Width = 320, Height = 320 }, scoreThreshold: 0.8f);
                using var other = new Engine("model.onnx", new Engine.Options { ModelFile = "lbf.yaml", Mean = new float[3] });
                new Engine.Options().Read(stream);
                _ = Engine.Create(new Engine.Options());
                engine.LoadModel("lbf.yaml");
                _ = engine.LoadModelAsync("lbf.yaml", CancellationToken.None);
                engine.SetThreshold(0.4);
                engine.Threshold = engine.Threshold / 2;
                engine.InputSize = engine.InputSize;
                _ = engine.LastSize;
                _ = engine.WithThreshold(0.3);
                _ = engine.Equals(other) && engine.Equals((object)other) && engine.GetHashCode() == 0 && engine.ToString() == "";
                _ = engine["label"];

                _ = {|FC0001:{|FC0002:{|FC0003:engine.Detect(image)|}|}|};
                _ = {|FC0001:{|FC0002:{|FC0003:engine.Detect(new System.ReadOnlySpan<byte>(image), 640)|}|}|};
                _ = {|FC0001:{|FC0002:{|FC0003:engine.DetectAsync(stream, CancellationToken.None)|}|}|};
                var template = {|FC0001:{|FC0002:{|FC0003:engine.Embed(face)|}|}|};
                _ = {|FC0001:{|FC0002:{|FC0003:engine.Compare(template, template)|}|}|};
                {|FC0001:{|FC0002:{|FC0003:engine.Landmarks(image, out var points)|}|}|};
                _ = {|FC0001:{|FC0002:{|FC0003:engine.LastFace|}|}|};
                _ = {|FC0001:{|FC0002:{|FC0003:engine[0]|}|}|};
            }
        }
        """;

    [Fact]
    public Task A_T_line_covers_the_members_that_take_or_return_facial_data_and_nothing_else()
        => new AnalyzerTest(Uses).WithSource("Vendor.cs", Vendor)
            .WithAdditionalFile("FacialDataApis.txt", "T:Acme.Vision.Engine;Identification")
            .RunAsync();

    [Fact]
    public Task ProcessesFacialData_on_a_type_covers_the_same_members() => new AnalyzerTest(Uses)
        .WithSource("Vendor.cs", Vendor.Replace("public class Engine :", "[FaceCompliance.ProcessesFacialData(FaceCompliance.FacialProcessingMethod.Identification)] public class Engine :", System.StringComparison.Ordinal))
        .RunAsync();

    [Fact]
    public Task Members_of_a_type_nested_in_a_listed_type_are_not_covered() => new AnalyzerTest("""
        using Acme.Vision;

        public class Kiosk
        {
            public void Run(byte[] image, Engine.Session session) => _ = session.Detect(image);
        }
        """).WithSource("Vendor.cs", """
        namespace Acme.Vision
        {
            public class Engine
            {
                public sealed class Session { public int Detect(byte[] image) => 0; }
            }
        }
        """).WithAdditionalFile("FacialDataApis.txt", "T:Acme.Vision.Engine;Detection").RunAsync();

    [Fact]
    public Task A_member_line_wins_over_its_types_line() => new AnalyzerTest("""
        using FaceCompliance;
        using Acme.Vision;

        [UsesFacialData<CommunityEntry>]
        [NonBiometricAlternative(nameof(EnterWithCard))]
        public class Gate(IConsentBook consent)
        {
            public bool EnterWithCard(string card) => card.Length > 0;

            public void Run(Engine engine, byte[] image)
            {
                consent.Ensure<CommunityEntry>("r1");
                _ = engine.Detect(image);
                _ = {|FC0005:engine.Identify(image)|};
                _ = engine.Calibrate(image);
            }
        }
        """).WithSource("Vendor.cs", """
        namespace Acme.Vision
        {
            public class Engine
            {
                public int Detect(byte[] image) => 0;
                public string Identify(byte[] image) => "";
                public int Calibrate(byte[] referenceImage) => 0;
            }
        }
        """).WithAdditionalFile("FacialDataApis.txt", """
        T:Acme.Vision.Engine;Detection
        M:Acme.Vision.Engine.Identify(System.Byte[])~System.String;Identification
        M:Acme.Vision.Engine.Calibrate(System.Byte[])~System.Int32;NotProcessing   // a reference chart, not a face
        """).RunAsync();

    [Fact]
    public Task NotProcessing_takes_a_member_out_of_a_type_level_ProcessesFacialData_too() => new AnalyzerTest("""
        using FaceCompliance;

        [ProcessesFacialData(FacialProcessingMethod.Detection)]
        public class Camera(IFaceEngine engine)
        {
            public int Count(Frame frame) => engine.CountFaces(frame);

            public byte[] Snapshot(Frame frame) => new byte[{|FC0001:{|FC0002:engine.CountFaces(frame)|}|}];
        }

        public class Lobby
        {
            public void Run(Camera camera, Frame frame)
            {
                _ = {|FC0001:{|FC0002:camera.Count(frame)|}|};
                _ = camera.Snapshot(frame);
            }
        }
        """).WithAdditionalFile("FacialDataApis.txt", "M:Camera.Snapshot(Frame)~System.Byte[];NotProcessing").RunAsync();

    [Fact]
    public async Task NotProcessing_on_a_type_or_on_a_built_in_processing_member_is_FC1001()
    {
        var diagnostics = await new AnalyzerTest("public class Nothing { }").WithAdditionalFile("FacialDataApis.txt", """
            M:Acme.Vision.Engine.Calibrate(System.Byte[]);NotProcessing
            {|FC1001:T:Acme.Vision.Engine.Options;NotProcessing|}
            {|FC1001:M:FaceRecognitionDotNet.FaceRecognition.CompareFace(FaceRecognitionDotNet.FaceEncoding,FaceRecognitionDotNet.FaceEncoding,System.Double)~System.Boolean;NotProcessing|}
            {|FC1001:M:Acme.Vision.Engine.Calibrate(System.Byte[]);Detection|}
            {|FC1001:M:Acme.Vision.Engine.Reset;None|}
            """).RunAsync();

        Assert.Equal(
            [
                "FacialDataApis.txt: 'T:Acme.Vision.Engine.Options' is a type: NotProcessing names a member (M:, P:) that its type's entry would otherwise cover; types nested in a listed type are never covered, and an unlisted type needs no line",
                "FacialDataApis.txt: 'M:FaceRecognitionDotNet.FaceRecognition.CompareFace(FaceRecognitionDotNet.FaceEncoding,FaceRecognitionDotNet.FaceEncoding,System.Double)~System.Boolean' is a processing API in the built-in catalog; NotProcessing cannot take it back (suppress the diagnostics where you are sure instead)",
                "FacialDataApis.txt: 'M:Acme.Vision.Engine.Calibrate(System.Byte[])' is listed twice; first at FacialDataApis.txt line 1",
                "FacialDataApis.txt: 'None' is not a processing method; expected Detection, Liveness, AttributeAnalysis, Verification or Identification, or NotProcessing",
            ],
            diagnostics.OrderBy(d => d.Location.SourceSpan.Start).Select(d => d.GetMessage()));
    }

    [Fact]
    public Task A_member_a_type_level_attribute_does_not_cover_is_no_wrapper_its_uses_are_checked() => AnalyzerTest.VerifyAsync("""
        using FaceCompliance;

        [ProcessesFacialData(FacialProcessingMethod.Verification)]
        public class Matcher
        {
            private readonly IFaceEngine _engine;
            private readonly Template _probe;

            public Matcher(IFaceEngine engine, Frame warmUp)
            {
                _engine = engine;
                _probe = {|FC0001:{|FC0002:{|FC0003:engine.Extract(warmUp)|}|}|};
            }

            public double Threshold { get; set; }

            public bool Matches(Frame frame) => _engine.Verify(frame, _probe);
        }
        """);
}
