using System.Linq;
using System.Threading.Tasks;
using FaceCompliance.Analyzers.Tests.Harness;
using Xunit;

namespace FaceCompliance.Analyzers.Tests.Rules;

/// <summary>FC0003 (an identity use needs an alternative) and FC0004 (the alternative must be real and reachable).</summary>
public sealed class AlternativeTests
{
    [Fact]
    public Task Verification_without_alternative_warns() => AnalyzerTest.VerifyAsync("""
        using FaceCompliance;

        [UsesFacialData<CommunityEntry>]
        public class Gate(IFaceEngine engine, IConsentBook consent)
        {
            public bool Enter(string id, Frame frame, Template t)
            {
                consent.Ensure<CommunityEntry>(id);
                return {|FC0003:engine.Verify(frame, t)|};
            }
        }
        """);

    [Fact]
    public Task Identification_without_alternative_warns_but_detection_and_liveness_do_not() => AnalyzerTest.VerifyAsync("""
        using FaceCompliance;

        [UsesFacialData<StaffAttendance>]
        public class Desk(IFaceEngine engine, IConsentBook consent)
        {
            public string? ClockIn(string id, Frame frame)
            {
                consent.Ensure<StaffAttendance>(id);
                return engine.IsLive(frame) && engine.CountFaces(frame) == 1 ? {|FC0003:engine.Identify(frame)|} : null;
            }
        }
        """);

    [Fact]
    public Task Alternative_on_the_method_or_the_type_is_accepted() => AnalyzerTest.VerifyAsync("""
        using FaceCompliance;

        [UsesFacialData<StaffAttendance>]
        public class Desk(IFaceEngine engine, IConsentBook consent)
        {
            public void SignIn(string badge) { }

            [NonBiometricAlternative(nameof(SignIn))]
            public string? ClockIn(string id, Frame frame)
            {
                consent.Ensure<StaffAttendance>(id);
                return engine.Identify(frame);
            }
        }
        """);

    [Fact]
    public Task Missing_alternative_member_is_FC0004() => AnalyzerTest.VerifyAsync("""
        using FaceCompliance;

        [UsesFacialData<CommunityEntry>]
        [{|FC0004:NonBiometricAlternative("EnterWithCard")|}]
        public class Gate(IFaceEngine engine, IConsentBook consent)
        {
            public bool Enter(string id, Frame frame, Template t)
            {
                consent.Ensure<CommunityEntry>(id);
                return engine.Verify(frame, t);
            }
        }
        """);

    [Fact]
    public Task Alternative_that_uses_the_face_is_FC0004() => AnalyzerTest.VerifyAsync("""
        using FaceCompliance;

        [UsesFacialData<CommunityEntry>]
        [{|FC0004:NonBiometricAlternative(nameof(EnterAgain))|}]
        public class Gate(IFaceEngine engine, IConsentBook consent)
        {
            public bool EnterAgain(string id, Frame frame)
            {
                consent.Ensure<CommunityEntry>(id);
                return engine.CountFaces(frame) == 1;
            }

            public bool Enter(string id, Frame frame, Template t)
            {
                consent.Ensure<CommunityEntry>(id);
                return engine.Verify(frame, t);
            }
        }
        """);

    [Fact]
    public Task Alternative_less_accessible_than_the_face_path_is_FC0004() => AnalyzerTest.VerifyAsync("""
        using FaceCompliance;

        [UsesFacialData<CommunityEntry>]
        public class Gate(IFaceEngine engine, IConsentBook consent)
        {
            private bool EnterWithCard(string card) => card.Length > 0;

            [{|FC0004:NonBiometricAlternative(nameof(EnterWithCard))|}]
            public bool Enter(string id, Frame frame, Template t)
            {
                consent.Ensure<CommunityEntry>(id);
                return engine.Verify(frame, t);
            }
        }
        """);

    [Fact]
    public Task Obsolete_alternative_is_FC0004_and_inherited_alternative_is_accepted() => AnalyzerTest.VerifyAsync("""
        using System;
        using FaceCompliance;

        public class GateBase
        {
            public bool EnterWithCard(string card) => card.Length > 0;

            [Obsolete("closed")]
            public bool EnterWithKey(string key) => key.Length > 0;
        }

        [UsesFacialData<CommunityEntry>]
        public class Gate(IFaceEngine engine, IConsentBook consent) : GateBase
        {
            [NonBiometricAlternative(nameof(EnterWithCard))]
            public bool Enter(string id, Frame frame, Template t)
            {
                consent.Ensure<CommunityEntry>(id);
                return engine.Verify(frame, t);
            }

            [{|FC0004:NonBiometricAlternative("EnterWithKey")|}]
            public bool EnterAtNight(string id, Frame frame, Template t)
            {
                consent.Ensure<CommunityEntry>(id);
                return engine.Verify(frame, t);
            }
        }
        """);

    [Fact]
    public Task Type_level_alternative_is_compared_with_the_type_and_may_be_a_property() => AnalyzerTest.VerifyAsync("""
        using FaceCompliance;

        [UsesFacialData<CommunityEntry>]
        [{|FC0004:NonBiometricAlternative(nameof(EnterWithCard))|}]
        public class Gate(IFaceEngine engine, IConsentBook consent)
        {
            internal bool EnterWithCard(string card) => card.Length > 0;

            public bool Enter(string id, Frame frame, Template t)
            {
                consent.Ensure<CommunityEntry>(id);
                return engine.Verify(frame, t);
            }
        }

        [UsesFacialData<CommunityEntry>]
        [NonBiometricAlternative(nameof(GuardDesk))]
        internal class ServiceGate(IFaceEngine engine, IConsentBook consent)
        {
            internal string GuardDesk => "Ask the guard to check your resident card.";

            public bool Enter(string id, Frame frame, Template t)
            {
                consent.Ensure<CommunityEntry>(id);
                return engine.Verify(frame, t);
            }
        }
        """);

