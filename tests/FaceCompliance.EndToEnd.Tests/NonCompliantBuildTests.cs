using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace FaceCompliance.EndToEnd.Tests;

/// <summary>The non-compliant sample fails with exactly the diagnostics its markers expect.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class NonCompliantBuildTests
{
    private static readonly string[] AllRules =
        ["FC0001", "FC0002", "FC0003", "FC0004", "FC0005", "FC0006", "FC0007", "FC0008", "FC0009", "FC0010", "FC0011", "FC0013", "FC0014", "FC0015", "FC0016", "FC0017", "FC0018", "FC0019", "FC1001", "FC1002"];

    /// <summary>The sample marks exactly one violation of every rule.</summary>
    [Fact]
    public void NonCompliant_marks_one_violation_of_every_rule()
    {
        IReadOnlyList<RuleAtLine> expected = ExpectationMarkers.Scan(RepoPaths.NonCompliant);

        Assert.Equal(AllRules, expected.Select(e => e.Id).OrderBy(id => id, StringComparer.Ordinal));
        Assert.Contains(expected, e => e.Id == "FC1001" && e.File == "FacialDataApis.txt");
        Assert.Contains(expected, e => e.Id == "FC1002" && e.File == "FacialNotice.approved.txt");
    }

    /// <summary>
    /// Building samples/NonCompliant fails, and the set of (rule, file, line) it reports equals the set of
    /// <c>// expect FCxxxx</c> markers: nothing missing, nothing extra, and no compiler error besides them.
    /// </summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task NonCompliant_fails_with_exactly_the_marked_diagnostics()
    {
        var expected = ExpectationMarkers.Scan(RepoPaths.NonCompliant).ToHashSet();
        Assert.NotEmpty(expected);

        string sarif = Path.Combine(RepoPaths.Root, "artifacts", "e2e", "sarif", "NonCompliant.sarif");
        Directory.CreateDirectory(Path.GetDirectoryName(sarif)!);
        File.Delete(sarif);

        // README's SARIF command; MSBuild splits -p values at commas, so the comma is escaped as %2C.
        BuildResult result = await BuildRunner.BuildAsync(RepoPaths.NonCompliant, $"-p:ErrorLog={sarif}%2Cversion=2.1");

        Assert.True(result.ExitCode != 0, "The non-compliant sample built successfully.\n" + result.Describe());
        var actual = result.FaceComplianceDiagnostics.Select(d => d.Key).ToHashSet();
        var missing = expected.Except(actual).OrderBy(k => k.ToString(), StringComparer.Ordinal).ToList();
        var unexpected = actual.Except(expected).OrderBy(k => k.ToString(), StringComparer.Ordinal).ToList();
        Assert.True(
            missing.Count == 0 && unexpected.Count == 0,
            $"Expected but not reported: [{string.Join(", ", missing)}]\nReported but not expected: [{string.Join(", ", unexpected)}]\n{result.Describe()}");

        // Every rule is an error by default, and the sample has no other problem than its marked violations.
        Assert.All(result.FaceComplianceDiagnostics, d => Assert.Equal("error", d.Severity));
        Assert.True(
            result.DiagnosticOutputLines.All(line => DiagnosticLine.IsDiagnostic(line, out string id) && id.StartsWith("FC", StringComparison.Ordinal)),
            "Diagnostics other than FC were reported.\n" + result.Describe());

        // The SARIF 2.1 log holds the same results, and each rule's help link names its page.
        using JsonDocument log = JsonDocument.Parse(File.ReadAllText(sarif));
        Assert.Equal("2.1.0", log.RootElement.GetProperty("version").GetString());
        JsonElement run = log.RootElement.GetProperty("runs")[0];
        var logged = run.GetProperty("results").EnumerateArray()
            .Select(r => (Id: r.GetProperty("ruleId").GetString()!, Location: r.GetProperty("locations")[0].GetProperty("physicalLocation")))
            .Where(r => r.Id.StartsWith("FC", StringComparison.Ordinal))
            .Select(r => new RuleAtLine(
                r.Id,
                Path.GetFileName(new Uri(r.Location.GetProperty("artifactLocation").GetProperty("uri").GetString()!).LocalPath),
                r.Location.GetProperty("region").GetProperty("startLine").GetInt32()))
            .ToHashSet();
        Assert.Equal(expected.OrderBy(k => k.ToString(), StringComparer.Ordinal), logged.OrderBy(k => k.ToString(), StringComparer.Ordinal));
        foreach (JsonElement rule in run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray())
        {
            string id = rule.GetProperty("id").GetString()!;
            if (id.StartsWith("FC", StringComparison.Ordinal))
            {
                Assert.EndsWith($"/docs/rules/{id}.md", rule.GetProperty("helpUri").GetString(), StringComparison.Ordinal);
            }
        }
    }
}
