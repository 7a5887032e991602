using System;
using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace FaceCompliance.EndToEnd.Tests;

/// <summary>The non-compliant Illinois sample fails with exactly the BIPA diagnostics its markers expect.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class NonCompliantIllinoisBuildTests
{
    /// <summary>The sample marks exactly one violation of each BIPA rule.</summary>
    [Fact]
    public void NonCompliant_Illinois_marks_one_violation_of_each_BIPA_rule()
        => Assert.Equal(["FC0130", "FC0131", "FC0132"], ExpectationMarkers.Scan(RepoPaths.NonCompliantIllinois).Select(e => e.Id).OrderBy(id => id, StringComparer.Ordinal));

    /// <summary>Building samples/NonCompliant.Illinois fails, with the (rule, file, line) set of its markers and nothing else.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task NonCompliant_Illinois_fails_with_exactly_the_marked_diagnostics()
    {
        var expected = ExpectationMarkers.Scan(RepoPaths.NonCompliantIllinois).ToHashSet();

        BuildResult result = await BuildRunner.BuildAsync(RepoPaths.NonCompliantIllinois);

        Assert.True(result.ExitCode != 0, "The non-compliant Illinois sample built successfully.\n" + result.Describe());
        var actual = result.FaceComplianceDiagnostics.Select(d => d.Key).ToHashSet();
        Assert.True(expected.SetEquals(actual),
            $"Expected: [{string.Join(", ", expected.OrderBy(k => k.ToString(), StringComparer.Ordinal))}]\nReported: [{string.Join(", ", actual.OrderBy(k => k.ToString(), StringComparer.Ordinal))}]\n{result.Describe()}");
        Assert.All(result.FaceComplianceDiagnostics, d => Assert.Equal("error", d.Severity));
        Assert.True(
            result.DiagnosticOutputLines.All(line => DiagnosticLine.IsDiagnostic(line, out string id) && id.StartsWith("FC", StringComparison.Ordinal)),
            "Diagnostics other than FC were reported.\n" + result.Describe());
    }
}
