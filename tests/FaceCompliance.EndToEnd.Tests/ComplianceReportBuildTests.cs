using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Xunit;

namespace FaceCompliance.EndToEnd.Tests;

/// <summary>
/// The compliance report: a build of the sample with <c>-p:FaceComplianceReportPath=&lt;dir&gt;</c> writes the eleven
/// report files from what the generator compiled, and writes nothing without the property or in a design-time build.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class ComplianceReportBuildTests
{
    private const string PurposeId = "CommunityAccess.CommunityEntry";

    /// <summary>The 13 numbered headings of the sample purpose's notice in zh-CN, in REGULATION.md §6's order (src/Shared/Notice/ChineseNoticeWriter.cs).</summary>
    private static readonly string[] ChineseHeadings =
    [
        "一、个人信息处理者", "二、处理目的", "三、处理方式", "四、保存期限", "五、处理人脸信息的必要性", "六、对个人权益的影响",
        "七、您依法行使权利的方式和程序", "八、处理的个人信息种类", "九、不使用人脸识别的其他方式", "十、撤回同意的方式",
        "十一、存储地点及对外传输", "十二、不满十四周岁未成年人的人脸信息", "十三、投诉、举报",
    ];

    /// <summary>The same 13 headings in English (src/Shared/Notice/EnglishNoticeWriter.cs).</summary>
    private static readonly string[] EnglishHeadings =
    [
        "1. Who processes your face information", "2. Purpose", "3. How your face information is processed", "4. How long it is kept",
        "5. Why your face information is necessary", "6. Impact on your rights", "7. Your rights and how to exercise them",
        "8. Categories of personal information", "9. Another way, without your face", "10. How to withdraw your consent",
        "11. Where it is stored, and transfers", "12. Children under 14", "13. Complaints and reports",
    ];

    /// <summary>The 6 numbered headings of the sample purpose's rules for children under 14 in zh-CN.</summary>
    private static readonly string[] ChineseMinorsHeadings =
    [
        "一、个人信息处理者", "二、适用范围", "三、监护人的同意", "四、专门处理规则", "五、监护人的权利", "六、投诉、举报",
    ];

    /// <summary>
    /// A report build of a fresh copy writes exactly the report files: both notices with every element that applies to
    /// the sample purpose, each with text, and the rules for children under 14 under the same version; filing.json
    /// with the processor, purpose, 365 days, Verification, OnDevice,
    /// the security measures and the notice's version; pipia.md with the four topics of Art. 9; retention.md with 365.
    /// </summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Report_build_writes_every_report_file_with_every_notice_element()
    {
        SampleCopy copy = SampleCopy.Create("report-full");
        var report = new ComplianceReport(Path.Combine(RepoPaths.Scratch("report-full"), "report"));

        BuildResult result = await BuildRunner.BuildAsync(copy.ProjectDirectory, $"-p:FaceComplianceReportPath={report.Directory}");

        Assert.True(result.ExitCode == 0, result.Describe());
        Assert.True(result.DiagnosticOutputLines.Count == 0, result.Describe());
        Assert.Equal(ComplianceReport.FileNames.OrderBy(n => n, StringComparer.Ordinal), report.Files);

        string version = report.NoticeVersion("notice.zh-CN.md");
        Assert.Equal(version, report.NoticeVersion("notice.en.md"));
        AssertSections(report.Read("notice.zh-CN.md"), @"^#+ (?<heading>[一二三四五六七八九十]+、.+)$", ChineseHeadings, "规则版本：", "【未声明】");
        AssertSections(report.Read("notice.en.md"), @"^#+ (?<heading>\d+\. .+)$", EnglishHeadings, "Rules version: ", "[not declared]");
        Assert.Contains($"| `{PurposeId}` | `{version}` |", report.Read("notice.zh-CN.md"), StringComparison.Ordinal);
        Assert.Contains($"| `{PurposeId}` | `{version}` |", report.Read("notice.en.md"), StringComparison.Ordinal);
        AssertSections(report.Read("minors-rules.zh-CN.md"), @"^#+ (?<heading>[一二三四五六七八九十]+、.+)$", ChineseMinorsHeadings, "规则版本：", "【未声明】");
        Assert.Contains($"规则版本：`{version}`", report.Read("minors-rules.zh-CN.md"), StringComparison.Ordinal);
        Assert.Contains($"Rules version: `{version}`", report.Read("minors-rules.en.md"), StringComparison.Ordinal);

        using JsonDocument filing = report.Filing();
        JsonElement processor = filing.RootElement.GetProperty("个人信息处理者基本情况");
        Assert.Equal("阳光花园物业服务有限公司", processor.GetProperty("名称").GetString());
        Assert.Equal("Sunny Gardens Property Services Co., Ltd.", processor.GetProperty("name").GetString());
        JsonElement purpose = ComplianceReport.OnlyPurpose(filing);
        Assert.Equal(PurposeId, purpose.GetProperty("id").GetString());
        Assert.Equal(365, purpose.GetProperty("retentionDays").GetInt32());
        Assert.Equal("Verification", purpose.GetProperty("method").GetString());
        Assert.Equal("OnDevice", purpose.GetProperty("storage").GetString());
        Assert.False(purpose.GetProperty("internetTransfer").GetBoolean());
        Assert.Equal(version, purpose.GetProperty("noticeVersion").GetString());
        Assert.Equal(
            ["DataEncryption", "SecurityAudit", "AccessControl", "AuthorizationManagement"],
            filing.RootElement.GetProperty("securityMeasures").EnumerateArray().Select(m => m.GetString()));

        string pipia = report.Read("pipia.md");
        string[] topics =
        [
            "## 一、处理目的、处理方式是否合法、正当、必要",
            "## 二、对个人权益的影响及降低不利影响的措施是否有效",
            "## 三、人脸信息泄露、篡改、丢失、毁损或者被非法获取、出售、使用的风险和可能造成的危害",
            "## 四、所采取的保护措施是否合法、有效并与风险程度相适应",
        ];
        var sections = pipia.Split('\n').Where(line => line.StartsWith("## ", StringComparison.Ordinal)).ToList();
        Assert.Equal(10, sections.Count);
        Assert.All(topics.Zip(sections.Take(topics.Length)), pair => Assert.StartsWith(pair.First, pair.Second, StringComparison.Ordinal));
        Assert.Contains($"`{PurposeId}`", pipia, StringComparison.Ordinal);

        string retention = report.Read("retention.md");
        Assert.Matches(@$"\| `{Regex.Escape(PurposeId)}` \| Verification \| OnDevice \| 365 日 days \|", retention);
    }

    /// <summary>
    /// A relative FaceComplianceReportPath is relative to the project folder. Building again changes no report file;
    /// deleting the report folder and building again writes it again although CoreCompile is skipped.
    /// </summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Report_folder_is_written_again_after_deletion_without_recompiling()
    {
        SampleCopy copy = SampleCopy.Create("report-incremental");
        var report = new ComplianceReport(Path.Combine(copy.ProjectDirectory, "compliance-report"));
        const string property = "-p:FaceComplianceReportPath=compliance-report";

        BuildResult first = await BuildRunner.BuildAsync(copy.ProjectDirectory, property);
        Assert.True(first.ExitCode == 0, first.Describe());
        Assert.Equal(ComplianceReport.FileNames.OrderBy(n => n, StringComparer.Ordinal), report.Files);
        Dictionary<string, string> contents = ComplianceReport.FileNames.ToDictionary(n => n, report.Read);
        Dictionary<string, DateTime> written = ComplianceReport.FileNames.ToDictionary(n => n, n => File.GetLastWriteTimeUtc(Path.Combine(report.Directory, n)));
        DateTime compiled = File.GetLastWriteTimeUtc(copy.IntermediateAssembly);

        BuildResult again = await BuildRunner.BuildAsync(copy.ProjectDirectory, property);
        Assert.True(again.ExitCode == 0, again.Describe());
        Assert.Equal(compiled, File.GetLastWriteTimeUtc(copy.IntermediateAssembly));
        Assert.All(ComplianceReport.FileNames, n => Assert.Equal(written[n], File.GetLastWriteTimeUtc(Path.Combine(report.Directory, n))));

        Directory.Delete(report.Directory, recursive: true);
        BuildResult afterDeletion = await BuildRunner.BuildAsync(copy.ProjectDirectory, property);
        Assert.True(afterDeletion.ExitCode == 0, afterDeletion.Describe());
        Assert.True(compiled == File.GetLastWriteTimeUtc(copy.IntermediateAssembly), "CoreCompile ran again; this test needs it skipped.\n" + afterDeletion.Describe());
        Assert.Equal(ComplianceReport.FileNames.OrderBy(n => n, StringComparer.Ordinal), report.Files);
        Assert.All(ComplianceReport.FileNames, n => Assert.Equal(contents[n], report.Read(n)));
    }

    /// <summary>Without FaceComplianceReportPath the generator emits no report class and the build writes no report file.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Build_without_the_property_writes_no_report()
    {
        SampleCopy copy = SampleCopy.Create("report-off");

        BuildResult result = await BuildRunner.BuildAsync(copy.ProjectDirectory);

        Assert.True(result.ExitCode == 0, result.Describe());
        Assert.False(ComplianceReport.HasReportClass(copy.IntermediateAssembly), "The report class was generated without FaceComplianceReportPath.");
        AssertNoReportFileUnder(RepoPaths.Scratch("report-off"));
    }

    /// <summary>
    /// A design-time build (what IDEs run while people type) writes no report even with the property given on the
    /// command line, where no project file can empty it, and the generator does not see the property either.
    /// </summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Design_time_build_with_the_property_writes_no_report()
    {
        SampleCopy copy = SampleCopy.Create("report-design-time");
        string reportDirectory = Path.Combine(RepoPaths.Scratch("report-design-time"), "report");

        BuildResult result = await BuildRunner.BuildAsync(copy.ProjectDirectory, "-p:DesignTimeBuild=true", $"-p:FaceComplianceReportPath={reportDirectory}");

        Assert.True(result.ExitCode == 0, result.Describe());
        Assert.False(Directory.Exists(reportDirectory), $"A design-time build created {reportDirectory}.");
        AssertNoReportFileUnder(RepoPaths.Scratch("report-design-time"));
        Assert.True(File.Exists(copy.IntermediateAssembly), "The design-time build compiled nothing, so it shows nothing about the generator.\n" + result.Describe());
        Assert.False(ComplianceReport.HasReportClass(copy.IntermediateAssembly), "The generator saw FaceComplianceReportPath in a design-time build.");
    }

    // Each heading appears once, in this order, and is followed by at least one paragraph of declared text before
    // the next heading (or, for the last, the version line).
    private static void AssertSections(string markdown, string headingPattern, string[] expected, string versionLabel, string undeclared)
    {
        string[] lines = markdown.Split('\n');
        var regex = new Regex(headingPattern, RegexOptions.CultureInvariant);
        var headings = lines.Select((line, index) => (Match: regex.Match(line), Index: index)).Where(h => h.Match.Success).ToList();
        Assert.Equal(expected, headings.Select(h => h.Match.Groups["heading"].Value));

        for (int i = 0; i < headings.Count; i++)
        {
            int end = i + 1 < headings.Count
                ? headings[i + 1].Index
                : Array.FindIndex(lines, headings[i].Index, line => line.StartsWith(versionLabel, StringComparison.Ordinal));
            Assert.True(end > headings[i].Index, $"No end found for section '{expected[i]}'.");
            var paragraphs = lines[(headings[i].Index + 1)..end].Where(line => line.Trim().Length > 0).ToList();
            Assert.True(paragraphs.Count > 0, $"Section '{expected[i]}' has no text.");
            Assert.All(paragraphs, p => Assert.DoesNotContain(undeclared, p, StringComparison.Ordinal));
        }
    }

    private static void AssertNoReportFileUnder(string directory)
    {
        var found = Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
            .Where(path => ComplianceReport.FileNames.Contains(Path.GetFileName(path)))
            .ToList();
        Assert.True(found.Count == 0, "Report files were written: " + string.Join(", ", found));
    }
}
