using System.Threading.Tasks;
using FaceCompliance.Analyzers.Rules;
using FaceCompliance.CodeFixes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = FaceCompliance.Analyzers.Tests.Harness.CodeFixVerifier<FaceCompliance.CodeFixes.AddNonBiometricAlternativeCodeFixProvider>;

namespace FaceCompliance.Analyzers.Tests.CodeFixes;

/// <summary>
/// FC0003's fix through Microsoft.CodeAnalysis.Testing: Fix All in each scope, the iterations it needs, the message
/// of the diagnostic (CodeFixes/AddNonBiometricAlternativeCodeFixTests.cs has the edits themselves).
/// </summary>
public sealed class AddNonBiometricAlternativeVerifierTests
{
    private const string Key = CodeFixTitles.AddNonBiometricAlternative;

    private const string Skeleton =
        """throw new global::System.NotSupportedException("Offer a way to reach the same result without facial data (card, PIN, staff check), then remove this exception.");""";

    [Fact]
    public async Task Fix_All_adds_one_alternative_per_member_in_each_scope()
    {
        var test = new Verify.Test
        {
            TestState =
            {
                Sources =
                {
                    """
                    using FaceCompliance;

                    [UsesFacialData<CommunityEntry>]
                    public class Gate(IFaceEngine engine, IConsentBook consent)
                    {
                        public bool Enter(string id, Frame frame, Template t)
                        {
                            consent.Ensure<CommunityEntry>(id);
                            return {|FC0003:engine.Verify(frame, t)|} || {|FC0003:engine.Verify(frame, t)|};
                        }

                        public bool EnterWithoutFace() => false;
                    }
                    """,
                    """
                    using FaceCompliance;

                    [UsesFacialData<CommunityEntry>]
                    public class Door(IFaceEngine engine, IConsentBook consent)
                    {
                        public bool Open(string id, Frame frame, Template t)
                        {
                            consent.Ensure<CommunityEntry>(id);
                            return {|FC0003:engine.Verify(frame, t)|};
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
                    $$"""
                    using FaceCompliance;

                    [UsesFacialData<CommunityEntry>]
                    public class Gate(IFaceEngine engine, IConsentBook consent)
                    {
                        [NonBiometricAlternative(nameof(EnterWithoutFace1))]
                        public bool Enter(string id, Frame frame, Template t)
                        {
                            consent.Ensure<CommunityEntry>(id);
                            return engine.Verify(frame, t) || engine.Verify(frame, t);
                        }

                        public bool EnterWithoutFace1(string id, Frame frame, Template t)
                        {
                            {{Skeleton}}
                        }

                        public bool EnterWithoutFace() => false;
                    }
                    """,
                    $$"""
                    using FaceCompliance;

                    [UsesFacialData<CommunityEntry>]
                    public class Door(IFaceEngine engine, IConsentBook consent)
                    {
                        [NonBiometricAlternative(nameof(OpenWithoutFace))]
                        public bool Open(string id, Frame frame, Template t)
                        {
                            consent.Ensure<CommunityEntry>(id);
                            return engine.Verify(frame, t);
                        }

                        public bool OpenWithoutFace(string id, Frame frame, Template t)
                        {
                            {{Skeleton}}
                        }
                    }
                    """,
                },
                AdditionalProjects = { { "Annex", Annex(fixedCode: true) } },
            },
            CodeActionEquivalenceKey = Key,
            // One member at a time: the two uses in Enter share one alternative; the skeletons use no face API.
            NumberOfIncrementalIterations = 3,
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
                    ? $$"""
                      using FaceCompliance;

                      [UsesFacialData<StaffAttendance>]
                      public class Clock(IFaceEngine engine, IConsentBook consent)
                      {
                          [NonBiometricAlternative(nameof(ClockInWithoutFace))]
                          public string? ClockIn(string id, Frame frame)
                          {
                              consent.Ensure<StaffAttendance>(id);
                              return engine.Identify(frame);
                          }

                          public string? ClockInWithoutFace(string id, Frame frame)
                          {
                              {{Skeleton}}
                          }
                      }
                      """
                    : """
                      using FaceCompliance;

                      [UsesFacialData<StaffAttendance>]
                      public class Clock(IFaceEngine engine, IConsentBook consent)
                      {
                          public string? ClockIn(string id, Frame frame)
                          {
                              consent.Ensure<StaffAttendance>(id);
                              return {|FC0003:engine.Identify(frame)|};
                          }
                      }
                      """,
            },
        };
        annex.AdditionalProjectReferences.Add("TestProject");
        return annex;
    }

    [Theory]
    [InlineData("CommunityEntry", "engine.Verify(frame, new Template())", "", "IFaceEngine.Verify", "1:1 verification")]
    [InlineData("StaffAttendance", "engine.Identify(frame)", " is not null", "IFaceEngine.Identify", "1:N identification")]
    public Task The_message_names_the_use_what_it_does_and_the_member(string purpose, string use, string rest, string api, string verb) => new Verify.Test
    {
        TestCode = $$"""
            using FaceCompliance;

            [UsesFacialData<{{purpose}}>]
            public class Gate(IFaceEngine engine, IConsentBook consent)
            {
                public bool Enter(string id, Frame frame)
                {
                    consent.Ensure<{{purpose}}>(id);
                    return {|#0:{{use}}|}{{rest}};
                }
            }
            """,
        ExpectedDiagnostics =
        {
            Verify.Diagnostic(AlternativeRequiredAnalyzer.Rule).WithLocation(0).WithArguments(api, verb, "'Enter'", "it or its type"),
        },
        FixedCode = $$"""
            using FaceCompliance;

            [UsesFacialData<{{purpose}}>]
            public class Gate(IFaceEngine engine, IConsentBook consent)
            {
                [NonBiometricAlternative(nameof(EnterWithoutFace))]
                public bool Enter(string id, Frame frame)
                {
                    consent.Ensure<{{purpose}}>(id);
                    return {{use}}{{rest}};
                }

                public bool EnterWithoutFace(string id, Frame frame)
                {
                    {{Skeleton}}
                }
            }
            """,
        CodeActionEquivalenceKey = Key,
    }.RunAsync();
}
