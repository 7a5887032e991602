using System;
using System.Linq;
using System.Threading.Tasks;
using FaceCompliance.Analyzers.Tests.Harness;
using Xunit;

namespace FaceCompliance.Analyzers.Tests.Rules;

/// <summary>
/// FC0104: RetentionDays longer than the merged deletion deadline after the last interaction; FC0103: a
/// FaceComplianceLawDate that is not a date. The law date decides which profile rows are in force.
/// </summary>
public sealed class ProfileRetentionTests
{
    private const string Processor = """[assembly: FacialDataProcessor("Example Corp", "privacy@example.com")]""";

    private static string Purpose(string name, int retentionDays, string extra = "") => $$"""
        [FacialDataPurpose(FacialProcessingMethod.Verification,
            DescriptionZh = "考勤", DescriptionEn = "Attendance", NecessityZh = "确认身份", NecessityEn = "Establish identity",
            ImpactZh = "仅用于考勤", ImpactEn = "Attendance only", AlternativeZh = "打卡", AlternativeEn = "Clock in with a card",
            RetentionDays = {{retentionDays}}{{extra}})]
        public sealed partial class {{name}} { }
        """;

    /// <summary>The purpose with its attribute marked as FC0104's location.</summary>
    private static string Marked(string purpose)
        => purpose.Replace("[FacialDataPurpose(", "[{|FC0104:FacialDataPurpose(", StringComparison.Ordinal)
            .Replace(")]\npublic", ")|}]\npublic", StringComparison.Ordinal);

    private static string LawDate(string value) => $"""
        is_global = true
        build_property.FaceComplianceLawDate = {value}
        """;

    [Fact]
    public async Task Retention_beyond_three_years_under_China_and_Illinois_is_FC0104_naming_the_Illinois_row()
    {
        var diagnostics = await new AnalyzerTest($$"""
            using FaceCompliance;

            {{Processor}}
            [assembly: OperatesIn(Jurisdiction.CN)]
            [assembly: OperatesIn(Jurisdiction.US_IL, PublicRetentionPolicyUrl = "https://example.com/biometrics")]

            {{Marked(Purpose("Attendance", 1096))}}
            """).WithoutPrelude().RunAsync();

        var message = Assert.Single(diagnostics).GetMessage();
        Assert.Contains("keeps face data 1096 days", message, StringComparison.Ordinal);
        Assert.Contains("3 years after the last interaction", message, StringComparison.Ordinal);
        Assert.Contains("US-IL IL-15A-DESTROY", message, StringComparison.Ordinal);
        Assert.Contains("declare at most 1095 days", message, StringComparison.Ordinal);
    }

    [Fact]
    public Task Retention_of_exactly_the_shortest_three_years_or_under_China_alone_is_not_FC0104() => new AnalyzerTest($$"""
        using FaceCompliance;

        {{Processor}}
        [assembly: OperatesIn(Jurisdiction.CN)]
        [assembly: OperatesIn(Jurisdiction.US_IL, PublicRetentionPolicyUrl = "https://example.com/biometrics")]

        {{Purpose("Attendance", 1095)}}
        {{Purpose("Archive", 3650, ", Jurisdictions = new[] { Jurisdiction.CN }")}}
        """).WithoutPrelude().RunAsync();

    [Fact]
    public async Task Colorado_applies_its_unconfirmed_24_months_only_from_its_date_in_force()
    {
        var source = $$"""
            using FaceCompliance;

            {{Processor}}
            [assembly: OperatesIn(Jurisdiction.US_CO, PublicRetentionPolicyUrl = "https://example.com/biometrics")]

            {{Purpose("Attendance", 800)}}
            """;
        var marked = source.Replace(Purpose("Attendance", 800), Marked(Purpose("Attendance", 800)), StringComparison.Ordinal);

        var inForce = await new AnalyzerTest(marked).WithoutPrelude().WithEditorConfig(LawDate("2025-07-01")).RunAsync();
        var message = Assert.Single(inForce).GetMessage();
        Assert.Contains("US-CO CO-2-POLICY (CO2, CO1, CO3; UNCONFIRMED)", message, StringComparison.Ordinal);
        Assert.Contains("declare at most 730 days", message, StringComparison.Ordinal);

        // The day before HB24-1130 took effect, Colorado sets no deadline.
        await new AnalyzerTest(source).WithoutPrelude().WithEditorConfig(LawDate("2025-06-30")).RunAsync();

        // Unset, the law date is the fixed default (2026-12-01), at which Colorado is in force.
        Assert.Single(await new AnalyzerTest(marked).WithoutPrelude().RunAsync());
    }

    [Theory]
    [InlineData("2026-13-01")]
    [InlineData("01.12.2026")]
    [InlineData("today")]
    public async Task A_law_date_that_is_not_a_date_is_FC0103_naming_the_value(string value)
    {
        var result = await AnalyzerTest.Analyze(
            [($"{AnalyzerTest.Directory}/Test0.cs", "public class Plain { }")], [], LawDate(value));

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("FC0103", diagnostic.Id);
        Assert.Equal(Microsoft.CodeAnalysis.DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Contains($"FaceComplianceLawDate '{value}' is not a date in the form yyyy-MM-dd", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2024-02-29")]
    [InlineData("")]
    public async Task A_valid_or_empty_law_date_is_not_FC0103(string value)
    {
        var result = await AnalyzerTest.Analyze([($"{AnalyzerTest.Directory}/Test0.cs", "public class Plain { }")], [], LawDate(value));

        Assert.DoesNotContain(result.Diagnostics, d => d.Id == "FC0103");
    }
}