    [Fact]
    public async Task Object_member_as_the_alternative_is_FC0004_inherited_or_overridden()
    {
        var diagnostics = await AnalyzerTest.VerifyAsync("""
            using FaceCompliance;

            [UsesFacialData<CommunityEntry>]
            [{|FC0004:NonBiometricAlternative(nameof(ToString))|}]
            public class Gate(IFaceEngine engine, IConsentBook consent)
            {
                public bool Enter(string id, Frame frame, Template t)
                {
                    consent.Ensure<CommunityEntry>(id);
                    return engine.Verify(frame, t);
                }
            }

            [UsesFacialData<CommunityEntry>]
            [{|FC0004:NonBiometricAlternative(nameof(GetHashCode))|}]
            public record Turnstile(IFaceEngine Engine, IConsentBook Consent)
            {
                public bool Enter(string id, Frame frame, Template t)
                {
                    Consent.Ensure<CommunityEntry>(id);
                    return Engine.Verify(frame, t);
                }
            }
            """);

        Assert.Equal(new[]
        {
            "The non-biometric alternative 'ToString' is 'object.ToString', which every type has: name a member that reaches the purpose without a face (Measures, Article 10)",
            "The non-biometric alternative 'GetHashCode' is 'object.GetHashCode', which every type has: name a member that reaches the purpose without a face (Measures, Article 10)",
        }, diagnostics.Select(d => d.GetMessage()));
    }

    [Fact]
    public Task Inherited_alternative_whose_body_uses_the_face_is_FC0004() => AnalyzerTest.VerifyAsync("""
        using FaceCompliance;

        [UsesFacialData<CommunityEntry>]
        [{|FC0004:NonBiometricAlternative(nameof(EnterByCounting))|}]
        public class Gate(IFaceEngine engine, IConsentBook consent) : GateBase(engine, consent)
        {
            public bool Enter(string id, Frame frame, Template t)
            {
                consent.Ensure<CommunityEntry>(id);
                return engine.Verify(frame, t);
            }
        }

        [UsesFacialData<CrowdCounting>]
        public class GateBase(IFaceEngine engine, IConsentBook consent)
        {
            public bool EnterByCounting(Frame frame)
            {
                consent.Ensure<CrowdCounting>("gate");
                return engine.CountFaces(frame) == 1;
            }
        }

        [UsesFacialData<CommunityEntry>]
        [{|FC0004:NonBiometricAlternative(nameof(EnterWithPhoto))|}]
        public class Turnstile(IFaceEngine engine, IConsentBook consent) : TurnstileBase<Frame>(engine, consent)
        {
            public bool Enter(string id, Frame frame, Template t)
            {
                consent.Ensure<CommunityEntry>(id);
                return engine.Verify(frame, t);
            }
        }

        public class TurnstileBase<TPhoto>(IFaceEngine engine, IConsentBook consent)
        {
            [RequiresFacialConsent]
            public bool Open(TPhoto photo) => photo is not null;

            public bool EnterWithPhoto(TPhoto photo)
            {
                consent.Ensure<CommunityEntry>("gate");
                return Open(photo);
            }
        }
        """);

    [Fact]
    public Task Alternative_inherited_from_a_referenced_assembly_is_judged_by_its_attributes() => SeparateCompilation.VerifyAsync("""
        using FaceCompliance;

        [UsesFacialData<CommunityEntry>]
        public class Gate(IFaceEngine engine, IConsentBook consent) : Library.GateBase(engine)
        {
            [NonBiometricAlternative(nameof(EnterWithCard))]
            public bool Enter(string id, Frame frame, Template t)
            {
                consent.Ensure<CommunityEntry>(id);
                return engine.Verify(frame, t);
            }

            [{|FC0004:NonBiometricAlternative(nameof(EnterByCounting))|}]
            public bool EnterAtNight(string id, Frame frame, Template t)
            {
                consent.Ensure<CommunityEntry>(id);
                return engine.Verify(frame, t);
            }

            // A compiled body cannot be read: a library built with the analyzers had to declare a face use there (FC0001).
            [NonBiometricAlternative(nameof(EnterByPhoto))]
            public bool EnterAtTheBack(string id, Frame frame, Template t)
            {
                consent.Ensure<CommunityEntry>(id);
                return engine.Verify(frame, t);
            }
        }
        """, SeparateCompilation.CompileLibrary("Library", """
        using FaceCompliance;

        namespace Library;

        public class GateBase(IFaceEngine engine)
        {
            public bool EnterWithCard(string card) => card.Length > 0;

            [UsesFacialData<CrowdCounting>]
            [RequiresFacialConsent]
            public bool EnterByCounting(Frame frame) => engine.CountFaces(frame) == 1;

            public bool EnterByPhoto(Frame frame) => engine.CountFaces(frame) == 1;
        }
        """));

    [Fact]
    public Task Alternative_declared_on_a_lambda_must_exist() => AnalyzerTest.VerifyAsync("""
        using System;
        using FaceCompliance;

        IFaceEngine engine = null!;
        IConsentBook consent = null!;

        Func<string, Frame, Template, bool> enter = [UsesFacialData<CommunityEntry>] [{|FC0004:NonBiometricAlternative("EnterWithCard")|}] (id, frame, t) =>
        {
            consent.Ensure<CommunityEntry>(id);
            return engine.Verify(frame, t);
        };
        Console.WriteLine(enter("resident", new Frame(), new Template()));
        """);
}
