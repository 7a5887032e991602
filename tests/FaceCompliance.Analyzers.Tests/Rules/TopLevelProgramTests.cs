using System.Linq;
using System.Threading.Tasks;
using FaceCompliance.Analyzers.Tests.Harness;
using Xunit;

namespace FaceCompliance.Analyzers.Tests.Rules;

/// <summary>
/// FC0001 in a top-level-statements program: the compiler's entry point '&lt;Main&gt;$' cannot carry an attribute,
/// so the purpose is declared on a <c>partial class Program</c> (docs/semantics.md, "The use site and its declarations").
/// </summary>
public sealed class TopLevelProgramTests
{
    [Fact]
    public async Task Use_in_top_level_statements_names_the_program_and_what_to_write()
    {
        var diagnostics = await AnalyzerTest.VerifyAsync("""
            using FaceCompliance;

            IFaceEngine engine = null!;
            IConsentBook consent = null!;
            consent.Ensure<CrowdCounting>("lobby");
            System.Console.WriteLine({|FC0001:engine.CountFaces(new Frame())|});
            """);

        Assert.Equal(
            "'IFaceEngine.CountFaces' processes facial data, but no purpose is declared for the top-level statements: "
            + "add [UsesFacialData<TPurpose>] to a 'partial class Program' declaration after the top-level statements (Measures, Article 4)",
            diagnostics.Single().GetMessage());
    }

    [Fact]
    public Task Purpose_on_partial_class_Program_covers_top_level_statements_lambdas_and_local_functions() => AnalyzerTest.VerifyAsync("""
        using System;
        using FaceCompliance;

        IFaceEngine engine = null!;
        IConsentBook consent = null!;
        consent.Ensure<CrowdCounting>("lobby");
        Console.WriteLine(engine.CountFaces(new Frame()));
        Func<Frame, int> count = frame => engine.CountFaces(frame);
        Console.WriteLine(count(new Frame()) + Count(new Frame()));

        int Count(Frame frame) => engine.CountFaces(frame);

        [UsesFacialData<CrowdCounting>]
        partial class Program { }
        """);

    [Fact]
    public Task Purpose_on_Program_does_not_allow_more_than_its_method() => AnalyzerTest.VerifyAsync("""
        using FaceCompliance;

        IFaceEngine engine = null!;
        IConsentBook consent = null!;
        consent.Ensure<CrowdCounting>("lobby");
        System.Console.WriteLine({|FC0005:engine.Identify(new Frame())|});

        [UsesFacialData<CrowdCounting>]
        [NonBiometricAlternative(nameof(SignIn))]
        partial class Program
        {
            public static bool SignIn(string name) => name.Length > 0;
        }
        """);

    [Fact]
    public async Task Use_in_a_method_of_a_type_declared_after_top_level_statements_names_the_method()
    {
        var diagnostics = await AnalyzerTest.VerifyAsync("""
            using FaceCompliance;

            System.Console.WriteLine(Lobby.Count(null!, null!));

            static class Lobby
            {
                public static int Count(IFaceEngine engine, IConsentBook consent)
                {
                    consent.Ensure<CrowdCounting>("lobby");
                    return {|FC0001:engine.CountFaces(new Frame())|};
                }
            }
            """);

        Assert.Contains("no purpose is declared for 'Count': add [UsesFacialData<TPurpose>] to it or its type", diagnostics.Single().GetMessage());
    }

    [Fact]
    public async Task Identity_use_in_top_level_statements_without_an_alternative_names_the_program()
    {
        var diagnostics = await AnalyzerTest.VerifyAsync("""
            using FaceCompliance;

            IFaceEngine engine = null!;
            IConsentBook consent = null!;
            consent.Ensure<CommunityEntry>("resident");
            System.Console.WriteLine({|FC0003:engine.Verify(new Frame(), new Template())|});

            [UsesFacialData<CommunityEntry>]
            partial class Program { }
            """);

        Assert.Equal(
            "'IFaceEngine.Verify' uses the face for 1:1 verification, but no non-biometric alternative is declared for the top-level statements: "
            + "add [NonBiometricAlternative(nameof(...))] to a 'partial class Program' declaration after the top-level statements (Measures, Article 10)",
            diagnostics.Single().GetMessage());
    }

    [Fact]
    public Task Alternative_on_partial_class_Program_covers_top_level_statements() => AnalyzerTest.VerifyAsync("""
        using FaceCompliance;

        IFaceEngine engine = null!;
        IConsentBook consent = null!;
        consent.Ensure<CommunityEntry>("resident");
        System.Console.WriteLine(engine.Verify(new Frame(), new Template()));

        [UsesFacialData<CommunityEntry>]
        [NonBiometricAlternative(nameof(EnterWithCard))]
        static partial class Program
        {
            public static bool EnterWithCard(string card) => card.Length > 0;
        }
        """);
}
