using System.Threading.Tasks;
using FaceCompliance.Analyzers.Rules;
using FaceCompliance.Analyzers.Tests.Harness;
using FaceCompliance.CodeFixes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = FaceCompliance.Analyzers.Tests.Harness.CodeFixVerifier<FaceCompliance.CodeFixes.DeclarePurposeCodeFixProvider>;

namespace FaceCompliance.Analyzers.Tests.CodeFixes;

/// <summary>
/// FC0001's fix through Microsoft.CodeAnalysis.Testing: Fix All in the document, the project and the solution, the
/// number of iterations the fix needs, the message of the diagnostic it fixes (CodeFixes/DeclarePurposeCodeFixTests.cs
/// has the edits themselves).
/// </summary>
public sealed class DeclarePurposeVerifierTests
{
    private const string Key = "Declare purpose 'CrowdCounting'";

    [Fact]
    public async Task Fix_All_declares_the_purpose_on_every_member_in_each_scope()
    {
        var test = new Verify.Test
        {
            TestState =
            {
                Sources =
                {
                    """
                    public class Lobby(IFaceEngine engine, IConsentBook consent)
                    {
                        public int Count(Frame frame)
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
                    """,
                    """
                    public class Queue(IFaceEngine engine, IConsentBook consent)
                    {
                        public int Length(Frame frame)
                        {
                            consent.Ensure<CrowdCounting>("queue");
                            return {|FC0001:engine.CountFaces(frame)|};
                        }
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

                    public class Lobby(IFaceEngine engine, IConsentBook consent)
                    {
                        [UsesFacialData<CrowdCounting>]
                        public int Count(Frame frame)
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
                    """,
                    """
                    using FaceCompliance;

                    public class Queue(IFaceEngine engine, IConsentBook consent)
                    {
                        [UsesFacialData<CrowdCounting>]
                        public int Length(Frame frame)
                        {
                            consent.Ensure<CrowdCounting>("queue");
                            return engine.CountFaces(frame);
                        }
                    }
                    """,
                },
                AdditionalProjects = { { "Annex", Annex(fixedCode: true) } },
            },
            CodeActionEquivalenceKey = Key,
            // One member at a time: the two uses in Count share one declaration.
            NumberOfIncrementalIterations = 4,
            // One iteration per document (Lobby, Queue, the annex's Hall), per project, or for the whole solution.
            NumberOfFixAllInDocumentIterations = 3,
            NumberOfFixAllInProjectIterations = 2,
            NumberOfFixAllIterations = 1,
        };

        await test.RunAsync();
    }

    /// <summary>A second project that uses the prelude of the first.</summary>
    private static ProjectState Annex(bool fixedCode)
    {
        var annex = new ProjectState("Annex", LanguageNames.CSharp, "/Annex/Test", "cs")
        {
            Sources =
            {
                fixedCode
                    ? """
                      using FaceCompliance;

                      public class Hall(IFaceEngine engine, IConsentBook consent)
                      {
                          [UsesFacialData<CrowdCounting>]
                          public int Count(Frame frame)
                          {
                              consent.Ensure<CrowdCounting>("hall");
                              return engine.CountFaces(frame);
                          }
                      }
                      """
                    : """
                      public class Hall(IFaceEngine engine, IConsentBook consent)
                      {
                          public int Count(Frame frame)
                          {
                              consent.Ensure<CrowdCounting>("hall");
                              return {|FC0001:engine.CountFaces(frame)|};
                          }
                      }
                      """,
            },
        };
        annex.AdditionalProjectReferences.Add("TestProject");
        return annex;
    }

    [Fact]
    public Task In_top_level_statements_one_fix_declares_the_purpose_for_every_use() => new Verify.Test
    {
        TestCode = """
            using FaceCompliance;

            IFaceEngine engine = null!;
            IConsentBook consent = null!;
            consent.Ensure<CrowdCounting>("lobby");
            var first = {|FC0001:engine.CountFaces(new Frame())|};
            var second = {|FC0001:engine.CountFaces(new Frame())|};
            System.Console.WriteLine(first + second);
            """,
        FixedCode = """
            using FaceCompliance;

            IFaceEngine engine = null!;
            IConsentBook consent = null!;
            consent.Ensure<CrowdCounting>("lobby");
            var first = engine.CountFaces(new Frame());
            var second = engine.CountFaces(new Frame());
            System.Console.WriteLine(first + second);

            [UsesFacialData<CrowdCounting>]
            partial class Program
            {
            }

            """,
        CodeActionEquivalenceKey = Key,
        // The top-level statements are one use site: the partial class Program declares the purpose for both uses.
        NumberOfIncrementalIterations = 1,
    }.RunAsync();

    [Fact]
    public Task The_actions_are_offered_by_purpose_name() => new Verify.Test
    {
        TestCode = """
            public class Lobby(IFaceEngine engine)
            {
                public int Count(Frame frame) => {|FC0001:{|FC0002:engine.CountFaces(frame)|}|};
            }
            """,
        FixedCode = """
            using FaceCompliance;

            public class Lobby(IFaceEngine engine)
            {
                [UsesFacialData<CrowdCounting>]
                public int Count(Frame frame) => {|FC0002:engine.CountFaces(frame)|};
            }
            """,
        // The library checks that the action at this index has this key: CommunityEntry comes first by name.
        CodeActionIndex = 1,
        CodeActionEquivalenceKey = Key,
    }.RunAsync();

    [Fact]
    public Task The_message_names_the_use_and_where_to_declare_the_purpose() => new Verify.Test
    {
        TestCode = """
            public class Lobby(IFaceEngine engine)
            {
                [FaceCompliance.RequiresFacialConsent]
                public int Count(Frame frame) => {|#0:engine.CountFaces(frame)|};
            }
            """,
        ExpectedDiagnostics =
        {
            Verify.Diagnostic(PurposeRequiredAnalyzer.PurposeRule).WithLocation(0).WithArguments("IFaceEngine.CountFaces", "'Count'", "it or its type"),
        },
        FixedCode = """
            using FaceCompliance;

            public class Lobby(IFaceEngine engine)
            {
                [UsesFacialData<CrowdCounting>]
                [FaceCompliance.RequiresFacialConsent]
                public int Count(Frame frame) => engine.CountFaces(frame);
            }
            """,
        CodeActionEquivalenceKey = Key,
    }.RunAsync();

    [Fact]
    public Task The_message_in_top_level_statements_says_to_declare_a_partial_class_Program() => new Verify.Test
    {
        TestCode = """
            using FaceCompliance;

            IFaceEngine engine = null!;
            IConsentBook consent = null!;
            consent.Ensure<CrowdCounting>("lobby");
            System.Console.WriteLine({|#0:engine.CountFaces(new Frame())|});
            """,
        ExpectedDiagnostics =
        {
            Verify.Diagnostic(PurposeRequiredAnalyzer.PurposeRule).WithLocation(0)
                .WithArguments("IFaceEngine.CountFaces", "the top-level statements", "a 'partial class Program' declaration after the top-level statements"),
        },
        FixedCode = """
            using FaceCompliance;

            IFaceEngine engine = null!;
            IConsentBook consent = null!;
            consent.Ensure<CrowdCounting>("lobby");
            System.Console.WriteLine(engine.CountFaces(new Frame()));

            [UsesFacialData<CrowdCounting>]
            partial class Program
            {
            }

            """,
        CodeActionEquivalenceKey = Key,
    }.RunAsync();
}
