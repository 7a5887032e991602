using System.Linq;
using System.Threading.Tasks;
using FaceCompliance.Analyzers.Tests.Harness;
using Xunit;

namespace FaceCompliance.Analyzers.Tests.Rules;

/// <summary>
/// Where purposes, alternatives and wrappers are looked up (docs/semantics.md, "The use site and its declarations"):
/// base types and interfaces, nested types, records, partial members, lambdas and local functions; and how the
/// messages name the use site.
/// </summary>
public sealed class UseSiteTests
{
    [Fact]
    public async Task Purpose_on_a_base_class_is_not_inherited_and_the_message_says_so()
    {
        var diagnostics = await AnalyzerTest.VerifyAsync("""
            using FaceCompliance;

            [UsesFacialData<CrowdCounting>]
            public abstract class LobbyBase { }

            public class Lobby(IFaceEngine engine, IConsentBook consent) : LobbyBase
            {
                public int Count(Frame frame)
                {
                    consent.Ensure<CrowdCounting>("lobby");
                    return {|FC0001:engine.CountFaces(frame)|};
                }
            }
            """);

        Assert.Equal(
            "'IFaceEngine.CountFaces' processes facial data, but no purpose is declared for 'Count': add [UsesFacialData<TPurpose>] to it or its type; "
            + "the [UsesFacialData] on 'LobbyBase' is not inherited (Measures, Article 4)",
            diagnostics.Single().GetMessage());
    }

    [Fact]
    public Task Purpose_on_a_base_class_covers_the_members_it_declares() => AnalyzerTest.VerifyAsync("""
        using FaceCompliance;

        [UsesFacialData<CrowdCounting>]
        public abstract class LobbyBase(IFaceEngine engine, IConsentBook consent)
        {
            protected int CountFaces(Frame frame)
            {
                consent.Ensure<CrowdCounting>("lobby");
                return engine.CountFaces(frame);
            }
        }

        public class Lobby(IFaceEngine engine, IConsentBook consent) : LobbyBase(engine, consent)
        {
            public int Count(Frame frame) => CountFaces(frame);
        }
        """);

    [Fact]
    public async Task Purpose_on_an_interface_member_is_not_inherited_by_the_implementation()
    {
        var diagnostics = await AnalyzerTest.VerifyAsync("""
            using FaceCompliance;

            public interface ILobby
            {
                [UsesFacialData<CrowdCounting>] int Count(Frame frame);
            }

            public class Lobby(IFaceEngine engine, IConsentBook consent) : ILobby
            {
                public int Count(Frame frame)
                {
                    consent.Ensure<CrowdCounting>("lobby");
                    return {|FC0001:engine.CountFaces(frame)|};
                }
            }
            """);

        Assert.EndsWith(
            "add [UsesFacialData<TPurpose>] to it or its type; the [UsesFacialData] on 'ILobby.Count' is not inherited (Measures, Article 4)",
            diagnostics.Single().GetMessage());
    }

    [Fact]
    public Task Purpose_on_an_interface_member_covers_its_default_body() => AnalyzerTest.VerifyAsync("""
        using FaceCompliance;

        public interface ILobby
        {
            IFaceEngine Engine { get; }

            IConsentBook Consent { get; }

            [UsesFacialData<CrowdCounting>]
            int Count(Frame frame)
            {
                Consent.Ensure<CrowdCounting>("lobby");
                return Engine.CountFaces(frame);
            }
        }
        """);

    [Fact]
    public async Task Alternative_on_a_base_class_is_not_inherited_and_the_message_says_so()
    {
        var diagnostics = await AnalyzerTest.VerifyAsync("""
            using FaceCompliance;

            [NonBiometricAlternative(nameof(EnterWithCard))]
            public abstract class GateBase
            {
                public bool EnterWithCard(string card) => card.Length > 0;
            }

            [UsesFacialData<CommunityEntry>]
            public class Gate(IFaceEngine engine, IConsentBook consent) : GateBase
            {
                public bool Enter(string id, Frame frame, Template t)
                {
                    consent.Ensure<CommunityEntry>(id);
                    return {|FC0003:engine.Verify(frame, t)|};
                }
            }
            """);

        Assert.Equal(
            "'IFaceEngine.Verify' uses the face for 1:1 verification, but no non-biometric alternative is declared for 'Enter': "
            + "add [NonBiometricAlternative(nameof(...))] to it or its type; the [NonBiometricAlternative] on 'GateBase' is not inherited (Measures, Article 10)",
            diagnostics.Single().GetMessage());
    }

