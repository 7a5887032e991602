using System.Linq;
using System.Threading.Tasks;
using FaceCompliance.Analyzers.Tests.Harness;
using Xunit;

namespace FaceCompliance.Analyzers.Tests.Rules;

/// <summary>
/// Declaration constructs that decide what is a use (issue 12, item 7): [ProcessesFacialData] on an accessor, indexers,
/// operators and conversions (FC0012), Equals/GetHashCode/IEquatable on a processing type (FC0009), generic wrappers and
/// constrained generics. Each has a "warns" and a "does not warn" test.
/// </summary>
public sealed class UseDeclarationTests
{
    // [ProcessesFacialData] on a property accessor

    [Fact]
    public Task Reading_a_property_whose_getter_processes_faces_warns() => AnalyzerTest.VerifyAsync("""
        using FaceCompliance;

        public class Camera
        {
            public Frame Current { [ProcessesFacialData(FacialProcessingMethod.Detection)] get => new Frame(); set { } }
        }

        public class Lobby
        {
            public Frame Look(Camera camera) => {|FC0001:{|FC0002:camera.Current|}|};
        }
        """);

    [Fact]
    public Task Writing_it_does_not_warn_and_the_getter_is_a_wrapper() => AnalyzerTest.VerifyAsync("""
        using FaceCompliance;

        public class Camera(IFaceEngine engine)
        {
            private Frame _frame = new();

            public Frame Current
            {
                [ProcessesFacialData(FacialProcessingMethod.Detection)]
                get => engine.CountFaces(_frame) > 0 ? _frame : new Frame();
                set => _frame = value;
            }
        }

        public class Lobby
        {
            public void Show(Camera camera, Frame frame) => camera.Current = frame;
        }
        """);

    [Fact]
    public Task A_compound_assignment_runs_the_getter_and_warns() => AnalyzerTest.VerifyAsync("""
        using FaceCompliance;

        public class Counter
        {
            public int Faces { [ProcessesFacialData(FacialProcessingMethod.Detection)] get => 0; set { } }
        }

        public class Lobby
        {
            public void Reset(Counter counter) => counter.Faces = 0;

            public void Add(Counter counter) => {|FC0001:{|FC0002:counter.Faces|}|} += 1;
        }
        """);

    [Fact]
    public Task A_setter_that_drops_its_interfaces_accessor_attribute_is_FC0009() => AnalyzerTest.VerifyAsync("""
        using FaceCompliance;

        public interface ICamera
        {
            Frame Current { [ProcessesFacialData(FacialProcessingMethod.Detection)] get; }
        }

        public class Kept : ICamera
        {
            public Frame Current { [ProcessesFacialData(FacialProcessingMethod.Detection)] get => new Frame(); }
        }

        public class Dropped : ICamera
        {
            public Frame Current { {|FC0009:get|} => new Frame(); }
        }
        """);

    // Indexers of a processing type

    [Fact]
    public Task An_indexer_of_a_processing_type_that_returns_a_template_warns() => AnalyzerTest.VerifyAsync("""
        using FaceCompliance;

        [ProcessesFacialData(FacialProcessingMethod.Verification)]
        public class Gallery
        {
            public Template this[string person] => new Template();
        }

        public class Lobby
        {
            public Template Enrolled(Gallery gallery) => {|FC0001:{|FC0002:{|FC0003:gallery["r1"]|}|}|};
        }
        """);

    [Fact]
    public Task An_indexer_of_a_processing_type_that_returns_a_count_does_not_warn() => AnalyzerTest.VerifyAsync("""
        using FaceCompliance;

        [ProcessesFacialData(FacialProcessingMethod.Verification)]
        public class Gallery
        {
            public int this[string person] => 3;
        }

        public class Lobby
        {
            public int Photos(Gallery gallery) => gallery["r1"];
        }
        """);

    [Fact]
    public Task A_record_marked_as_processing_covers_its_positional_properties_that_carry_faces_not_its_generated_members() => AnalyzerTest.VerifyAsync("""
        using FaceCompliance;

        [ProcessesFacialData(FacialProcessingMethod.Verification)]
        public sealed record Probe(Frame Image, double Threshold);

        public class Lobby
        {
            public bool Run(Probe probe, Probe other)
                => {|FC0001:{|FC0002:{|FC0003:probe.Image|}|}|} is not null && probe.Threshold > 0 && probe == other && probe.Equals(other)
                    && probe.ToString().Length > 0 && (probe with { Threshold = 0.5 }).GetHashCode() != 0;
        }
        """);

