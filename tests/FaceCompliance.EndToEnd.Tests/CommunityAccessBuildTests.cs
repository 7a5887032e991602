using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Xunit;

namespace FaceCompliance.EndToEnd.Tests;

/// <summary>The compliant sample builds clean with the analyzers, and keeps the shapes the other tests rely on.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class CommunityAccessBuildTests
{
    /// <summary>samples/CommunityAccess builds with exit code 0, no warning, no error and no FC diagnostic.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task CommunityAccess_builds_with_no_FaceCompliance_diagnostics()
    {
        BuildResult result = await BuildRunner.BuildAsync(RepoPaths.CommunityAccess);

        Assert.True(result.ExitCode == 0, result.Describe());
        Assert.True(result.DiagnosticOutputLines.Count == 0, result.Describe());
        Assert.DoesNotContain(result.Output, line => Regex.IsMatch(line, @"\bFC\d{4}\b"));
    }

    /// <summary>
    /// The sample keeps what the mutation tests edit and what the analyzers must accept: a consent check on its own
    /// line before the face call in each of two branches, and the bool form that sends people without consent to
    /// the card path.
    /// </summary>
    [Fact]
    public void GateController_has_the_marked_consent_shapes()
    {
        var source = SampleCopy.Read(Path.Combine(RepoPaths.CommunityAccess, "Gate", "GateController.cs"));

        foreach (string branch in new[] { "a", "b" })
        {
            int check = source.LineOf($"consent-branch-{branch}");
            int call = source.LineOf($"face-call-{branch}");
            Assert.Matches(@"^\s*consent\.EnsureConsent<CommunityEntry>\(\w+\);", source.TextOf($"consent-branch-{branch}"));
            Assert.Matches(@"^\s*\w+ = engine\.\w+\(.*\);", source.TextOf($"face-call-{branch}"));
            Assert.True(check < call, $"consent-branch-{branch} (line {check}) must come before face-call-{branch} (line {call}).");
        }

        Assert.True(source.LineOf("face-call-a") < source.LineOf("consent-branch-b"), "branch a must come before branch b.");
        Assert.True(source.LineOf("face-call-b") < source.LineOf("branches-end"), "branches-end must close the if/else.");
        Assert.Matches(@"^\s*}\s*// e2e: branches-end$", source.TextOf("branches-end"));

        string text = File.ReadAllText(source.Path);
        Assert.Matches(@"^\s*if \(!consent\.HasConsent<CommunityEntry>\(\w+\)\) return EnterWithCard\(", source.TextOf("consent-bool"));
        Assert.True(source.LineOf("consent-bool") < source.LineOf("face-call-c"), "The bool check must come before the detection call.");
        Assert.Matches(@"^\s*.+ = engine\.DetectFaces\(\w+, \w+\);", source.TextOf("face-call-c"));
        Assert.Contains("[UsesFacialData<CommunityEntry>]", text);
        Assert.Contains("[NonBiometricAlternative(nameof(EnterWithCard))]", text);
    }
}