    [Fact]
    public Task Nested_type_without_a_purpose_inside_a_type_without_one_warns() => AnalyzerTest.VerifyAsync("""
        using FaceCompliance;

        public class Site
        {
            public class Lobby(IFaceEngine engine, IConsentBook consent)
            {
                public int Count(Frame frame)
                {
                    consent.Ensure<CrowdCounting>("lobby");
                    return {|FC0001:engine.CountFaces(frame)|};
                }
            }
        }
        """);

    [Fact]
    public Task Nested_type_takes_the_purposes_of_the_type_around_it_and_its_own_win() => AnalyzerTest.VerifyAsync("""
        using FaceCompliance;

        [UsesFacialData<StaffAttendance>]
        [NonBiometricAlternative(nameof(SignIn))]
        public class Office
        {
            public static void SignIn(string badge) { }

            public class Desk(IFaceEngine engine, IConsentBook consent)
            {
                public string? ClockIn(string id, Frame frame)
                {
                    consent.Ensure<StaffAttendance>(id);
                    return engine.Identify(frame);
                }
            }

            [UsesFacialData<CrowdCounting>]
            public class Lobby(IFaceEngine engine, IConsentBook consent)
            {
                public string? Who(Frame frame)
                {
                    consent.Ensure<CrowdCounting>("lobby");
                    return {|FC0005:engine.Identify(frame)|};
                }
            }
        }
        """);

    [Fact]
    public async Task Record_base_call_and_property_initializer_without_a_purpose_name_the_constructor_and_the_property()
    {
        var diagnostics = await AnalyzerTest.VerifyAsync("""
            using FaceCompliance;

            public record Outcome(int Faces);

            public record LobbyCount(IFaceEngine Engine, Frame Frame, ConsentReceipt<CrowdCounting> Receipt)
                : Outcome({|FC0001:{|FC0002:Engine.CountFaces(Frame)|}|})
            {
                public int Again { get; } = {|FC0001:{|FC0002:Engine.CountFaces(Frame)|}|};
            }
            """);

        Assert.Equal(new[]
        {
            "'IFaceEngine.CountFaces' processes facial data, but no purpose is declared for the primary constructor of 'LobbyCount': "
                + "add [UsesFacialData<TPurpose>] to its type, or to the constructor alone with the 'method:' target on the type (Measures, Article 4)",
            "'IFaceEngine.CountFaces' processes facial data, but no purpose is declared for 'Again': add [UsesFacialData<TPurpose>] to it or its type (Measures, Article 4)",
        }, diagnostics.Where(d => d.Id == "FC0001").Select(d => d.GetMessage()));
    }

    [Fact]
    public Task Record_purposes_on_the_type_or_the_primary_constructor_cover_its_base_call_and_initializers() => AnalyzerTest.VerifyAsync("""
        using FaceCompliance;

        public record Outcome(bool Entered);

        [method: UsesFacialData<CommunityEntry>]
        [NonBiometricAlternative(nameof(EnterWithCard))]
        public record Entry(IFaceEngine Engine, Frame Frame, ConsentReceipt<CommunityEntry> Receipt) : Outcome(Engine.Verify(Frame, Receipt))
        {
            public static bool EnterWithCard(string card) => card.Length > 0;
        }

        [UsesFacialData<CommunityEntry>]
        [NonBiometricAlternative(nameof(EnterWithCard))]
        public record Visit(IFaceEngine Engine, Frame Frame, ConsentReceipt<CommunityEntry> Receipt)
        {
            public bool Entered { get; } = Engine.Verify(Frame, Receipt);

            public static bool EnterWithCard(string card) => card.Length > 0;
        }
        """);