    // User-defined operators and conversions

    [Fact]
    public async Task A_conversion_or_operator_that_processes_faces_is_FC0012()
    {
        var diagnostics = await AnalyzerTest.VerifyAsync("""
            using FaceCompliance;

            [ProcessesFacialData(FacialProcessingMethod.Verification)]
            public class Encoder
            {
                public static implicit operator {|FC0012:Template|}(Encoder encoder) => new Template();

                public static Template operator {|FC0012:+|}(Encoder encoder, Frame frame) => new Template();
            }

            public readonly struct Probe
            {
                [ProcessesFacialData(FacialProcessingMethod.Detection)]
                public static explicit operator {|FC0012:int|}(Probe probe) => 1;

                [RequiresFacialConsent]
                public static bool operator {|FC0012:!|}(Probe probe) => false;
            }

            public class Lobby
            {
                public Template Convert(Encoder encoder, Frame frame) => encoder + frame;
            }
            """);

        Assert.Equal(
            [
                "'Encoder.implicit operator Template' processes facial data (Verification), but the facial-data rules do not check where an operator or conversion is used: make it a named method",
                "'Encoder.operator +' processes facial data (Verification), but the facial-data rules do not check where an operator or conversion is used: make it a named method",
                "'Probe.explicit operator int' processes facial data (Detection), but the facial-data rules do not check where an operator or conversion is used: make it a named method",
                "'Probe.operator !' requires facial-data consent, but the facial-data rules do not check where an operator or conversion is used: make it a named method",
            ],
            diagnostics.OrderBy(d => d.Location.SourceSpan.Start).Select(d => d.GetMessage()));
    }

    [Fact]
    public Task Equality_operators_and_conversions_that_carry_no_face_do_not_warn() => AnalyzerTest.VerifyAsync("""
        using FaceCompliance;

        [ProcessesFacialData(FacialProcessingMethod.Verification)]
        public sealed class Engine
        {
            public int Handle { get; init; }

            public static bool operator ==(Engine? a, Engine? b) => a?.Handle == b?.Handle;
            public static bool operator !=(Engine? a, Engine? b) => !(a == b);
            public static explicit operator Engine(int handle) => new Engine { Handle = handle };
            public override bool Equals(object? obj) => obj is Engine other && other.Handle == Handle;
            public override int GetHashCode() => Handle;
        }

        public class Lobby
        {
            public bool Same(Engine a, int handle) => a == (Engine)handle && a.Equals((object)a) && a.GetHashCode() == handle;
        }
        """);

    // Equals, GetHashCode and IEquatable<T> on a processing type (FC0009 must not demand the impossible)

    [Fact]
    public Task Equality_members_of_a_processing_type_are_not_uses_and_not_FC0009() => AnalyzerTest.VerifyAsync("""
        using System;
        using System.Collections.Generic;
        using FaceCompliance;

        [ProcessesFacialData(FacialProcessingMethod.Verification)]
        public sealed class Matcher(IFaceEngine engine) : IEquatable<Matcher>, IComparable<Matcher>
        {
            public string Name { get; } = "gate";

            public bool Matches(Frame frame, Template template) => engine.Verify(frame, template);

            public bool Equals(Matcher? other) => other?.Name == Name;
            public override bool Equals(object? obj) => Equals(obj as Matcher);
            public override int GetHashCode() => Name.GetHashCode(StringComparison.Ordinal);
            public override string ToString() => Name;
            public int CompareTo(Matcher? other) => string.CompareOrdinal(Name, other?.Name);
        }

        public class Registry
        {
            private readonly HashSet<Matcher> _matchers = new();

            public bool Add(Matcher matcher) => _matchers.Add(matcher) && matcher.Equals(matcher) && matcher.ToString() != "";
        }
        """);

