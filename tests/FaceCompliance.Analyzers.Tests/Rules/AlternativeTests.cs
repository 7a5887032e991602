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
}