    [Fact]
    public Task Partial_member_without_a_purpose_on_either_part_warns() => AnalyzerTest.VerifyAsync("""
        using FaceCompliance;

        public partial class Lobby(IFaceEngine engine, IConsentBook consent)
        {
            public partial int Count(Frame frame);

            public partial int Count(Frame frame)
            {
                consent.Ensure<CrowdCounting>("lobby");
                return {|FC0001:engine.CountFaces(frame)|};
            }
        }
        """);

    [Fact]
    public Task Purpose_on_either_part_of_a_partial_method_or_property_covers_the_implementation() => AnalyzerTest.VerifyAsync("""
        using FaceCompliance;

        public partial class Lobby(IFaceEngine engine, IConsentBook consent)
        {
            [UsesFacialData<CrowdCounting>]
            public partial int Count(Frame frame);

            public partial int Count(Frame frame)
            {
                consent.Ensure<CrowdCounting>("lobby");
                return engine.CountFaces(frame);
            }

            public partial int Again(Frame frame);

            [UsesFacialData<CrowdCounting>]
            public partial int Again(Frame frame)
            {
                consent.Ensure<CrowdCounting>("lobby");
                return engine.CountFaces(frame);
            }

            [UsesFacialData<CrowdCounting>]
            public partial int Faces { get; }

            public partial int Faces
            {
                get
                {
                    consent.Ensure<CrowdCounting>("lobby");
                    return engine.CountFaces(new Frame());
                }
            }
        }
        """);

    [Fact]
    public Task Minimal_API_handlers_declare_their_purpose_and_alternative_on_the_lambda() => AnalyzerTest.VerifyAsync("""
        using System;
        using FaceCompliance;

        IFaceEngine engine = null!;
        IConsentBook consent = null!;

        Map("/enter", [UsesFacialData<CommunityEntry>] [NonBiometricAlternative(nameof(EnterWithCard))] (string id, Frame frame, Template t) =>
        {
            consent.Ensure<CommunityEntry>(id);
            return engine.Verify(frame, t);
        });

        Map("/clock-in", [UsesFacialData<StaffAttendance>] [NonBiometricAlternative(nameof(SignIn))] (string id, Frame frame) =>
        {
            consent.Ensure<StaffAttendance>(id);
            return engine.Identify(frame);
        });

        static void Map(string route, Delegate handler) => Console.WriteLine(route + handler.Method.Name);

        partial class Program
        {
            public static bool EnterWithCard(string card) => card.Length > 0;

            public static bool SignIn(string badge) => badge.Length > 0;
        }
        """);

    [Fact]
    public async Task Lambda_declarations_come_first_and_the_messages_name_the_lambda()
    {
        var diagnostics = await AnalyzerTest.VerifyAsync("""
            using System;
            using FaceCompliance;

            IFaceEngine engine = null!;
            IConsentBook consent = null!;

            Map("/enter", [NonBiometricAlternative(nameof(EnterWithCard))] (string id, Frame frame, Template t) =>
            {
                consent.Ensure<CommunityEntry>(id);
                return {|FC0001:engine.Verify(frame, t)|};
            });

            Map("/count", [UsesFacialData<CrowdCounting>] [NonBiometricAlternative(nameof(EnterWithCard))] (Frame frame) =>
            {
                consent.Ensure<CrowdCounting>("lobby");
                return {|FC0005:engine.Identify(frame)|};
            });

            static void Map(string route, Delegate handler) => Console.WriteLine(route + handler.Method.Name);

            partial class Program
            {
                public static bool EnterWithCard(string card) => card.Length > 0;
            }
            """);

        Assert.Equal(
            "'IFaceEngine.Verify' processes facial data, but no purpose is declared for a lambda in the top-level statements: add [UsesFacialData<TPurpose>] to the lambda, "
            + "or to a 'partial class Program' declaration after the top-level statements (Measures, Article 4)",
            diagnostics.First(d => d.Id == "FC0001").GetMessage());
        Assert.Equal(
            "'IFaceEngine.Identify' performs Identification, which exceeds the declared purpose 'CrowdCounting' (Detection) (Measures, Articles 4 and 5)",
            diagnostics.First(d => d.Id == "FC0005").GetMessage());
    }

