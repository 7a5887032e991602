using System.Threading.Tasks;
using FaceCompliance.Analyzers.Rules;
using FaceCompliance.CodeFixes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = FaceCompliance.Analyzers.Tests.Harness.CodeFixVerifier<FaceCompliance.CodeFixes.AddPartialCodeFixProvider>;

namespace FaceCompliance.Analyzers.Tests.CodeFixes;

/// <summary>
/// FC0011's fix through Microsoft.CodeAnalysis.Testing: Fix All in each scope, the iterations it needs when purposes
/// share a containing type, the message of the diagnostic (CodeFixes/AddPartialCodeFixTests.cs has the edits themselves).
/// </summary>
public sealed class AddPartialVerifierTests
{
    private const string Key = CodeFixTitles.AddPartial;

    private const string Counting = """
        [FacialDataPurpose(FacialProcessingMethod.Detection, DescriptionZh = "统计", DescriptionEn = "Counting", NecessityZh = "人流",
            NecessityEn = "Crowds", ImpactZh = "无", ImpactEn = "None", RetentionDays = 1)]
        """;

    private const string Queueing = """
        [FacialDataPurpose(FacialProcessingMethod.Detection, DescriptionZh = "排队", DescriptionEn = "Queueing", NecessityZh = "人流",
            NecessityEn = "Crowds", ImpactZh = "无", ImpactEn = "None", RetentionDays = 1)]
        """;

    [Fact]
    public async Task Fix_All_declares_every_chain_partial_in_each_scope()
    {
        var test = new Verify.Test
        {
            TestState =
            {
                Sources =
                {
                    $$"""
                    using FaceCompliance;

                    public static class Site
                    {
                        {{Counting}}
                        public sealed class {|FC0011:Counting|} { }

                        {{Queueing}}
                        public sealed partial class {|FC0011:Queueing|} { }
                    }
                    """,
                    $$"""
                    using FaceCompliance;

                    {{Counting}}
                    internal class {|FC0011:Footfall|} { }
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

                    public static partial class Site
                    {
                        {{Counting}}
                        public sealed partial class Counting { }

                        {{Queueing}}
                        public sealed partial class Queueing { }
                    }
                    """,
                    $$"""
                    using FaceCompliance;

                    {{Counting}}
                    internal partial class Footfall { }
                    """,
                },
                AdditionalProjects = { { "Annex", Annex(fixedCode: true) } },
            },
            CodeActionEquivalenceKey = Key,
            // Fixing Counting declares Site partial too, which settles Queueing: three fixes for four diagnostics.
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
                $$"""
                using FaceCompliance;

                [assembly: FacialDataProcessor("阳光花园物业服务有限公司", "privacy@sunny-gardens.example")]

                {{Queueing}}
                public {{(fixedCode ? "partial record Lobby" : "record {|FC0011:Lobby|}")}}(int Zone);
                """,
            },
        };
        return annex;
    }

    private const string OneLineCounting = """
        [FacialDataPurpose(FacialProcessingMethod.Detection, DescriptionZh = "统计", DescriptionEn = "Counting", NecessityZh = "人流", NecessityEn = "Crowds", ImpactZh = "无", ImpactEn = "None", RetentionDays = 1)]
        """;

    [Theory]
    [InlineData($$"""
        using FaceCompliance;

        {{OneLineCounting}}
        public sealed class {|#0:Counting|} { }
        """, $$"""
        using FaceCompliance;

        {{OneLineCounting}}
        public sealed partial class Counting { }
        """, "Counting", "'Counting' is not declared partial; add 'partial' to its declaration")]
    [InlineData($$"""
        using FaceCompliance;

        public class Site
        {
            {{OneLineCounting}}
            public sealed partial class {|#0:Counting|} { }
        }
        """, $$"""
        using FaceCompliance;

        public partial class Site
        {
            {{OneLineCounting}}
            public sealed partial class Counting { }
        }
        """, "Site.Counting", "'Site' is not declared partial; add 'partial' to its declaration")]
    [InlineData($$"""
        using FaceCompliance;

        public class Site
        {
            {{OneLineCounting}}
            public sealed class {|#0:Counting|} { }
        }
        """, $$"""
        using FaceCompliance;

        public partial class Site
        {
            {{OneLineCounting}}
            public sealed partial class Counting { }
        }
        """, "Site.Counting", "'Site' and 'Counting' are not declared partial; add 'partial' to their declarations")]
    public Task The_message_names_the_type_and_each_declaration_that_is_not_partial(string source, string fixedSource, string type, string problem) => new Verify.Test
    {
        TestCode = source,
        FixedCode = fixedSource,
        ExpectedDiagnostics = { Verify.Diagnostic(PurposeExtensibleAnalyzer.Rule).WithLocation(0).WithArguments(type, problem) },
        CodeActionEquivalenceKey = Key,
    }.RunAsync();
}
