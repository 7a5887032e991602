using System.Threading.Tasks;
using FaceCompliance.Analyzers.Rules;
using FaceCompliance.CodeFixes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = FaceCompliance.Analyzers.Tests.Harness.CodeFixVerifier<FaceCompliance.CodeFixes.RequiresFacialConsentCodeFixProvider>;

namespace FaceCompliance.Analyzers.Tests.CodeFixes;

/// <summary>
/// FC0002's fix through Microsoft.CodeAnalysis.Testing: Fix All in each scope, the iterations a chain of callers
/// takes, the message of the diagnostic (CodeFixes/RequiresFacialConsentCodeFixTests.cs has the edits themselves).
/// </summary>
public sealed class RequiresFacialConsentVerifierTests
{
    private const string Key = CodeFixTitles.RequiresFacialConsent;

    /// <summary>
    /// Two uses in one member: each use's FC0002 is reported from its own operation action (a local diagnostic), so the
    /// library's check that fixed diagnostics are local holds, and one fix covers both.
    /// </summary>
    [Fact]
    public async Task Fix_All_moves_the_obligation_of_every_member_in_each_scope()
    {
        var test = new Verify.Test
        {
            TestState =
            {
                Sources =
                {
                    """
                    [FaceCompliance.UsesFacialData<CrowdCounting>]
                    public class Lobby(IFaceEngine engine)
                    {
                        public int Count(Frame frame) => {|FC0002:engine.CountFaces(frame)|} * 2 + {|FC0002:engine.CountFaces(frame)|};

                        public bool AnyFace(Frame frame) => {|FC0002:engine.CountFaces(frame)|} > 0;
                    }
                    """,
                    """
                    [FaceCompliance.UsesFacialData<CrowdCounting>]
                    public class Queue(IFaceEngine engine)
                    {
                        public int Length(Frame frame) => {|FC0002:engine.CountFaces(frame)|};
                    }
                    """,
                },
                AdditionalProjects = { { "Annex", Annex(fixedCode: false) } },
            },
            FixedState =
            {
                Sources =
                {
                    """
                    using FaceCompliance;

                    [FaceCompliance.UsesFacialData<CrowdCounting>]
                    public class Lobby(IFaceEngine engine)
                    {
                        [RequiresFacialConsent]
                        public int Count(Frame frame) => engine.CountFaces(frame) * 2 + engine.CountFaces(frame);

                        [RequiresFacialConsent]
                        public bool AnyFace(Frame frame) => engine.CountFaces(frame) > 0;
                    }
                    """,
                    """
                    using FaceCompliance;

                    [FaceCompliance.UsesFacialData<CrowdCounting>]
                    public class Queue(IFaceEngine engine)
                    {
                        [RequiresFacialConsent]
                        public int Length(Frame frame) => engine.CountFaces(frame);
                    }
                    """,
                },
                AdditionalProjects = { { "Annex", Annex(fixedCode: true) } },
            },
            CodeActionEquivalenceKey = Key,
            NumberOfIncrementalIterations = 4,
            NumberOfFixAllInDocumentIterations = 3,
            NumberOfFixAllInProjectIterations = 2,
            NumberOfFixAllIterations = 1,
        };

        await test.RunAsync();
    }

    private static ProjectState Annex(bool fixedCode)
    {
        var annex = new ProjectState("Annex", LanguageNames.CSharp, "/Annex/Test", "cs")
        {
            Sources =
            {
                fixedCode
                    ? """
                      using FaceCompliance;

                      [UsesFacialData<CrowdCounting>]
                      public class Hall(IFaceEngine engine)
                      {
                          [RequiresFacialConsent]
                          public int Count(Frame frame) => engine.CountFaces(frame);
                      }
                      """
                    : """
                      using FaceCompliance;

                      [UsesFacialData<CrowdCounting>]
                      public class Hall(IFaceEngine engine)
                      {
                          public int Count(Frame frame) => {|FC0002:engine.CountFaces(frame)|};
                      }
                      """,
            },
        };
        annex.AdditionalProjectReferences.Add("TestProject");
        return annex;
    }

    [Fact]
    public Task The_obligation_moves_up_a_chain_of_callers_one_fix_at_a_time() => new Verify.Test
    {
        TestCode = """
            using FaceCompliance;

            [UsesFacialData<CrowdCounting>]
            public class Lobby(IFaceEngine engine)
            {
                public int Report(Frame frame) => Total(frame);

                private int Total(Frame frame) => Count(frame) * 2;

                private int Count(Frame frame) => {|FC0002:engine.CountFaces(frame)|};
            }
            """,
        FixedCode = """
            using FaceCompliance;

            [UsesFacialData<CrowdCounting>]
            public class Lobby(IFaceEngine engine)
            {
                [RequiresFacialConsent]
                public int Report(Frame frame) => Total(frame);

                [RequiresFacialConsent]
                private int Total(Frame frame) => Count(frame) * 2;

                [RequiresFacialConsent]
                private int Count(Frame frame) => engine.CountFaces(frame);
            }
            """,
        CodeActionEquivalenceKey = Key,
        // Each fix makes the caller's call a use that needs consent, up to Report, which nobody calls: three
        // iterations for one diagnostic in the input, whether one at a time or with Fix All.
        NumberOfIncrementalIterations = 3,
        NumberOfFixAllIterations = 3,
    }.RunAsync();

    [Fact]
    public Task The_message_names_the_use_and_the_purpose_consent_is_needed_for() => new Verify.Test
    {
        TestCode = """
            using FaceCompliance;

            [UsesFacialData<CrowdCounting>]
            public class Lobby(IFaceEngine engine)
            {
                public int Count(Frame frame) => {|#0:engine.CountFaces(frame)|};
            }
            """,
        ExpectedDiagnostics =
        {
            Verify.Diagnostic(ConsentCheckAnalyzer.MissingRule).WithLocation(0).WithArguments("'IFaceEngine.CountFaces' processes facial data", "consent", "'CrowdCounting'", ""),
        },
        FixedCode = """
            using FaceCompliance;

            [UsesFacialData<CrowdCounting>]
            public class Lobby(IFaceEngine engine)
            {
                [RequiresFacialConsent]
                public int Count(Frame frame) => engine.CountFaces(frame);
            }
            """,
        CodeActionEquivalenceKey = Key,
    }.RunAsync();
}
