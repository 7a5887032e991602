using System;
using System.Linq;
using System.Threading.Tasks;
using FaceCompliance.Analyzers.Tests.Harness;
using Xunit;

namespace FaceCompliance.Analyzers.Tests.Rules;

/// <summary>
/// FC0103: a FaceComplianceLawDate that is not a date (the law date decides which profile rows are in force), and no
/// rule against a retention term longer than BIPA's 3 years after the last interaction: BIPA allows it when the
/// purge destroys the template 3 years after the last interaction or when the purpose is satisfied, whichever is first.
/// </summary>
public sealed class LawDateTests
{
    private const string Processor = """[assembly: FacialDataProcessor("Example Corp", "privacy@example.com")]""";

    private static string Purpose(string name, int retentionDays, string extra = "") => $$"""
        [FacialDataPurpose(FacialProcessingMethod.Verification,
            DescriptionZh = "考勤", DescriptionEn = "Attendance", NecessityZh = "确认身份", NecessityEn = "Establish identity",
            ImpactZh = "仅用于考勤", ImpactEn = "Attendance only", AlternativeZh = "打卡", AlternativeEn = "Clock in with a card",
            RetentionDays = {{retentionDays}}{{extra}})]
        public sealed partial class {{name}} { }
        """;

    private static string LawDate(string value) => $"""
        is_global = true
        build_property.FaceComplianceLawDate = {value}
        """;

    [Fact]
    public Task A_term_longer_than_three_years_under_Illinois_is_not_reported_because_the_purge_applies_the_deadline() => new AnalyzerTest($$"""
        using FaceCompliance;

        {{Processor}}
        [assembly: OperatesIn(Jurisdiction.CN)]
        [assembly: OperatesIn(Jurisdiction.US_IL, PublicRetentionPolicyUrl = "https://example.com/biometrics")]

        {{Purpose("Attendance", 3650)}}
        """).WithoutPrelude().WithEditorConfig(LawDate("2026-12-01")).RunAsync();

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
