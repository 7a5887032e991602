using System.Threading.Tasks;
using FaceCompliance.Analyzers.Tests.Harness;
using FaceCompliance.CodeFixes;
using Xunit;

namespace FaceCompliance.Analyzers.Tests.CodeFixes;

/// <summary>
/// Fix All in a document edits every member that holds a diagnostic exactly once, and adds a missing
/// <c>using FaceCompliance;</c> once (a batch fixer would drop all but two of the identical using insertions).
/// </summary>
public sealed class FixAllTests
{
    [Fact]
    public Task Declares_the_purpose_on_every_member_and_adds_the_using_once() => CodeFixTest.VerifyFixAllAsync<DeclarePurposeCodeFixProvider>("""
        public class Lobby(IFaceEngine engine, IConsentBook consent)
        {
            public int Count(Frame frame)
            {
                consent.Ensure<CrowdCounting>("lobby");
                return {|FC0001:engine.CountFaces(frame)|};
            }

            public int CountTwice(Frame frame)
            {
                consent.Ensure<CrowdCounting>("lobby");
                return {|FC0001:engine.CountFaces(frame)|} + {|FC0001:engine.CountFaces(frame)|};
            }

            public bool AnyFace(Frame frame)
            {
                consent.Ensure<CrowdCounting>("lobby");
                return {|FC0001:engine.CountFaces(frame)|} > 0;
            }
        }
        """, """
        using FaceCompliance;

        public class Lobby(IFaceEngine engine, IConsentBook consent)
        {
            [UsesFacialData<CrowdCounting>]
            public int Count(Frame frame)
            {
                consent.Ensure<CrowdCounting>("lobby");
                return engine.CountFaces(frame);
            }

            [UsesFacialData<CrowdCounting>]
            public int CountTwice(Frame frame)
            {
                consent.Ensure<CrowdCounting>("lobby");
                return engine.CountFaces(frame) + engine.CountFaces(frame);
            }

            [UsesFacialData<CrowdCounting>]
            public bool AnyFace(Frame frame)
            {
                consent.Ensure<CrowdCounting>("lobby");
                return engine.CountFaces(frame) > 0;
            }
        }
        """, "Declare purpose 'CrowdCounting'");

    [Fact]
    public Task Moves_consent_to_callers_of_every_member() => CodeFixTest.VerifyFixAllAsync<RequiresFacialConsentCodeFixProvider>("""
        [FaceCompliance.UsesFacialData<CrowdCounting>]
        public class Lobby(IFaceEngine engine)
        {
            public int Count(Frame frame) => {|FC0002:engine.CountFaces(frame)|};

            public int CountTwice(Frame frame) => {|FC0002:engine.CountFaces(frame)|} + {|FC0002:engine.CountFaces(frame)|};

            public bool AnyFace(Frame frame) => {|FC0002:engine.CountFaces(frame)|} > 0;
        }
        """, """
        using FaceCompliance;

        [FaceCompliance.UsesFacialData<CrowdCounting>]
        public class Lobby(IFaceEngine engine)
        {
            [RequiresFacialConsent]
            public int Count(Frame frame) => engine.CountFaces(frame);

            [RequiresFacialConsent]
            public int CountTwice(Frame frame) => engine.CountFaces(frame) + engine.CountFaces(frame);

            [RequiresFacialConsent]
            public bool AnyFace(Frame frame) => engine.CountFaces(frame) > 0;
        }
        """, CodeFixTitles.RequiresFacialConsent);

    [Fact]
    public Task Adds_one_alternative_per_member() => CodeFixTest.VerifyFixAllAsync<AddNonBiometricAlternativeCodeFixProvider>("""
        using FaceCompliance;

        [UsesFacialData<CommunityEntry>]
        public class Gate(IFaceEngine engine, IConsentBook consent)
        {
            public bool Enter(string id, Frame frame, Template t)
            {
                consent.Ensure<CommunityEntry>(id);
                return {|FC0003:engine.Verify(frame, t)|} || {|FC0003:engine.Verify(frame, t)|};
            }

            public bool EnterAtNight(string id, Frame frame, Template t)
            {
                consent.Ensure<CommunityEntry>(id);
                return {|FC0003:engine.Verify(frame, t)|};
            }
        }
        """, """
        using FaceCompliance;

        [UsesFacialData<CommunityEntry>]
        public class Gate(IFaceEngine engine, IConsentBook consent)
        {
            [NonBiometricAlternative(nameof(EnterWithoutFace))]
            public bool Enter(string id, Frame frame, Template t)
            {
                consent.Ensure<CommunityEntry>(id);
                return engine.Verify(frame, t) || engine.Verify(frame, t);
            }

            public bool EnterWithoutFace(string id, Frame frame, Template t)
            {
                throw new global::System.NotSupportedException("Offer a way to reach the same result without facial data (card, PIN, staff check), then remove this exception.");
            }

            [NonBiometricAlternative(nameof(EnterAtNightWithoutFace))]
            public bool EnterAtNight(string id, Frame frame, Template t)
            {
                consent.Ensure<CommunityEntry>(id);
                return engine.Verify(frame, t);
            }

            public bool EnterAtNightWithoutFace(string id, Frame frame, Template t)
            {
                throw new global::System.NotSupportedException("Offer a way to reach the same result without facial data (card, PIN, staff check), then remove this exception.");
            }
        }
        """, CodeFixTitles.AddNonBiometricAlternative);
}
