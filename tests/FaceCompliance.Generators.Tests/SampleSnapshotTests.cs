using System.IO;
using System.Linq;
using FaceCompliance.Generators.Tests.Harness;
using FaceCompliance.Reports;
using Microsoft.CodeAnalysis;
using Xunit;

namespace FaceCompliance.Generators.Tests;

/// <summary>
/// The generated C#, the notices people read and the report files, for the samples' own declarations, compared
/// with reviewed snapshots in Snapshots/ (see Harness/Snapshot.cs for how to accept a change).
/// </summary>
public sealed class SampleSnapshotTests
{
    [Theory]
    [InlineData("CommunityAccess")]
    [InlineData("NonCompliant")]
    public void Generated_code_matches_the_reviewed_snapshot(string sample)
    {
        var (result, _) = GeneratorHarness.Run(GeneratorHarness.CompileSample(sample), additionalTexts: GeneratorHarness.SampleApprovedNotices(sample));

        Snapshot.VerifyAll(GeneratorHarness.Sources(result)
            .Select(s => ($"{sample}/{Path.GetFileNameWithoutExtension(s.Key)}", "cs", s.Value)));
    }

    [Theory]
    [InlineData("CommunityAccess")]
    public void Notices_people_read_match_the_reviewed_snapshots(string sample)
    {
        var (_, output) = GeneratorHarness.Run(GeneratorHarness.CompileSample(sample));
        var purposes = GeneratedAssembly.Purposes(GeneratedAssembly.Load(output));

        Snapshot.VerifyAll(
            from purpose in purposes
            from language in new[]
            {
                ("notice.zh-CN", purpose.Notice.Chinese), ("notice.en", purpose.Notice.English),
                ("minors-rules.zh-CN", purpose.Notice.ChineseMinorsRules), ("minors-rules.en", purpose.Notice.EnglishMinorsRules),
            }
            where language.Item2 is not null
            from rendering in new[] { ("txt", language.Item2!.Text), ("md", language.Item2.Markdown), ("sign.txt", language.Item2.PublicSign) }
            where rendering.Item2 is not null
            select ($"{sample}/{purpose.Id.Split('.').Last()}.{language.Item1}", rendering.Item1, rendering.Item2!));
    }

    [Fact]
    public void Report_files_for_the_community_sample_match_the_reviewed_snapshots()
    {
        var (_, output) = GeneratorHarness.Run(GeneratorHarness.CompileSample("CommunityAccess"), reportPath: "report",
            additionalTexts: GeneratorHarness.SampleApprovedNotices("CommunityAccess"));
        var constants = GeneratedAssembly.ReportConstants(GeneratedAssembly.Load(output));

        Assert.Equal(ReportFiles.All.Select(f => f.Constant).Order(), constants.Keys.Order());
        Snapshot.VerifyAll(ReportFiles.All.Select(f => (
            "CommunityAccess/report/" + Path.GetFileNameWithoutExtension(f.FileName),
            Path.GetExtension(f.FileName).TrimStart('.'),
            constants[f.Constant].Replace(GeneratorHarness.GeneratorVersion, "%VERSION%", System.StringComparison.Ordinal))));
    }
}
