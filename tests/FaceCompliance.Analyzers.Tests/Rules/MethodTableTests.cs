using System;
using System.Linq;
using System.Threading.Tasks;
using FaceCompliance.Analyzers.Model;
using FaceCompliance.Analyzers.Tests.Harness;
using FaceCompliance.Methods;
using Xunit;

namespace FaceCompliance.Analyzers.Tests.Rules;

/// <summary>
/// FC0005 decides by the one table in src/Shared/Methods/ProcessingMethodTable.cs, the runtime's too; landmarks and
/// alignment are Detection, a step that every purpose allows.
/// </summary>
public sealed class MethodTableTests
{
    private static readonly FacialProcessingMethod[] s_specified = Enum.GetValues<FacialProcessingMethod>()
        .Where(m => m != FacialProcessingMethod.Unspecified).ToArray();

    [Fact]
    public void The_table_under_test_is_the_analyzers_own_copy()
    {
        Assert.Same(typeof(ProcessingMethods).Assembly, typeof(ProcessingMethodTable).Assembly);
        Assert.Equal(Enum.GetValues<FacialProcessingMethod>().Select(m => (m.ToString(), (int)m)), Enum.GetValues<ProcessingMethod>().Select(m => (m.ToString(), (int)m)));
    }

    [Fact]
    public void Every_pair_of_declared_methods_gets_the_runtimes_answer()
    {
        var pairs = s_specified.SelectMany(purpose => s_specified.Select(use => (purpose, use))).ToArray();

        Assert.Equal(
            pairs.Select(p => (p.purpose, p.use, p.purpose.Allows(p.use))),
            pairs.Select(p => (p.purpose, p.use, ProcessingMethods.Allows((ProcessingMethod)p.purpose, (ProcessingMethod)p.use))));
    }

    [Fact]
    public void An_unspecified_method_is_refused_at_run_time_and_left_to_FC0008_by_FC0005()
    {
        foreach (var method in Enum.GetValues<FacialProcessingMethod>())
        {
            Assert.False(FacialProcessingMethod.Unspecified.Allows(method));
            Assert.False(method.Allows(FacialProcessingMethod.Unspecified));
            Assert.True(ProcessingMethods.Allows(ProcessingMethod.Unspecified, (ProcessingMethod)method));
            Assert.True(ProcessingMethods.Allows((ProcessingMethod)method, ProcessingMethod.Unspecified));
        }
    }

    [Fact]
    public Task Fc0005_reports_a_wrapper_exactly_where_the_runtime_refuses_the_pair()
    {
        // FC0016 asks an attribute API and its wrapper to name the attributes: both name the same one.
        static string Attributes(FacialProcessingMethod m) => m == FacialProcessingMethod.AttributeAnalysis ? ", Attributes = FacialAttributes.AgeBand" : "";
        var api = string.Join("\n", s_specified.Select(m => $"    [ProcessesFacialData(FacialProcessingMethod.{m}{Attributes(m)})] void Use{m}();"));
        var wrappers = string.Join("\n", s_specified.SelectMany(purpose => s_specified.Select(use =>
        {
            var call = $"api.Use{use}()";
            return $"    [ProcessesFacialData(FacialProcessingMethod.{purpose}{Attributes(purpose)})] public void {purpose}Uses{use}() => {(purpose.Allows(use) ? call : "{|FC0005:" + call + "|}")};";
        })));

        return AnalyzerTest.VerifyAsync($$"""
            using FaceCompliance;

            public interface IMethodApi
            {
            {{api}}
            }

            public sealed class Wrappers(IMethodApi api)
            {
            {{wrappers}}
            }
            """);
    }

    [Theory]
    [InlineData("CommunityEntry")]
    [InlineData("StaffAttendance")]
    public Task Verification_and_identification_purposes_may_locate_landmarks_and_align(string purpose) => new AnalyzerTest($$"""
        using FaceCompliance;
        using FaceCompliance.Vision;
        using OpenCvSharp.Face;

        [UsesFacialData<{{purpose}}>]
        [NonBiometricAlternative(nameof(EnterWithCard))]
        public class Gate(IFaceEngine engine, IConsentBook consent, FacemarkLBF facemark, FaceAligner aligner)
        {
            public bool EnterWithCard(string card) => card.Length > 0;

            public bool Check(Frame frame, Template enrolled)
            {
                consent.Ensure<{{purpose}}>("r1");
                var found = facemark.Fit(frame, out var points);
                var aligned = aligner.Align(frame, aligner.Locate(frame));
                return found && points.Length == 68 && engine.Verify(aligned, enrolled);
            }
        }
        """).WithSource("StandIns.cs", LandmarkStandIns).RunAsync();

    [Fact]
    public Task Attribute_analysis_under_a_verification_purpose_still_exceeds_it() => new AnalyzerTest("""
        using FaceCompliance;
        using FaceONNX;
        using OpenCvSharp.Face;

        [UsesFacialData<CommunityEntry>]
        [NonBiometricAlternative(nameof(EnterWithCard))]
        public class Gate(IConsentBook consent, FacemarkLBF facemark, FaceAgeEstimator ages)
        {
            public bool EnterWithCard(string card) => card.Length > 0;

            public float Age(Frame frame)
            {
                consent.Ensure<CommunityEntry>("r1");
                _ = facemark.Fit(frame, out _);
                return {|FC0005:ages.Forward(new float[3])|}[0];
            }
        }
        """).WithSource("StandIns.cs", LandmarkStandIns).RunAsync();

    /// <summary>Stand-ins with the names the built-in catalog lists, and an aligner declared as the Vision library's is.</summary>
    private const string LandmarkStandIns = """
        namespace OpenCvSharp.Face
        {
            public class Facemark
            {
                public bool Fit(Frame image, out int[] landmarks) { landmarks = new int[68]; return true; }
            }

            public sealed class FacemarkLBF : Facemark { }
        }

        namespace FaceONNX
        {
            public sealed class FaceAgeEstimator
            {
                public float[] Forward(float[] image) => image;
            }
        }

        namespace FaceCompliance.Vision
        {
            public sealed class FaceAligner
            {
                [FaceCompliance.ProcessesFacialData(FaceCompliance.FacialProcessingMethod.Detection)]
                public int[] Locate(Frame image) => new int[5];

                [FaceCompliance.ProcessesFacialData(FaceCompliance.FacialProcessingMethod.Detection)]
                public Frame Align(Frame image, int[] fivePoints) => image;
            }
        }
        """;
}
