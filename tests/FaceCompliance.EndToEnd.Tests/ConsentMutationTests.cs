using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace FaceCompliance.EndToEnd.Tests;

/// <summary>
/// Edits a copy of the compliant sample so that a consent check no longer holds on every path to a face call, and
/// checks that the build then fails with FC0002 at exactly that call, and nowhere else.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class ConsentMutationTests
{
    /// <summary>The control: an unedited copy builds clean, so what the edited copies report comes from the edit.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Unedited_copy_builds_clean()
    {
        SampleCopy copy = SampleCopy.Create("unedited");

        BuildResult result = await BuildRunner.BuildAsync(copy.ProjectDirectory);

        Assert.True(result.ExitCode == 0, result.Describe());
        Assert.True(result.DiagnosticOutputLines.Count == 0, result.Describe());
    }

    /// <summary>Without the check in branch b, branch b's face call has no consent on its path.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Removing_the_check_of_branch_b_reports_FC0002_at_the_call_of_branch_b()
    {
        SampleCopy copy = SampleCopy.Create("remove-consent-b");
        MarkedSource gate = SampleCopy.Read(copy.GateController);
        int original = gate.LineOf("face-call-b");

        gate.Remove("consent-branch-b").Save();
        int expectedLine = gate.LineOf("face-call-b");
        Assert.Equal(original - 1, expectedLine);

        await AssertOnlyFc0002At(copy, expectedLine);
    }

    /// <summary>A check after the call does not cover the call.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Moving_the_check_of_branch_a_after_its_call_reports_FC0002_at_the_call_of_branch_a()
    {
        SampleCopy copy = SampleCopy.Create("check-after-call-a");
        MarkedSource gate = SampleCopy.Read(copy.GateController);
        int originalCheck = gate.LineOf("consent-branch-a");
        int originalCall = gate.LineOf("face-call-a");

        gate.MoveAfter("consent-branch-a", "face-call-a").Save();
        int expectedLine = gate.LineOf("face-call-a");
        Assert.Equal(originalCall - 1, expectedLine);
        Assert.Equal(expectedLine + 1, gate.LineOf("consent-branch-a"));
        Assert.True(originalCheck < originalCall);

        await AssertOnlyFc0002At(copy, expectedLine);
    }

    /// <summary>
    /// A check inside only one branch of an <c>if</c> does not hold after it: branch b loses its check and its call,
    /// and branch a's call moves after the if/else, where the else path reaches it unchecked.
    /// </summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task A_check_in_one_branch_only_reports_FC0002_at_the_call_after_the_if()
    {
        SampleCopy copy = SampleCopy.Create("check-in-one-branch");
        MarkedSource gate = SampleCopy.Read(copy.GateController);
        int originalEnd = gate.LineOf("branches-end");

        gate.Remove("consent-branch-b")
            .Remove("face-call-b")
            .MoveAfter("face-call-a", "branches-end")
            .Save();
        int expectedLine = gate.LineOf("face-call-a");
        Assert.Equal(originalEnd - 2, expectedLine);
        Assert.Equal(gate.LineOf("branches-end") + 1, expectedLine);
        Assert.True(gate.LineOf("consent-branch-a") < gate.LineOf("branches-end"));

        await AssertOnlyFc0002At(copy, expectedLine);
    }

    /// <summary>
    /// The bool form holds consent only where the check was true: with the condition inverted, the path on which
    /// consent is missing reaches the detection call.
    /// </summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Inverting_the_bool_check_reports_FC0002_at_the_detection_call()
    {
        SampleCopy copy = SampleCopy.Create("inverted-bool-check");
        MarkedSource gate = SampleCopy.Read(copy.GateController);
        int original = gate.LineOf("face-call-c");

        gate.Replace("consent-bool", "if (!consent.HasConsent<", "if (consent.HasConsent<").Save();
        int expectedLine = gate.LineOf("face-call-c");
        Assert.Equal(original, expectedLine);

        await AssertOnlyFc0002At(copy, expectedLine);
    }

    private static async Task AssertOnlyFc0002At(SampleCopy copy, int line)
    {
        BuildResult result = await BuildRunner.BuildAsync(copy.ProjectDirectory);

        Assert.True(result.ExitCode != 0, $"The edited copy built successfully; FC0002 was expected at GateController.cs:{line}.\n{result.Describe()}");
        var reported = result.FaceComplianceDiagnostics;
        Assert.True(
            reported.Count == 1 && reported[0].Id == "FC0002" && reported[0].Line == line && reported[0].IsIn(copy.GateController),
            $"Expected exactly FC0002 at {copy.GateController}:{line}; got [{string.Join("; ", reported)}].\n{result.Describe()}");
        Assert.True(
            result.DiagnosticOutputLines.All(l => DiagnosticLine.IsDiagnostic(l, out string id) && id == "FC0002"),
            "The edit must only break consent, not compilation.\n" + result.Describe());
    }
}
