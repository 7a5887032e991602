using System;
using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace FaceCompliance.EndToEnd.Tests;

/// <summary>The non-compliant EU (GDPR) sample fails with exactly the diagnostics its markers expect.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class NonCompliantEuBuildTests
{
    /// <summary>The sample marks exactly one violation of each GDPR rule.</summary>
    [Fact]
    public void NonCompliant_Eu_marks_one_violation_of_each_GDPR_rule()
    {
        var expected = ExpectationMarkers.Scan(RepoPaths.NonCompliantEu);

        Assert.Equal(["FC0120", "FC0121"], expected.Select(e => e.Id).OrderBy(id => id, StringComparer.Ordinal));
    }

    /// <summary>
    /// Building samples/NonCompliant.Eu fails, and the set of (rule, file, line) it reports equals the set of
    /// <c>// expect FCxxxx</c> markers, with no other diagnostic: the purpose narrowed to CN is not reported.
    /// </summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task NonCompliant_Eu_fails_with_exactly_the_marked_diagnostics()
    {
        var expected = ExpectationMarkers.Scan(RepoPaths.NonCompliantEu).ToHashSet();

        BuildResult result = await BuildRunner.BuildAsync(RepoPaths.NonCompliantEu);

        Assert.True(result.ExitCode != 0, "The non-compliant EU sample built successfully.\n" + result.Describe());
        var actual = result.FaceComplianceDiagnostics.Select(d => d.Key).ToHashSet();
        Assert.True(actual.SetEquals(expected),
            $"Expected: [{string.Join(", ", expected.OrderBy(k => k.ToString(), StringComparer.Ordinal))}]\nReported: [{string.Join(", ", actual.OrderBy(k => k.ToString(), StringComparer.Ordinal))}]\n{result.Describe()}");
        Assert.All(result.FaceComplianceDiagnostics, d => Assert.Equal("error", d.Severity));
        Assert.True(
            result.DiagnosticOutputLines.All(line => DiagnosticLine.IsDiagnostic(line, out string id) && id.StartsWith("FC", StringComparison.Ordinal)),
            "Diagnostics other than FC were reported.\n" + result.Describe());
    }
}
