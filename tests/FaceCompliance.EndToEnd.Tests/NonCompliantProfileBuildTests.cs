using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace FaceCompliance.EndToEnd.Tests;

/// <summary>
/// The non-compliant project of each jurisdiction profile (samples/NonCompliant.Eu, .AiAct, .Illinois) fails with
/// exactly the diagnostics its <c>// expect FCxxxx</c> markers expect, like samples/NonCompliant: the purposes the law
/// allows (a purpose narrowed to CN, 1:1 verification, post-remote identification, emotion recognition outside work)
/// are not reported, and there is no other diagnostic.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class NonCompliantProfileBuildTests
{
    /// <summary>Each sample marks exactly one violation of each of its profile's rules.</summary>
    /// <param name="sample">The sample's folder under samples/.</param>
    /// <param name="rules">The profile's rules, comma-separated.</param>
    [Theory]
    [InlineData("NonCompliant.Eu", "FC0120,FC0121")]
    [InlineData("NonCompliant.AiAct", "FC0110,FC0111,FC0112,FC0113,FC0114")]
    [InlineData("NonCompliant.Illinois", "FC0130,FC0131,FC0132")]
    public void Each_profile_sample_marks_one_violation_of_each_of_its_rules(string sample, string rules)
        => Assert.Equal(rules.Split(','), ExpectationMarkers.Scan(Folder(sample)).Select(e => e.Id).OrderBy(id => id, StringComparer.Ordinal));

    /// <summary>Building the sample fails, with the (rule, file, line) set of its markers and nothing else.</summary>
    /// <param name="sample">The sample's folder under samples/.</param>
    /// <returns>The test.</returns>
    [Theory]
    [InlineData("NonCompliant.Eu")]
    [InlineData("NonCompliant.AiAct")]
    [InlineData("NonCompliant.Illinois")]
    public async Task Each_profile_sample_fails_with_exactly_the_marked_diagnostics(string sample)
    {
        var expected = ExpectationMarkers.Scan(Folder(sample)).ToHashSet();

        BuildResult result = await BuildRunner.BuildAsync(Folder(sample));

        Assert.True(result.ExitCode != 0, $"samples/{sample} built successfully.\n" + result.Describe());
        var actual = result.FaceComplianceDiagnostics.Select(d => d.Key).ToHashSet();
        Assert.True(expected.SetEquals(actual),
            $"Expected but not reported: [{string.Join(", ", expected.Except(actual))}]\nReported but not expected: [{string.Join(", ", actual.Except(expected))}]\n{result.Describe()}");
        Assert.All(result.FaceComplianceDiagnostics, d => Assert.Equal("error", d.Severity));
        Assert.True(
            result.DiagnosticOutputLines.All(line => DiagnosticLine.IsDiagnostic(line, out string id) && id.StartsWith("FC", StringComparison.Ordinal)),
            "Diagnostics other than FC were reported.\n" + result.Describe());
    }

    private static string Folder(string sample) => Path.Combine(RepoPaths.Root, "samples", sample);
}
