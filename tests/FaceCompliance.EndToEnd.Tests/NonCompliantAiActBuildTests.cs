using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace FaceCompliance.EndToEnd.Tests;

/// <summary>The AI Act's non-compliant sample (samples/NonCompliant.AiAct) fails with exactly the diagnostics its markers expect.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class NonCompliantAiActBuildTests
{
    private static string Sample => Path.Combine(RepoPaths.Root, "samples", "NonCompliant.AiAct");

    /// <summary>The sample marks exactly one violation of each AI Act rule, and nothing else.</summary>
    [Fact]
    public void NonCompliant_AiAct_marks_one_violation_of_every_AI_Act_rule()
        => Assert.Equal(["FC0110", "FC0111", "FC0112", "FC0113", "FC0114"],
            ExpectationMarkers.Scan(Sample).Select(e => e.Id).OrderBy(id => id, StringComparer.Ordinal));

    /// <summary>
    /// Building it fails, and the set of (rule, file, line) it reports equals the set of <c>// expect FCxxxx</c> markers:
    /// the purposes the AI Act allows (1:1 verification, post-remote identification, emotion recognition outside work)
    /// are not reported, and there is no other diagnostic.
    /// </summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task NonCompliant_AiAct_fails_with_exactly_the_marked_diagnostics()
    {
        var expected = ExpectationMarkers.Scan(Sample).ToHashSet();

        BuildResult result = await BuildRunner.BuildAsync(Sample);

        Assert.True(result.ExitCode != 0, "The AI Act non-compliant sample built successfully.\n" + result.Describe());
        var actual = result.FaceComplianceDiagnostics.Select(d => d.Key).ToHashSet();
        Assert.True(expected.SetEquals(actual),
            $"Expected but not reported: [{string.Join(", ", expected.Except(actual))}]\nReported but not expected: [{string.Join(", ", actual.Except(expected))}]\n{result.Describe()}");
        Assert.All(result.FaceComplianceDiagnostics, d => Assert.Equal("error", d.Severity));
        Assert.True(
            result.DiagnosticOutputLines.All(line => DiagnosticLine.IsDiagnostic(line, out string id) && id.StartsWith("FC", StringComparison.Ordinal)),
            "Diagnostics other than FC were reported.\n" + result.Describe());
    }
}
