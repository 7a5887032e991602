using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Xunit;

namespace FaceCompliance.EndToEnd.Tests;

/// <summary>
/// The notice version follows the text people read: editing what the notice says changes it, FC0010 fails the build
/// until FacialNotice.approved.txt approves the new version, and the report then carries the new version.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class NoticeVersionBuildTests
{
    private const string PurposeId = "CommunityAccess.CommunityEntry";

    private static readonly Regex Fc0010Changed = new(
        @"error FC0010: (?<message>The notice of purpose '(?<purpose>[^']+)' changed \(approved (?<old>[0-9a-f]{16}), now (?<new>[0-9a-f]{16})\): .*?)(?:\s+\[[^\[\]]+\])?\s*$",
        RegexOptions.CultureInvariant);

    /// <summary>
    /// In a copy, the sample purpose's retention goes from 365 to 180 days: the build fails with exactly one FC0010
    /// naming the approved and the new version; with the new version approved, it builds clean and the report's
    /// noticeVersion is the new one.
    /// </summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Changing_the_sample_purposes_retention_changes_the_notice_version_and_triggers_FC0010_until_the_baseline_is_updated()
    {
        SampleCopy copy = SampleCopy.Create("notice-version");
        string? approved = ComplianceReport.ApprovedVersion(copy.ApprovedNotices, PurposeId);
        Assert.True(
            approved is not null,
            $"samples/CommunityAccess/FacialNotice.approved.txt approves no notice version of {PurposeId}: FC0010 has no baseline to compare with.");

        string source = File.ReadAllText(copy.CommunityEntry);
        Assert.Single(Regex.Matches(source, @"RetentionDays = 365,"));
        File.WriteAllText(copy.CommunityEntry, source.Replace("RetentionDays = 365,", "RetentionDays = 180,", StringComparison.Ordinal));

        BuildResult changed = await BuildRunner.BuildAsync(copy.ProjectDirectory);

        Assert.True(changed.ExitCode != 0, "The copy with a changed notice built successfully; FC0010 was expected (warnings are errors).\n" + changed.Describe());
        var fc0010 = changed.DiagnosticOutputLines
            .Where(line => DiagnosticLine.IsDiagnostic(line, out string id) && id == "FC0010")
            .Select(line => Fc0010Changed.Match(line))
            .ToList();
        Assert.True(fc0010.Count > 0, "No FC0010 was reported.\n" + changed.Describe());
        Assert.True(
            fc0010.All(m => m.Success) && fc0010.Select(m => m.Groups["message"].Value).Distinct().Count() == 1,
            "Expected exactly one FC0010 of the form `The notice of purpose '…' changed (approved …, now …): …`.\n" + changed.Describe());
        Assert.True(
            changed.DiagnosticOutputLines.All(line => DiagnosticLine.IsDiagnostic(line, out string id) && id == "FC0010"),
            "The edit must only change the notice.\n" + changed.Describe());
        Match reported = fc0010[0];
        Assert.Equal(PurposeId, reported.Groups["purpose"].Value);
        Assert.Equal(approved, reported.Groups["old"].Value);
        string newVersion = reported.Groups["new"].Value;
        Assert.NotEqual(approved, newVersion);

        // Approve as the code fix does: the new version's line first, the approved line (with its facts) kept below it.
        string baseline = File.ReadAllText(copy.ApprovedNotices);
        File.WriteAllText(copy.ApprovedNotices, Regex.Replace(
            baseline,
            $@"^(\s*{Regex.Escape(PurposeId)}\s+){Regex.Escape(approved!)}",
            m => $"{PurposeId} {newVersion}\n" + m.Value,
            RegexOptions.Multiline));
        Assert.Equal(newVersion, ComplianceReport.ApprovedVersion(copy.ApprovedNotices, PurposeId));
        var report = new ComplianceReport(Path.Combine(RepoPaths.Scratch("notice-version"), "report"));

        BuildResult approvedBuild = await BuildRunner.BuildAsync(copy.ProjectDirectory, $"-p:FaceComplianceReportPath={report.Directory}");

        Assert.True(approvedBuild.ExitCode == 0, approvedBuild.Describe());
        Assert.True(approvedBuild.DiagnosticOutputLines.Count == 0, approvedBuild.Describe());
        Assert.DoesNotContain(approvedBuild.Output, line => Regex.IsMatch(line, @"\bFC\d{4}\b"));
        using JsonDocument filing = report.Filing();
        JsonElement purpose = ComplianceReport.OnlyPurpose(filing);
        Assert.Equal(newVersion, purpose.GetProperty("noticeVersion").GetString());
        Assert.NotEqual(approved, purpose.GetProperty("noticeVersion").GetString());

        // The change notice for the people who consented to the old version names the change (Measures Art. 5 §2).
        string changes = report.Read("notice-changes.md");
        Assert.Contains($"## `{PurposeId}`: {approved} → {newVersion}", changes, StringComparison.Ordinal);
        Assert.Contains("一、人脸信息的保存期限由365日变更为180日。\n", changes, StringComparison.Ordinal);
        Assert.Contains("1. The retention period changes from 365 to 180 days.\n", changes, StringComparison.Ordinal);
        Assert.Equal(180, purpose.GetProperty("retentionDays").GetInt32());
        Assert.Equal(newVersion, report.NoticeVersion("notice.zh-CN.md"));
        Assert.Contains("人脸特征自采集之日起保存，最长不超过180日。", report.Read("notice.zh-CN.md"), StringComparison.Ordinal);
    }
}
