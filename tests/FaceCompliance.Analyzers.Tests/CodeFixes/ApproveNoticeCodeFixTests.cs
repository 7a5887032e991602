using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using FaceCompliance.Analyzers.Tests.Harness;
using FaceCompliance.CodeFixes;
using Xunit;

namespace FaceCompliance.Analyzers.Tests.CodeFixes;

/// <summary>
/// FC0010's fix writes the current notice version into FacialNotice.approved.txt (creating it beside the project
/// file), keeping the header, sorting the entries and ending lines with \n; Fix All approves every notice at once.
/// </summary>
public sealed class ApproveNoticeCodeFixTests
{
    private const string FilePath = AnalyzerTest.Directory + "/FacialNotice.approved.txt";

    private static readonly string Source = Purposes(markLobby: true, markQueue: true);

    private static string Purposes(bool markLobby, bool markQueue) => $$"""
        [assembly: FaceCompliance.FacialDataProcessor("阳光花园物业服务有限公司", "privacy@sunny-gardens.example")]

        namespace Estate;

        [{{Open(markLobby)}}FaceCompliance.FacialDataPurpose(FaceCompliance.FacialProcessingMethod.Detection,
            DescriptionZh = "统计大堂人数", DescriptionEn = "Count people in the lobby", NecessityZh = "控制人流", NecessityEn = "Crowd control",
            ImpactZh = "不识别身份", ImpactEn = "Nobody is identified", RetentionDays = 30){{Close(markLobby)}}]
        public sealed partial class LobbyCounting { }

        [{{Open(markQueue)}}FaceCompliance.FacialDataPurpose(FaceCompliance.FacialProcessingMethod.Detection,
            DescriptionZh = "统计排队人数", DescriptionEn = "Count people in the queue", NecessityZh = "控制人流", NecessityEn = "Crowd control",
            ImpactZh = "不识别身份", ImpactEn = "Nobody is identified", RetentionDays = 1){{Close(markQueue)}}]
        public sealed partial class Queueing { }
        """;

    private static string Open(bool mark) => mark ? "{|FC0010:" : "";

    private static string Close(bool mark) => mark ? "|}" : "";

    private static readonly IReadOnlyDictionary<string, string> s_versions = GeneratedNotices.Versions(false, Source);

    private static string Version(string id) => s_versions[id];

    private static readonly IReadOnlyDictionary<string, string> s_facts = GeneratedNotices.Facts(Source);

    /// <summary>The line the fix writes: id, version, and the facts FC0010 carries.</summary>
    private static string Line(string id) => $"{id} {Version(id)} {s_facts[id]}";

    [Fact]
    public async Task Offers_one_action_per_purpose()
    {
        var titles = await CodeFixTest.GetTitlesAsync<ApproveNoticeCodeFixProvider>(Source, prelude: false);

        Assert.Equal(new[] { "Approve the notice of 'Estate.LobbyCounting'", "Approve the notice of 'Estate.Queueing'" }, titles);
    }

    [Fact]
    public async Task Creates_the_file_beside_the_project_file_when_there_is_none()
    {
        var files = await CodeFixTest.FixAdditionalFilesAsync<ApproveNoticeCodeFixProvider>(Source, [], "Approve the notice of 'Estate.LobbyCounting'", prelude: false);

        Assert.Equal(new[] { FilePath }, files.Keys);
        Assert.Equal(ApproveNoticeCodeFixProvider.NewFileHeader + "\n" + Line("Estate.LobbyCounting") + "\n", files[FilePath]);
        Assert.Contains(" retention=30 ", files[FilePath], System.StringComparison.Ordinal);
        Assert.StartsWith("/0/", CodeFixTest.ProjectFilePath, System.StringComparison.Ordinal);

        // The lobby is approved now; the queue is not.
        await new AnalyzerTest(Purposes(markLobby: false, markQueue: true)).WithoutPrelude()
            .WithAdditionalFile("FacialNotice.approved.txt", files[FilePath])
            .RunAsync();
    }

