using System.Threading.Tasks;
using FaceCompliance.Analyzers.Tests.Harness;
using FaceCompliance.CodeFixes;
using Xunit;

namespace FaceCompliance.Analyzers.Tests.CodeFixes;

/// <summary>FC0002 fix: [RequiresFacialConsent] on the member that holds the use moves the consent check to its callers.</summary>
public sealed class RequiresFacialConsentCodeFixTests
{
    private const string Title = CodeFixTitles.RequiresFacialConsent;

    [Fact]
    public Task Moves_the_obligation_to_the_callers() => CodeFixTest.VerifyAsync<RequiresFacialConsentCodeFixProvider>("""
        using FaceCompliance;

        [UsesFacialData<CommunityEntry>]
        [NonBiometricAlternative(nameof(EnterWithCard))]
        public class Gate(IFaceEngine engine, IConsentBook consent)
        {
            public bool EnterWithCard(string card) => card.Length > 0;

            public bool Visit(string id, Frame frame, Template enrolled)
            {
                consent.Ensure<CommunityEntry>(id);
                return Enter(frame, enrolled);
            }

            public bool Enter(Frame frame, Template enrolled)
            {
                var live = {|FC0002:engine.IsLive(frame)|};
                return live && {|FC0002:engine.Verify(frame, enrolled)|};
            }
        }
        """, """
        using FaceCompliance;

        [UsesFacialData<CommunityEntry>]
        [NonBiometricAlternative(nameof(EnterWithCard))]
        public class Gate(IFaceEngine engine, IConsentBook consent)
        {
            public bool EnterWithCard(string card) => card.Length > 0;

            public bool Visit(string id, Frame frame, Template enrolled)
            {
                consent.Ensure<CommunityEntry>(id);
                return Enter(frame, enrolled);
            }

            [RequiresFacialConsent]
            public bool Enter(Frame frame, Template enrolled)
            {
                var live = engine.IsLive(frame);
                return live && engine.Verify(frame, enrolled);
            }
        }
        """, Title);

    [Fact]
    public Task A_use_in_a_lambda_puts_the_attribute_on_the_enclosing_method() => CodeFixTest.VerifyAsync<RequiresFacialConsentCodeFixProvider>("""
        using System;
        using FaceCompliance;

        [UsesFacialData<CrowdCounting>]
        public class Lobby(IFaceEngine engine)
        {
            public Func<Frame, int> Counter()
            {
                Func<Frame, int> count = frame => {|FC0002:engine.CountFaces(frame)|};
                return count;
            }
        }
        """, """
        using System;
        using FaceCompliance;

        [UsesFacialData<CrowdCounting>]
        public class Lobby(IFaceEngine engine)
        {
            [RequiresFacialConsent]
            public Func<Frame, int> Counter()
            {
                Func<Frame, int> count = frame => engine.CountFaces(frame);
                return count;
            }
        }
        """, Title);

    [Fact]
    public Task Expression_bodied_members() => CodeFixTest.VerifyAsync<RequiresFacialConsentCodeFixProvider>("""
        using FaceCompliance;

        [UsesFacialData<CrowdCounting>]
        public class Lobby(IFaceEngine engine, Frame frame)
        {
            /// <summary>Faces in the current frame.</summary>
            public int Faces => {|FC0002:engine.CountFaces(frame)|};

            public int Count(Frame other) => {|FC0002:engine.CountFaces(other)|};
        }
        """, """
        using FaceCompliance;

        [UsesFacialData<CrowdCounting>]
        public class Lobby(IFaceEngine engine, Frame frame)
        {
            /// <summary>Faces in the current frame.</summary>
            [RequiresFacialConsent]
            public int Faces => engine.CountFaces(frame);

            public int Count(Frame other) => {|FC0002:engine.CountFaces(other)|};
        }
        """, Title);

    [Fact]
    public Task Adds_the_using_when_missing() => CodeFixTest.VerifyAsync<RequiresFacialConsentCodeFixProvider>("""
        // A file header.

        [global::FaceCompliance.UsesFacialData<CrowdCounting>]
        public class Lobby(IFaceEngine engine)
        {
            public int Count(Frame frame) => {|FC0002:engine.CountFaces(frame)|};
        }
        """, """
        // A file header.

        using FaceCompliance;

        [global::FaceCompliance.UsesFacialData<CrowdCounting>]
        public class Lobby(IFaceEngine engine)
        {
            [RequiresFacialConsent]
            public int Count(Frame frame) => engine.CountFaces(frame);
        }
        """, Title);

    [Fact]
    public Task Offered_on_an_override_whose_base_requires_consent() => CodeFixTest.VerifyAsync<RequiresFacialConsentCodeFixProvider>("""
        using FaceCompliance;

        public abstract class Door
        {
            [RequiresFacialConsent]
            public abstract int Count(Frame frame);
        }

        [UsesFacialData<CrowdCounting>]
        public class Lobby(IFaceEngine engine) : Door
        {
            public override int {|FC0009:Count|}(Frame frame) => {|FC0002:engine.CountFaces(frame)|};
        }
        """, """
        using FaceCompliance;

        public abstract class Door
        {
            [RequiresFacialConsent]
            public abstract int Count(Frame frame);
        }

        [UsesFacialData<CrowdCounting>]
        public class Lobby(IFaceEngine engine) : Door
        {
            [RequiresFacialConsent]
            public override int Count(Frame frame) => engine.CountFaces(frame);
        }
        """, Title);

    [Fact]
    public async Task Not_offered_where_it_would_drop_the_obligation_of_a_base_member()
    {
        var titles = await CodeFixTest.GetTitlesAsync<RequiresFacialConsentCodeFixProvider>("""
            using FaceCompliance;

            public abstract class Door
            {
                public abstract int Count(Frame frame);
            }

            public interface ICounter
            {
                int CountAll(Frame[] frames);
            }

            [UsesFacialData<CrowdCounting>]
            public class Lobby(IFaceEngine engine) : Door, ICounter
            {
                public override int Count(Frame frame) => {|FC0002:engine.CountFaces(frame)|};

                public int CountAll(Frame[] frames) => {|FC0002:engine.CountFaces(frames[0])|};
            }
            """);

        Assert.Empty(titles);
    }

    [Fact]
    public async Task Not_offered_where_no_member_attribute_can_go()
    {
        var titles = await CodeFixTest.GetTitlesAsync<RequiresFacialConsentCodeFixProvider>("""
            using System;
            using FaceCompliance;

            [UsesFacialData<CrowdCounting>]
            public class Lobby(IFaceEngine engine)
            {
                private readonly Func<Frame, int> _count = frame => {|FC0002:engine.CountFaces(frame)|};

                static Lobby() => _ = {|FC0002:new Lobby(null!).Engine.CountFaces(new Frame())|};

                private IFaceEngine Engine => engine;
            }
            """);

        Assert.Empty(titles);
    }
}
