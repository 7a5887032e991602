using System.Collections.Generic;
using System.Linq;
using FaceCompliance.Generators.Tests.Harness;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace FaceCompliance.Generators.Tests;

/// <summary>
/// The generator does no work for edits that cannot change its output, and redoes it for edits that do: the tracked
/// steps are Cached/Unchanged after unrelated edits and Modified after a purpose's declaration changes.
/// </summary>
public sealed class IncrementalTests
{
    private const string Processor = """
        using FaceCompliance;
        [assembly: FacialDataProcessor("示例物业", "privacy@example.com", NameEn = "Example Property")]
        """;

    private const string Purpose = """
        using FaceCompliance;
        namespace Demo;
        [FacialDataPurpose(FacialProcessingMethod.Verification,
            DescriptionZh = "核验住户身份。", DescriptionEn = "Verify residents.",
            NecessityZh = "防止冒用门禁卡。", NecessityEn = "Stop card misuse.",
            ImpactZh = "仅 1:1 比对。", ImpactEn = "1:1 only.",
            AlternativeZh = "刷卡。", AlternativeEn = "Use a card.",
            RetentionDays = 30)]
        public sealed partial class GateEntry
        {
            public static int Helper(int x) => x + 1;
        }
        """;

    private const string Gate = """
        namespace Demo;
        public sealed class Gate
        {
            public int Open(int door) => door + 1;
        }
        """;

    /// <summary>An approved-notices baseline listing an earlier version with its facts, so the change notice step has work to do.</summary>
    private const string Baseline = "Demo.GateEntry 0123456789abcdef retention=60 method=Verification\n";

    private static readonly AdditionalText s_baseline = GeneratorHarness.AdditionalFile("/project/FacialNotice.approved.txt", Baseline);

    private static readonly string[] s_trackedSteps =
    {
        StepNames.Purposes, StepNames.Processor, StepNames.Notices, StepNames.Baseline, StepNames.ChangeNotices, StepNames.Assembly,
    };

    [Fact]
    public void Editing_an_unrelated_method_body_leaves_every_step_cached_or_unchanged()
    {
        var reasons = RunTwice(c => Replace(c, "Source2.cs", Gate.Replace("door + 1", "door * 2", System.StringComparison.Ordinal)));

        AssertNothingModified(reasons);
    }

    [Fact]
    public void Editing_a_method_body_inside_the_purpose_type_reparses_it_into_an_equal_model()
    {
        var reasons = RunTwice(c => Replace(c, "Source1.cs", Purpose.Replace("x + 1", "x * 2", System.StringComparison.Ordinal)));

        Assert.Equal(IncrementalStepRunReason.Unchanged, Single(reasons, StepNames.Purposes));
        AssertNothingModified(reasons);
    }

