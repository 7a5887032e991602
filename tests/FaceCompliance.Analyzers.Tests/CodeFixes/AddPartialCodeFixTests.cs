using System.Threading.Tasks;
using FaceCompliance.Analyzers.Tests.Harness;
using FaceCompliance.CodeFixes;
using Xunit;

namespace FaceCompliance.Analyzers.Tests.CodeFixes;

/// <summary>FC0011's fix declares the purpose type and every type around it 'partial'.</summary>
public sealed class AddPartialCodeFixTests
{
    [Fact]
    public Task Adds_partial_before_the_type_keyword() => CodeFixTest.VerifyAsync<AddPartialCodeFixProvider>("""
        using FaceCompliance;

        /// <summary>Counting.</summary>
        [FacialDataPurpose(FacialProcessingMethod.Detection, DescriptionZh = "统计", DescriptionEn = "Counting", NecessityZh = "人流",
            NecessityEn = "Crowds", ImpactZh = "无", ImpactEn = "None", RetentionDays = 1)]
        public sealed class {|FC0011:Counting|} { }
        """, """
        using FaceCompliance;

        /// <summary>Counting.</summary>
        [FacialDataPurpose(FacialProcessingMethod.Detection, DescriptionZh = "统计", DescriptionEn = "Counting", NecessityZh = "人流",
            NecessityEn = "Crowds", ImpactZh = "无", ImpactEn = "None", RetentionDays = 1)]
        public sealed partial class Counting { }
        """);

    [Fact]
    public Task Adds_partial_to_every_declaration_of_the_chain_that_lacks_it() => CodeFixTest.VerifyAsync<AddPartialCodeFixProvider>("""
        using FaceCompliance;

        namespace Estate
        {
            // The site.
            class Site
            {
                public partial class Lobby
                {
                    [FacialDataPurpose(FacialProcessingMethod.Detection, DescriptionZh = "统计", DescriptionEn = "Counting", NecessityZh = "人流",
                        NecessityEn = "Crowds", ImpactZh = "无", ImpactEn = "None", RetentionDays = 1)]
                    record {|FC0011:Counting|}(int Zone);
                }
            }
        }
        """, """
        using FaceCompliance;

        namespace Estate
        {
            // The site.
            partial class Site
            {
                public partial class Lobby
                {
                    [FacialDataPurpose(FacialProcessingMethod.Detection, DescriptionZh = "统计", DescriptionEn = "Counting", NecessityZh = "人流",
                        NecessityEn = "Crowds", ImpactZh = "无", ImpactEn = "None", RetentionDays = 1)]
                    partial record Counting(int Zone);
                }
            }
        }
        """);

    [Fact]
    public async Task Offers_nothing_when_a_type_of_the_chain_is_generic()
    {
        var titles = await CodeFixTest.GetTitlesAsync<AddPartialCodeFixProvider>("""
            using FaceCompliance;

            public class Site<TZone>
            {
                [FacialDataPurpose(FacialProcessingMethod.Detection, DescriptionZh = "统计", DescriptionEn = "Counting", NecessityZh = "人流",
                    NecessityEn = "Crowds", ImpactZh = "无", ImpactEn = "None", RetentionDays = 1)]
                public sealed class {|FC0011:Counting|} { }
            }
            """);

        Assert.Empty(titles);
    }

    [Fact]
    public async Task Offers_one_action_titled_for_what_it_does()
    {
        var titles = await CodeFixTest.GetTitlesAsync<AddPartialCodeFixProvider>("""
            using FaceCompliance;

            [FacialDataPurpose(FacialProcessingMethod.Detection, DescriptionZh = "统计", DescriptionEn = "Counting", NecessityZh = "人流",
                NecessityEn = "Crowds", ImpactZh = "无", ImpactEn = "None", RetentionDays = 1)]
            public sealed class {|FC0011:Counting|} { }
            """);

        Assert.Equal(new[] { "Declare the purpose type and the types around it 'partial'" }, titles);
    }

    [Fact]
    public Task Fix_All_edits_a_shared_containing_type_once() => CodeFixTest.VerifyFixAllAsync<AddPartialCodeFixProvider>("""
        using FaceCompliance;

        public static class Site
        {
            [FacialDataPurpose(FacialProcessingMethod.Detection, DescriptionZh = "统计", DescriptionEn = "Counting", NecessityZh = "人流",
                NecessityEn = "Crowds", ImpactZh = "无", ImpactEn = "None", RetentionDays = 1)]
            public sealed class {|FC0011:Counting|} { }

            [FacialDataPurpose(FacialProcessingMethod.Detection, DescriptionZh = "排队", DescriptionEn = "Queueing", NecessityZh = "人流",
                NecessityEn = "Crowds", ImpactZh = "无", ImpactEn = "None", RetentionDays = 1)]
            public sealed partial class {|FC0011:Queueing|} { }
        }

        [FacialDataPurpose(FacialProcessingMethod.Detection, DescriptionZh = "客流", DescriptionEn = "Footfall", NecessityZh = "人流",
            NecessityEn = "Crowds", ImpactZh = "无", ImpactEn = "None", RetentionDays = 1)]
        internal class {|FC0011:Footfall|} { }
        """, """
        using FaceCompliance;

        public static partial class Site
        {
            [FacialDataPurpose(FacialProcessingMethod.Detection, DescriptionZh = "统计", DescriptionEn = "Counting", NecessityZh = "人流",
                NecessityEn = "Crowds", ImpactZh = "无", ImpactEn = "None", RetentionDays = 1)]
            public sealed partial class Counting { }

            [FacialDataPurpose(FacialProcessingMethod.Detection, DescriptionZh = "排队", DescriptionEn = "Queueing", NecessityZh = "人流",
                NecessityEn = "Crowds", ImpactZh = "无", ImpactEn = "None", RetentionDays = 1)]
            public sealed partial class Queueing { }
        }

        [FacialDataPurpose(FacialProcessingMethod.Detection, DescriptionZh = "客流", DescriptionEn = "Footfall", NecessityZh = "人流",
            NecessityEn = "Crowds", ImpactZh = "无", ImpactEn = "None", RetentionDays = 1)]
        internal partial class Footfall { }
        """, "Declare the purpose type and the types around it 'partial'");
}
