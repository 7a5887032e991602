using System.Linq;
using System.Threading.Tasks;
using FaceCompliance.Analyzers.Tests.Harness;
using Xunit;

namespace FaceCompliance.Analyzers.Tests.Rules;

/// <summary>FC0011: a purpose type the generator cannot complete (not partial, inside a type that is not, or generic).</summary>
public sealed class PurposeExtensibleTests
{
    private const string Declaration = """
        FacialDataPurpose(FacialProcessingMethod.Detection, DescriptionZh = "统计", DescriptionEn = "Counting", NecessityZh = "人流",
            NecessityEn = "Crowds", ImpactZh = "无", ImpactEn = "None", RetentionDays = 1)
        """;

    private static string Message(string type, string problem) => $"Purpose type '{type}' cannot be completed by the generator with its notice, notice version and retention: {problem}";

    [Fact]
    public async Task A_purpose_type_that_is_not_partial_is_FC0011()
    {
        var diagnostics = await AnalyzerTest.VerifyAsync($$"""
            using FaceCompliance;

            [{{Declaration}}]
            public sealed class {|FC0011:Counting|} { }
            """);

        Assert.Equal(Message("Counting", "'Counting' is not declared partial; add 'partial' to its declaration"), diagnostics.Single().GetMessage());
    }

    [Fact]
    public async Task A_containing_type_that_is_not_partial_is_FC0011()
    {
        var diagnostics = await AnalyzerTest.VerifyAsync($$"""
            using FaceCompliance;

            namespace Estate;

            public static class Lobby
            {
                [{{Declaration}}]
                public sealed partial class {|FC0011:Counting|} { }
            }
            """);

        Assert.Equal(Message("Estate.Lobby.Counting", "'Lobby' is not declared partial; add 'partial' to its declaration"), diagnostics.Single().GetMessage());
    }

    [Fact]
    public async Task Every_declaration_without_partial_is_named()
    {
        var diagnostics = await AnalyzerTest.VerifyAsync($$"""
            using FaceCompliance;

            public class Site
            {
                public partial class Lobby
                {
                    [{{Declaration}}]
                    public sealed record {|FC0011:Counting|} { }
                }
            }
            """);

        Assert.Equal(Message("Site.Lobby.Counting", "'Site' and 'Counting' are not declared partial; add 'partial' to their declarations"), diagnostics.Single().GetMessage());
    }

    [Fact]
    public async Task A_generic_purpose_type_or_containing_type_is_FC0011()
    {
        var diagnostics = await AnalyzerTest.VerifyAsync($$"""
            using FaceCompliance;

            [{{Declaration}}]
            public sealed partial class {|FC0011:Counting|}<TZone> { }

            public partial class Site<TZone>
            {
                [{{Declaration}}]
                public sealed class {|FC0011:Queueing|} { }
            }
            """);

        Assert.Equal(new[]
        {
            Message("Counting<TZone>", "the type is generic; declare the purpose on a non-generic type that is not nested in a generic type"),
            Message("Site<TZone>.Queueing", "'Queueing' is not declared partial; add 'partial' to its declaration; its containing type 'Site' is generic; declare the purpose on a non-generic type that is not nested in a generic type"),
        }, diagnostics.Select(d => d.GetMessage()));
    }

    [Fact]
    public Task Partial_types_all_the_way_out_are_fine() => AnalyzerTest.VerifyAsync($$"""
        using FaceCompliance;

        namespace Estate;

        public static partial class Site
        {
            internal partial struct Lobby
            {
                [{{Declaration}}]
                public sealed partial record class Counting { }
            }
        }

        [{{Declaration}}]
        public sealed partial class Other { }

        public sealed partial class Other { }
        """);

    /// <summary>The rule fires exactly for the purposes the generator leaves without notice and version.</summary>
    [Fact]
    public async Task FC0011_is_reported_for_exactly_the_purposes_the_generator_skips()
    {
        var source = $$"""
            using FaceCompliance;

            namespace Estate;

            [{{Declaration}}]
            public sealed class {|FC0011:Plain|} { }

            [{{Declaration}}]
            public sealed partial class Completed { }

            public static class Outer
            {
                [{{Declaration}}]
                public sealed partial class {|FC0011:Inner|} { }
            }

            public static partial class Wrapper
            {
                [{{Declaration}}]
                public sealed partial class Nested { }
            }

            [{{Declaration}}]
            public sealed partial class {|FC0011:Generic|}<T> { }
            """;

        var diagnostics = await AnalyzerTest.VerifyAsync(source);
        var generated = GeneratedNotices.Versions(true, source).Keys.Where(k => k.StartsWith("Estate.", System.StringComparison.Ordinal));

        Assert.Equal(new[] { "Estate.Completed", "Estate.Wrapper+Nested" }, generated.OrderBy(k => k, System.StringComparer.Ordinal));
        Assert.Equal(3, diagnostics.Length);
    }
}
