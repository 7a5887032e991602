using System.Threading.Tasks;
using FaceCompliance.Analyzers.Tests.Harness;
using Xunit;

namespace FaceCompliance.Analyzers.Tests.Rules;

/// <summary>FC0001 (purpose declared) and FC0005 (method within the purpose).</summary>
public sealed class PurposeRequiredTests
{
    [Fact]
    public Task Use_without_any_purpose_is_reported() => AnalyzerTest.VerifyAsync("""
        using FaceCompliance;

        public class Lobby(IFaceEngine engine, IConsentBook consent)
        {
            public int Count(Frame frame)
            {
                consent.Ensure<CrowdCounting>("lobby");
                return {|FC0001:engine.CountFaces(frame)|};
            }
        }
        """);

    [Fact]
    public Task Purpose_on_the_method_is_accepted() => AnalyzerTest.VerifyAsync("""
        using FaceCompliance;

        public class Lobby(IFaceEngine engine, IConsentBook consent)
        {
            [UsesFacialData<CrowdCounting>]
            public int Count(Frame frame)
            {
                consent.Ensure<CrowdCounting>("lobby");
                return engine.CountFaces(frame);
            }
        }
        """);

    [Fact]
    public Task Purpose_on_an_outer_type_covers_nested_types_and_lambdas() => AnalyzerTest.VerifyAsync("""
        using System;
        using FaceCompliance;

        [UsesFacialData<CrowdCounting>]
        public class Lobby
        {
            public class Counter(IFaceEngine engine, IConsentBook consent)
            {
                public Func<Frame, int> Make()
                {
                    consent.Ensure<CrowdCounting>("lobby");
                    return frame => engine.CountFaces(frame);
                }
            }
        }
        """);

    [Fact]
    public Task Object_creation_method_group_and_property_access_are_uses() => AnalyzerTest.VerifyAsync("""
        using System;
        using FaceCompliance;

        public class Scanner
        {
            [ProcessesFacialData(FacialProcessingMethod.Detection)]
            public Scanner() { }

            [ProcessesFacialData(FacialProcessingMethod.Detection)]
            public int Faces { get; set; }
        }

        public class Lobby(IFaceEngine engine)
        {
            public void Run()
            {
                var scanner = {|FC0001:{|FC0002:new Scanner()|}|};
                Func<Frame, int> count = {|FC0001:{|FC0002:engine.CountFaces|}|};
                _ = {|FC0001:{|FC0002:scanner.Faces|}|};
            }
        }
        """);

    [Fact]
    public Task Nameof_is_not_a_use() => AnalyzerTest.VerifyAsync("""
        public class Names
        {
            public string Name => nameof(IFaceEngine.CountFaces);
        }
        """);

    [Fact]
    public Task Identification_under_a_verification_purpose_exceeds_it() => AnalyzerTest.VerifyAsync("""
        using FaceCompliance;

        [UsesFacialData<CommunityEntry>]
        [NonBiometricAlternative(nameof(EnterWithCard))]
        public class Gate(IFaceEngine engine, IConsentBook consent)
        {
            public bool EnterWithCard(string card) => card.Length > 0;

            public string? WhoIsThis(Frame frame)
            {
                consent.Ensure<CommunityEntry>("visitor");
                return {|FC0005:engine.Identify(frame)|};
            }
        }
        """);

    [Theory]
    [InlineData("CountFaces(frame) > 0")]
    [InlineData("IsLive(frame)")]
    [InlineData("Verify(frame, new Template())")]
    public Task Verification_purpose_allows_detection_liveness_and_verification(string call) => AnalyzerTest.VerifyAsync($$"""
        using FaceCompliance;

        [UsesFacialData<CommunityEntry>]
        [NonBiometricAlternative(nameof(EnterWithCard))]
        public class Gate(IFaceEngine engine, IConsentBook consent)
        {
            public bool EnterWithCard(string card) => card.Length > 0;

            public bool Check(Frame frame)
            {
                consent.Ensure<CommunityEntry>("r1");
                return engine.{{call}};
            }
        }
        """);

    [Fact]
    public Task Detection_purpose_does_not_allow_template_extraction() => AnalyzerTest.VerifyAsync("""
        using FaceCompliance;

        [UsesFacialData<CrowdCounting>]
        [NonBiometricAlternative(nameof(CountByHand))]
        public class Lobby(IFaceEngine engine, IConsentBook consent)
        {
            public int CountByHand() => 0;

            public Template Keep(Frame frame)
            {
                consent.Ensure<CrowdCounting>("lobby");
                return {|FC0005:engine.Extract(frame)|};
            }
        }
        """);

    [Fact]
    public Task Any_of_several_purposes_may_allow_the_use() => AnalyzerTest.VerifyAsync("""
        using FaceCompliance;

        [UsesFacialData<CrowdCounting>]
        [UsesFacialData<StaffAttendance>]
        [NonBiometricAlternative(nameof(SignIn))]
        public class Desk(IFaceEngine engine, IConsentBook consent)
        {
            public void SignIn(string badge) { }

            public string? ClockIn(Frame frame)
            {
                consent.Ensure<StaffAttendance>("staff");
                return engine.Identify(frame);
            }
        }
        """);

    [Fact]
    public Task A_wrapper_moves_purpose_to_its_callers_but_cannot_exceed_its_own_method() => AnalyzerTest.VerifyAsync("""
        using FaceCompliance;

        public class Wrapper(IFaceEngine engine)
        {
            [ProcessesFacialData(FacialProcessingMethod.Verification)]
            public bool Matches(Frame frame, Template template) => engine.Verify(frame, template);

            [ProcessesFacialData(FacialProcessingMethod.Verification)]
            public string? Launder(Frame frame) => {|FC0005:engine.Identify(frame)|};
        }
        """);

    [Fact]
    public Task Members_of_a_type_marked_as_processing_are_wrappers_too() => AnalyzerTest.VerifyAsync("""
        using FaceCompliance;

        [ProcessesFacialData(FacialProcessingMethod.Verification)]
        public class MatcherClient(IFaceEngine engine)
        {
            public bool Matches(Frame frame, Template template) => engine.Verify(frame, template);

            public string? Search(Frame frame) => {|FC0005:engine.Identify(frame)|};
        }
        """);
}