    [Fact]
    public Task Consent_for_the_member_purpose_in_a_lambda_with_its_own_purpose_is_FC0006_and_for_its_own_is_not() => AnalyzerTest.VerifyAsync(Snippets.InGate("""
        public Func<string, Frame, string?> ClockIn() =>
            [UsesFacialData<StaffAttendance>] [NonBiometricAlternative(nameof(EnterWithCard))] (string id, Frame frame) =>
            {
                consent.Ensure<CommunityEntry>(id);
                return {|FC0006:engine.Identify(frame)|};
            };

        public Func<string, Frame, string?> ClockInChecked() =>
            [UsesFacialData<StaffAttendance>] [NonBiometricAlternative(nameof(EnterWithCard))] (string id, Frame frame) =>
            {
                consent.Ensure<StaffAttendance>(id);
                return engine.Identify(frame);
            };
        """));

    [Fact]
    public Task Lambda_with_ProcessesFacialData_or_RequiresFacialConsent_moves_nothing() => AnalyzerTest.VerifyAsync("""
        using System;
        using FaceCompliance;

        public class Lobby(IFaceEngine engine, IConsentBook consent)
        {
            public Func<Frame, int> Counter() =>
                [ProcessesFacialData(FacialProcessingMethod.Detection)] (Frame frame) => {|FC0001:{|FC0002:engine.CountFaces(frame)|}|};

            [UsesFacialData<CrowdCounting>]
            public Func<Frame, int> GuardedCounter() =>
                [RequiresFacialConsent] (Frame frame) => {|FC0002:engine.CountFaces(frame)|};

            [UsesFacialData<CrowdCounting>]
            public Func<Frame, int> CheckedCounter()
            {
                consent.Ensure<CrowdCounting>("lobby");
                return [RequiresFacialConsent] (Frame frame) => engine.CountFaces(frame);
            }
        }
        """);

    [Fact]
    public async Task Local_function_with_its_own_declarations_is_a_use_site()
    {
        var diagnostics = await AnalyzerTest.VerifyAsync("""
            using FaceCompliance;

            public class Lobby(IFaceEngine engine, IConsentBook consent)
            {
                public int Count(Frame frame)
                {
                    consent.Ensure<CrowdCounting>("lobby");
                    return Faces(frame) + Others(frame);

                    [UsesFacialData<CrowdCounting>]
                    int Faces(Frame f) => engine.CountFaces(f);

                    [NonBiometricAlternative(nameof(CountByHand))]
                    int Others(Frame f) => {|FC0001:engine.CountFaces(f)|};
                }

                public int CountByHand() => 0;
            }
            """);

        Assert.Contains("no purpose is declared for local function 'Others': add [UsesFacialData<TPurpose>] to it, or to 'Count' or its type",
            diagnostics.Single(d => d.Id == "FC0001").GetMessage());
    }

    [Fact]
    public Task Local_function_marked_ProcessesFacialData_moves_the_obligations_to_its_calls() => AnalyzerTest.VerifyAsync("""
        using FaceCompliance;

        public class Lobby(IFaceEngine engine, IConsentBook consent)
        {
            public int Count(Frame frame)
            {
                var faces = {|FC0001:{|FC0002:Faces(frame)|}|};
                consent.Ensure<CrowdCounting>("lobby");
                return faces;

                [ProcessesFacialData(FacialProcessingMethod.Detection)]
                int Faces(Frame f) => engine.CountFaces(f) + {|FC0005:engine.Identify(f)|}!.Length;
            }
        }
        """);