    [Fact]
    public async Task Updates_a_stale_line_keeping_the_header_and_comments_sorting_and_using_LF()
    {
        var before = string.Join("\r\n",
            "# Approved by the legal team.",
            "# Ask legal@example.com before editing.",
            "",
            "Zeta.Other 00000000000000ff",
            "",
            "# reviewed 2025-05-01",
            "Estate.LobbyCounting 0123456789abcdef retention=7",
            "# approved first",
            "Estate.LobbyCounting 0123456789abcde0",
            "# the queue",
            $"Estate.Queueing {Version("Estate.Queueing")}",
            $"Alpha.First {Version("Estate.Queueing")}");

        var files = await CodeFixTest.FixAdditionalFilesAsync<ApproveNoticeCodeFixProvider>(Purposes(markLobby: true, markQueue: false),
            [("FacialNotice.approved.txt", before)], "Approve the notice of 'Estate.LobbyCounting'", prelude: false);

        var expected = string.Join("\n",
            "# Approved by the legal team.",
            "# Ask legal@example.com before editing.",
            "",
            $"Alpha.First {Version("Estate.Queueing")}",
            "# reviewed 2025-05-01",
            Line("Estate.LobbyCounting"),
            "Estate.LobbyCounting 0123456789abcdef retention=7",
            "# approved first",
            "Estate.LobbyCounting 0123456789abcde0",
            "# the queue",
            $"Estate.Queueing {Version("Estate.Queueing")}",
            "Zeta.Other 00000000000000ff") + "\n";
        Assert.Equal(expected, files[FilePath]);
    }

    [Fact]
    public async Task Approving_a_version_already_listed_replaces_its_line_instead_of_repeating_it()
    {
        var before = $"Estate.LobbyCounting 0123456789abcdef\nEstate.LobbyCounting {Version("Estate.LobbyCounting")}\nEstate.Queueing {Version("Estate.Queueing")}\n";

        var files = await CodeFixTest.FixAdditionalFilesAsync<ApproveNoticeCodeFixProvider>(Purposes(markLobby: true, markQueue: false),
            [("FacialNotice.approved.txt", before)], "Approve the notice of 'Estate.LobbyCounting'", prelude: false);

        Assert.Equal($"{Line("Estate.LobbyCounting")}\nEstate.LobbyCounting 0123456789abcdef\nEstate.Queueing {Version("Estate.Queueing")}\n", files[FilePath]);
    }

    [Fact]
    public async Task Fix_All_approves_every_reported_notice_in_one_edit()
    {
        var header = "# Approved notices\n";
        var files = await CodeFixTest.FixAdditionalFilesAsync<ApproveNoticeCodeFixProvider>(Source, [("FacialNotice.approved.txt", header + "Estate.Queueing 0000000000000000\n")],
            fixAllKey: ApproveNoticeCodeFixProviderKey, prelude: false);

        Assert.Equal(
            header + "\n" + $"{Line("Estate.LobbyCounting")}\n{Line("Estate.Queueing")}\nEstate.Queueing 0000000000000000\n",
            files[FilePath]);

        await new AnalyzerTest(Purposes(markLobby: false, markQueue: false)).WithoutPrelude().WithAdditionalFile("FacialNotice.approved.txt", files[FilePath]).RunAsync();
    }

    [Fact]
    public async Task Fix_All_creates_one_file_for_every_notice()
    {
        var files = await CodeFixTest.FixAdditionalFilesAsync<ApproveNoticeCodeFixProvider>(Source, [], fixAllKey: ApproveNoticeCodeFixProviderKey, prelude: false);

        Assert.Equal(new[] { FilePath }, files.Keys);
        Assert.Equal(
            ApproveNoticeCodeFixProvider.NewFileHeader + $"\n{Line("Estate.LobbyCounting")}\n{Line("Estate.Queueing")}\n",
            files[FilePath]);
    }

    private const string ApproveNoticeCodeFixProviderKey = CodeFixTitles.ApproveNoticeEquivalenceKey;
}