    [Fact]
    public async Task An_equality_member_that_does_process_faces_is_FC0009_naming_what_it_cannot_declare()
    {
        var diagnostics = await AnalyzerTest.VerifyAsync("""
            using System.Collections.Generic;
            using FaceCompliance;

            public sealed class Probe(IFaceEngine engine, Frame frame)
            {
                [ProcessesFacialData(FacialProcessingMethod.Verification)]
                public override bool {|FC0009:Equals|}(object? obj) => obj is Template t && engine.Verify(frame, t);

                public override int GetHashCode() => 0;
            }

            [ProcessesFacialData(FacialProcessingMethod.Verification)]
            public sealed class FaceOrder(IFaceEngine engine) : IComparer<Frame>
            {
                public int {|FC0009:Compare|}(Frame? x, Frame? y) => x is null || y is null ? 0 : engine.CountFaces(x) - engine.CountFaces(y);
            }
            """);

        Assert.Equal(
            [
                "'Probe.Equals' processes facial data (Verification), which cannot be declared on the referenced 'Object.Equals', which it overrides: calls through one of them escape the facial-data rules",
                "'FaceOrder.Compare' processes facial data (Verification), which cannot be declared on the referenced 'IComparer.Compare', which it implements: calls through one of them escape the facial-data rules",
            ],
            diagnostics.OrderBy(d => d.Location.SourceSpan.Start).Select(d => d.GetMessage()));
    }

    // Generic wrappers and constrained generics

    [Fact]
    public Task A_call_through_a_constrained_type_parameter_warns() => AnalyzerTest.VerifyAsync("""
        public class Runner
        {
            public bool Run<TEngine>(TEngine engine, Frame frame, Template template) where TEngine : IFaceEngine
                => {|FC0001:{|FC0002:{|FC0003:engine.Verify(frame, template)|}|}|};

            public string? Search<TEngine>(TEngine engine, Frame frame) where TEngine : class, IFaceEngine
                => {|FC0001:{|FC0002:{|FC0003:engine.Identify(frame)|}|}|};
        }
        """);

    [Fact]
    public Task A_constrained_call_with_its_declarations_does_not_warn() => AnalyzerTest.VerifyAsync("""
        using FaceCompliance;

        [UsesFacialData<CommunityEntry>]
        [NonBiometricAlternative(nameof(EnterWithCard))]
        public class Runner(IConsentBook consent)
        {
            public bool EnterWithCard(string card) => card.Length > 0;

            public bool Run<TEngine>(TEngine engine, Frame frame, Template template) where TEngine : IFaceEngine
            {
                consent.Ensure<CommunityEntry>("r1");
                return engine.Verify(frame, template);
            }
        }
        """);

    [Fact]
    public Task A_generic_wrapper_moves_the_obligations_to_its_callers_whatever_its_type_argument() => AnalyzerTest.VerifyAsync("""
        using FaceCompliance;

        public sealed class Wrapper<TEngine>(TEngine engine) where TEngine : IFaceEngine
        {
            [ProcessesFacialData(FacialProcessingMethod.Verification)]
            public bool Verify(Frame frame, Template template) => engine.Verify(frame, template);

            public TEngine Engine => engine;
        }

        public class Lobby
        {
            public bool Enter(Wrapper<IFaceEngine> wrapper, Frame frame, Template template)
                => wrapper.Engine is not null && {|FC0001:{|FC0002:{|FC0003:wrapper.Verify(frame, template)|}|}|};
        }
        """);

    [Fact]
    public Task A_static_abstract_member_called_through_a_type_parameter_warns() => AnalyzerTest.VerifyAsync("""
        using FaceCompliance;

        public interface IDetector<TSelf> where TSelf : IDetector<TSelf>
        {
            [ProcessesFacialData(FacialProcessingMethod.Detection)] static abstract int Count(Frame frame);
            static abstract string Name { get; }
        }

        public class Lobby
        {
            public int Count<TDetector>(Frame frame) where TDetector : IDetector<TDetector>
                => TDetector.Name.Length + {|FC0001:{|FC0002:TDetector.Count(frame)|}|};
        }
        """);

    [Fact]
    public Task A_member_of_a_generic_processing_type_that_takes_a_type_parameter_is_covered() => AnalyzerTest.VerifyAsync("""
        using FaceCompliance;

        [ProcessesFacialData(FacialProcessingMethod.Detection)]
        public sealed class Scanner<TImage>
        {
            public int Count(TImage image) => 0;
            public int Resolution { get; set; }
        }

        public class Lobby
        {
            public int Run(Scanner<Frame> scanner, Frame frame)
            {
                scanner.Resolution = 640;
                return {|FC0001:{|FC0002:scanner.Count(frame)|}|};
            }
        }
        """);
}