    [Fact]
    public async Task Uses_in_constructors_operators_and_field_initializers_are_named_as_written()
    {
        var diagnostics = await AnalyzerTest.VerifyAsync("""
            using FaceCompliance;

            public class Lobby
            {
                private static readonly IFaceEngine Engine = null!;
                private readonly int _faces = {|FC0001:{|FC0002:Engine.CountFaces(new Frame())|}|};

                public Lobby() => _faces += {|FC0001:{|FC0002:Engine.CountFaces(new Frame())|}|};

                public static int operator +(Lobby lobby, Frame frame) => lobby._faces + {|FC0001:{|FC0002:Engine.CountFaces(frame)|}|};
            }
            """);

        Assert.Equal(new[]
        {
            "no purpose is declared for the initializer of '_faces': add [UsesFacialData<TPurpose>] to its type 'Lobby'",
            "no purpose is declared for the constructor of 'Lobby': add [UsesFacialData<TPurpose>] to it or its type",
            "no purpose is declared for 'Lobby.operator +': add [UsesFacialData<TPurpose>] to it or its type",
        }, diagnostics.Where(d => d.Id == "FC0001").Select(d => Between(d.GetMessage(), "no purpose", " (Measures")));
    }

    [Fact]
    public async Task A_RequiresFacialConsent_call_is_named_as_needing_consent_and_a_local_function_by_its_name()
    {
        var diagnostics = await AnalyzerTest.VerifyAsync("""
            using FaceCompliance;

            [UsesFacialData<CommunityEntry>]
            [NonBiometricAlternative(nameof(EnterWithCard))]
            public class Gate(IFaceEngine engine)
            {
                public bool EnterWithCard(string card) => card.Length > 0;

                [RequiresFacialConsent]
                public bool Open(Frame frame, Template t) => engine.Verify(frame, t);

                public bool Enter(Frame frame, Template t)
                {
                    return {|FC0002:Open(frame, t)|} && {|FC0002:Check(frame)|};

                    [RequiresFacialConsent]
                    bool Check(Frame f) => engine.CountFaces(f) == 1;
                }
            }
            """);

        Assert.Equal(new[]
        {
            "'Gate.Open' is marked [RequiresFacialConsent], but no consent check for 'CommunityEntry' holds on every path before it (Measures, Article 6; PIPL, Article 29)",
            "'Check' is marked [RequiresFacialConsent], but no consent check for 'CommunityEntry' holds on every path before it (Measures, Article 6; PIPL, Article 29)",
        }, diagnostics.Select(d => d.GetMessage()));
    }

    [Fact]
    public async Task Wrapper_method_exceeded_names_where_the_wrapper_is_declared()
    {
        var diagnostics = await AnalyzerTest.VerifyAsync("""
            using FaceCompliance;

            [ProcessesFacialData(FacialProcessingMethod.Verification)]
            public class Matcher(IFaceEngine engine)
            {
                public string? Match(Frame frame) => {|FC0005:engine.Identify(frame)|};

                public bool Match(Frame frame, Template t) => engine.Verify(frame, t);
            }
            """);

        Assert.Equal(
            "'IFaceEngine.Identify' performs Identification, which exceeds the Verification declared by 'Matcher' with [ProcessesFacialData] (Measures, Articles 4 and 5)",
            diagnostics.Single().GetMessage());
    }

    [Fact]
    public Task Purpose_on_a_lambda_or_local_function_that_is_no_purpose_is_FC0008() => AnalyzerTest.VerifyAsync("""
        using System;
        using FaceCompliance;

        public sealed class NotAPurpose { }

        public class Lobby(IFaceEngine engine, IConsentBook consent)
        {
            public Func<Frame, int> Counter()
            {
                consent.Ensure<CrowdCounting>("lobby");
                return [{|FC0008:UsesFacialData<NotAPurpose>|}] (Frame frame) => {|FC0006:engine.CountFaces(frame)|};
            }

            public int Count(Frame frame)
            {
                consent.Ensure<CrowdCounting>("lobby");
                return Faces(frame);

                [{|FC0008:UsesFacialData<NotAPurpose>|}]
                int Faces(Frame f) => {|FC0006:engine.CountFaces(f)|};
            }

            [UsesFacialData<CrowdCounting>]
            public Func<Frame, int> CheckedCounter()
            {
                consent.Ensure<CrowdCounting>("lobby");
                return [UsesFacialData<CrowdCounting>] (Frame frame) => engine.CountFaces(frame);
            }
        }
        """);

    private static string Between(string text, string from, string to)
    {
        var start = text.IndexOf(from, System.StringComparison.Ordinal);
        return text.Substring(start, text.IndexOf(to, start, System.StringComparison.Ordinal) - start);
    }
}