    [Fact]
    public void Adding_an_unrelated_type_leaves_every_step_cached_or_unchanged()
    {
        var reasons = RunTwice(c => c.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace Demo; public sealed class Unrelated { }", GeneratorHarness.ParseOptions, "Source3.cs")));

        AssertNothingModified(reasons);
    }

    [Fact]
    public void Editing_a_purposes_retention_modifies_the_purpose_notice_and_assembly_steps()
    {
        var reasons = RunTwice(c => Replace(c, "Source1.cs", Purpose.Replace("RetentionDays = 30", "RetentionDays = 60", System.StringComparison.Ordinal)));

        Assert.Equal(IncrementalStepRunReason.Modified, Single(reasons, StepNames.Purposes));
        Assert.Equal(IncrementalStepRunReason.Modified, Single(reasons, StepNames.Notices));
        Assert.Equal(IncrementalStepRunReason.Modified, Single(reasons, StepNames.ChangeNotices));
        Assert.Equal(IncrementalStepRunReason.Modified, Single(reasons, StepNames.Assembly));
        Assert.Equal(IncrementalStepRunReason.Cached, Single(reasons, StepNames.Processor));
        Assert.Equal(IncrementalStepRunReason.Cached, Single(reasons, StepNames.Baseline));
    }

    [Fact]
    public void Editing_the_baseline_redoes_the_change_notices_but_not_the_purposes_or_notices()
    {
        var compilation = GeneratorHarness.Compile(Processor, Purpose, Gate);
        var driver = GeneratorHarness.CreateDriver(additionalTexts: new[] { s_baseline }).RunGenerators(compilation);
        var before = ChangeNoticeSource(driver);
        driver = driver.ReplaceAdditionalText(s_baseline,
            GeneratorHarness.AdditionalFile("/project/FacialNotice.approved.txt", Baseline.Replace("retention=60", "retention=90", System.StringComparison.Ordinal)))
            .RunGenerators(compilation);
        var reasons = Reasons(driver);

        Assert.Equal(IncrementalStepRunReason.Modified, Single(reasons, StepNames.Baseline));
        Assert.Equal(IncrementalStepRunReason.Modified, Single(reasons, StepNames.ChangeNotices));
        Assert.Equal(IncrementalStepRunReason.Cached, Single(reasons, StepNames.Purposes));
        Assert.Equal(IncrementalStepRunReason.Cached, Single(reasons, StepNames.Notices));
        Assert.Contains("由60日变更为30日", before, System.StringComparison.Ordinal);
        Assert.Contains("由90日变更为30日", ChangeNoticeSource(driver), System.StringComparison.Ordinal);
    }

    [Fact]
    public void Adding_a_comment_to_the_baseline_parses_into_an_equal_baseline_and_redoes_nothing_after_it()
    {
        var compilation = GeneratorHarness.Compile(Processor, Purpose, Gate);
        var driver = GeneratorHarness.CreateDriver(additionalTexts: new[] { s_baseline }).RunGenerators(compilation);
        driver = driver.ReplaceAdditionalText(s_baseline, GeneratorHarness.AdditionalFile("/project/FacialNotice.approved.txt", "# reviewed\n" + Baseline))
            .RunGenerators(compilation);
        var reasons = Reasons(driver);

        Assert.Equal(IncrementalStepRunReason.Unchanged, Single(reasons, StepNames.Baseline));
        Assert.All(reasons[StepNames.ChangeNotices], reason => Assert.Equal(IncrementalStepRunReason.Cached, reason));
        Assert.All(reasons[StepNames.Assembly], reason => Assert.Equal(IncrementalStepRunReason.Cached, reason));
    }

    [Fact]
    public void Editing_the_processor_modifies_every_notice_but_not_the_purposes()
    {
        var reasons = RunTwice(c => Replace(c, "Source0.cs", Processor.Replace("示例物业", "示例物业有限公司", System.StringComparison.Ordinal)));

        Assert.Equal(IncrementalStepRunReason.Unchanged, Single(reasons, StepNames.Purposes));
        Assert.Equal(IncrementalStepRunReason.Modified, Single(reasons, StepNames.Processor));
        Assert.Equal(IncrementalStepRunReason.Modified, Single(reasons, StepNames.Notices));
    }

    [Fact]
    public void A_retention_edit_changes_the_generated_notice_version()
    {
        var compilation = GeneratorHarness.Compile(Processor, Purpose, Gate);
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);
        var before = NoticeVersion(driver);
        driver = driver.RunGenerators(Replace(compilation, "Source1.cs", Purpose.Replace("RetentionDays = 30", "RetentionDays = 60", System.StringComparison.Ordinal)));

        Assert.Matches("^[0-9a-f]{16}$", before);
        Assert.NotEqual(before, NoticeVersion(driver));
    }

    private static Dictionary<string, List<IncrementalStepRunReason>> RunTwice(System.Func<Compilation, Compilation> edit)
    {
        var compilation = GeneratorHarness.Compile(Processor, Purpose, Gate);
        var driver = GeneratorHarness.CreateDriver(additionalTexts: new[] { s_baseline }).RunGenerators(compilation);
        Assert.NotEmpty(driver.GetRunResult().GeneratedTrees);
        driver = driver.RunGenerators(edit(compilation));
        return Reasons(driver);
    }

    private static Dictionary<string, List<IncrementalStepRunReason>> Reasons(GeneratorDriver driver)
    {
        var steps = driver.GetRunResult().Results.Single().TrackedSteps;
        foreach (var name in s_trackedSteps)
        {
            Assert.True(steps.ContainsKey(name), $"Step {name} was not tracked.");
        }

        return s_trackedSteps.ToDictionary(
            name => name,
            name => steps[name].SelectMany(step => step.Outputs).Select(output => output.Reason).ToList());
    }

    private static void AssertNothingModified(Dictionary<string, List<IncrementalStepRunReason>> reasons)
    {
        foreach (var (step, outputs) in reasons)
        {
            Assert.NotEmpty(outputs);
            Assert.All(outputs, reason => Assert.True(
                reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
                $"Step {step} was {reason} after an edit that cannot change the output."));
        }
    }

    private static IncrementalStepRunReason Single(Dictionary<string, List<IncrementalStepRunReason>> reasons, string step) =>
        Assert.Single(reasons[step]);

    private static Compilation Replace(Compilation compilation, string path, string text)
    {
        var old = compilation.SyntaxTrees.Single(t => t.FilePath == path);
        return compilation.ReplaceSyntaxTree(old, CSharpSyntaxTree.ParseText(text, GeneratorHarness.ParseOptions, path));
    }

    private static string ChangeNoticeSource(GeneratorDriver driver) => driver.GetRunResult().GeneratedTrees
        .Single(t => t.FilePath.EndsWith("Demo.GateEntry.FacialPurpose.g.cs", System.StringComparison.Ordinal)).ToString();

    private static string NoticeVersion(GeneratorDriver driver)
    {
        var source = driver.GetRunResult().GeneratedTrees.Single(t => t.FilePath.EndsWith("Demo.GateEntry.FacialPurpose.g.cs", System.StringComparison.Ordinal)).ToString();
        var match = System.Text.RegularExpressions.Regex.Match(source, "NoticeVersion = \"([0-9a-f]+)\"");
        Assert.True(match.Success);
        return match.Groups[1].Value;
    }
}
