using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace FaceCompliance.Analyzers.Tests.Rules;

/// <summary>
/// C# 14 <c>extension</c> blocks: a member's declarations are looked up on it, then on the class that declares the
/// block; messages name an extension member as the user wrote it, never by the block the compiler makes of it.
/// </summary>
public sealed class ExtensionBlockTests
{
    [Fact]
    public async Task Use_in_an_extension_member_without_a_purpose_names_the_member_and_the_class()
    {
        var diagnostics = await SeparateCompilation.VerifyAsync("""
            using FaceCompliance;

            public static class FrameExtensions
            {
                extension(Frame frame)
                {
                    public int CountIn(IFaceEngine engine, IConsentBook consent)
                    {
                        consent.Ensure<CrowdCounting>("lobby");
                        return {|FC0001:engine.CountFaces(frame)|};
                    }
                }
            }
            """);

        Assert.Equal(
            "'IFaceEngine.CountFaces' processes facial data, but no purpose is declared for 'CountIn': add [UsesFacialData<TPurpose>] to it or the class 'FrameExtensions' (Measures, Article 4)",
            diagnostics.Single().GetMessage());
    }

    [Fact]
    public Task Purpose_on_the_extension_member_or_its_class_covers_it() => SeparateCompilation.VerifyAsync("""
        using FaceCompliance;

        public static class FrameExtensions
        {
            extension(Frame frame)
            {
                [UsesFacialData<CrowdCounting>]
                public int CountIn(IFaceEngine engine, IConsentBook consent)
                {
                    consent.Ensure<CrowdCounting>("lobby");
                    return engine.CountFaces(frame);
                }
            }
        }

        [UsesFacialData<CrowdCounting>]
        public static class LobbyExtensions
        {
            extension(IFaceEngine engine)
            {
                public int Faces(IConsentBook consent, Frame frame)
                {
                    consent.Ensure<CrowdCounting>("lobby");
                    return engine.CountFaces(frame);
                }

                public int FacesNow
                {
                    get
                    {
                        Consent.Ensure<CrowdCounting>("lobby");
                        return engine.CountFaces(new Frame());
                    }
                }
            }

            public static IConsentBook Consent { get; set; } = null!;
        }
        """);

    [Fact]
    public async Task Processing_API_declared_in_an_extension_block_is_named_by_its_class()
    {
        var diagnostics = await SeparateCompilation.VerifyAsync("""
            using FaceCompliance;

            public static class FrameExtensions
            {
                extension(Frame frame)
                {
                    [ProcessesFacialData(FacialProcessingMethod.Verification)]
                    public bool Matches(Template enrolled) => enrolled is not null;
                }
            }

            public class Gate
            {
                public bool Enter(Frame frame, Template t) => {|FC0001:{|FC0002:{|FC0003:frame.Matches(t)|}|}|};
            }
            """);

        Assert.Equal(new[]
        {
            "FC0001 'FrameExtensions.Matches' processes facial data, but no purpose is declared for 'Enter': add [UsesFacialData<TPurpose>] to it or its type (Measures, Article 4)",
            "FC0002 'FrameExtensions.Matches' processes facial data, but no consent check for any purpose holds on every path before it (Measures, Article 6; PIPL, Article 29)",
            "FC0003 'FrameExtensions.Matches' uses the face for 1:1 verification, but no non-biometric alternative is declared for 'Enter': add [NonBiometricAlternative(nameof(...))] to it or its type (Measures, Article 10)",
        }, diagnostics.Select(d => d.Id + " " + d.GetMessage()).OrderBy(m => m, System.StringComparer.Ordinal));
    }

    [Fact]
    public async Task Alternative_of_an_extension_member_is_looked_up_in_its_block_then_its_class()
    {
        var diagnostics = await SeparateCompilation.VerifyAsync("""
            using FaceCompliance;

            [UsesFacialData<CommunityEntry>]
            public static class GateExtensions
            {
                internal static bool EnterWithCode(string code) => code.Length == 6;

                public static bool EnterWithPin(string pin) => pin.Length == 4;

                extension(IFaceEngine engine)
                {
                    [NonBiometricAlternative(nameof(EnterWithCard))]
                    public bool Enter(IConsentBook consent, string id, Frame frame, Template t)
                    {
                        consent.Ensure<CommunityEntry>(id);
                        return engine.Verify(frame, t);
                    }

                    [NonBiometricAlternative(nameof(EnterWithPin))]
                    public bool EnterAtNight(IConsentBook consent, string id, Frame frame, Template t)
                    {
                        consent.Ensure<CommunityEntry>(id);
                        return engine.Verify(frame, t);
                    }

                    [{|FC0004:NonBiometricAlternative(nameof(EnterWithCode))|}]
                    public bool EnterAtTheBack(IConsentBook consent, string id, Frame frame, Template t)
                    {
                        consent.Ensure<CommunityEntry>(id);
                        return engine.Verify(frame, t);
                    }

                    public bool EnterWithCard(string card) => card.Length > 0;
                }
            }
            """);

        Assert.Equal(
            "The non-biometric alternative 'EnterWithCode' is internal, less reachable than the face path ('EnterAtTheBack'), which is public (Measures, Article 10)",
            diagnostics.Single().GetMessage());
    }

    [Fact]
    public Task Extension_member_named_as_an_alternative_that_uses_the_face_is_FC0004() => SeparateCompilation.VerifyAsync("""
        using FaceCompliance;

        [UsesFacialData<CommunityEntry>]
        public static class GateExtensions
        {
            extension(IFaceEngine engine)
            {
                [{|FC0004:NonBiometricAlternative(nameof(EnterByCounting))|}]
                public bool Enter(IConsentBook consent, string id, Frame frame, Template t)
                {
                    consent.Ensure<CommunityEntry>(id);
                    return engine.Verify(frame, t);
                }

                public bool EnterByCounting(IConsentBook consent, Frame frame)
                {
                    consent.Ensure<CommunityEntry>("gate");
                    return engine.CountFaces(frame) == 1;
                }
            }
        }
        """);
}
