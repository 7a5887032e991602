using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using FaceCompliance.Tests.Shared;
using Xunit;

namespace FaceCompliance.EndToEnd.Tests;

/// <summary>
/// samples/TimeClock builds clean, prints the generated BIPA policy and release form, and runs an employee through
/// enrolment after an electronic signature, punches by face and by badge, and the purge 3 years after the last
/// interaction, against a real SQLite file.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class TimeClockSampleTests
{
    private static readonly string s_dll = Path.Combine(RepoPaths.TimeClock, "bin", "Debug", "net10.0", "TimeClock.dll");

    /// <returns>The test.</returns>
    [Fact]
    public async Task TimeClock_builds_clean_and_destroys_a_template_3_years_after_the_last_interaction()
    {
        BuildResult build = await BuildRunner.BuildAsync(RepoPaths.TimeClock);
        Assert.True(build.ExitCode == 0, build.Describe());
        Assert.DoesNotContain(build.Output, line => Regex.IsMatch(line, @"\bFC\d{4}\b"));

        string data = RepoPaths.Scratch("timeclock");
        if (Directory.Exists(data))
        {
            Directory.Delete(data, recursive: true);
        }

        string policy = await Run(data, "policy");
        Assert.Contains("Published for US-IL at: https://prairie-tools.example/biometric-policy", policy, StringComparison.Ordinal);
        Assert.Contains("| 3 years (36 months) after the person's last interaction | US-IL IL-15A-DESTROY (IL1) |", policy, StringComparison.Ordinal);
        Assert.Contains("| Lakeside Payroll LLC (privacy@lakeside-payroll.example) | Resolve disputed hours at the employee's request | SubjectConsent |", policy, StringComparison.Ordinal);

        string release = await Run(data, "release");
        Assert.Contains("## Written release", release, StringComparison.Ordinal);
        Assert.Contains("An electronic signature is a written release", release, StringComparison.Ordinal);
        Assert.Contains("Swipe your badge at the same clock instead", release, StringComparison.Ordinal);

        Assert.Contains("release signed electronically (ElectronicSignature)", await Run(data, "enrol", "alice", "Alice Smith", "--at", "2026-01-05"), StringComparison.Ordinal);
        Assert.Contains("alice clocked in by face", await Run(data, "punch", "alice", "face", "--at", "2027-06-01"), StringComparison.Ordinal);
        Assert.Contains("alice clocked in by badge", await Run(data, "punch", "alice", "badge", "B-ALICE", "--at", "2027-06-02"), StringComparison.Ordinal);
        Assert.Contains("last interaction 2027-06-01; template destroyed by 2030-06-01", await Run(data, "status", "alice", "--at", "2027-06-02"), StringComparison.Ordinal);
        Assert.Contains("purged 0 template(s); people stored: 1", await Run(data, "purge", "--at", "2030-05-31"), StringComparison.Ordinal);
        Assert.Contains("purged 1 template(s); people stored: 0", await Run(data, "purge", "--at", "2030-06-01"), StringComparison.Ordinal);
        Assert.Contains("alice has no face template", await Run(data, "punch", "alice", "face", "--at", "2030-06-02", 1), StringComparison.Ordinal);
        Assert.Contains("alice clocked in by badge", await Run(data, "punch", "alice", "badge", "B-ALICE", "--at", "2030-06-02"), StringComparison.Ordinal);
    }

    private static async Task<string> Run(string data, params object[] arguments)
    {
        var expectedExitCode = arguments.OfType<int>().DefaultIfEmpty(0).First();
        List<string> command = [s_dll, data, .. arguments.OfType<string>()];
        DotnetRun run = await DotnetProcess.RunAsync(RepoPaths.Root, command, TimeSpan.FromMinutes(1));
        string output = string.Join("\n", run.Output);
        Assert.True(run.ExitCode == expectedExitCode, $"{run.CommandLine} exited with {run.ExitCode}:\n{output}");
        return output;
    }
}
