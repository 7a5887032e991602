using System.Linq;
using System.Threading.Tasks;
using FaceCompliance.Analyzers.Tests.Harness;
using Microsoft.CodeAnalysis;
using Xunit;

namespace FaceCompliance.Analyzers.Tests.Rules;

/// <summary>
/// FC0010 (the notice version is the approved one) and FC1002 (the lines of FacialNotice.approved.txt). Expected
/// versions come from the source generator, never from this file: the notice wording may change.
/// </summary>
public sealed class NoticeApprovalTests
{
    private const string Lobby = "Estate.LobbyCounting";
    private const string Gate = "Estate.Site+Gate";
    private const string Stale = "0123456789abcdef";

    /// <summary>Two purposes, one nested (its id has a '+'); <c>{0}</c> is the lobby's retention in days.</summary>
    private static string Source(int lobbyRetention = 30, bool markLobby = true, bool markGate = true, string processor = DefaultProcessor) => $$"""
        using FaceCompliance;

        {{processor}}

        namespace Estate;

        [{{(markLobby ? "{|FC0010:" : "")}}FacialDataPurpose(FacialProcessingMethod.Detection,
            DescriptionZh = "统计大堂人数", DescriptionEn = "Count people in the lobby",
            NecessityZh = "控制人流", NecessityEn = "Crowd control",
            ImpactZh = "不识别身份", ImpactEn = "Nobody is identified",
            RetentionDays = {{lobbyRetention}}){{(markLobby ? "|}" : "")}}]
        public sealed partial class LobbyCounting { }

        public static partial class Site
        {
            [{{(markGate ? "{|FC0010:" : "")}}FacialDataPurpose(FacialProcessingMethod.Verification,
                DescriptionZh = "核验住户身份以开启小区门禁", DescriptionEn = "Verify residents at the gate",
                NecessityZh = "门禁须确认进入者为住户", NecessityEn = "The gate must confirm who enters",
                ImpactZh = "人脸特征仅存于设备内", ImpactEn = "Templates stay on the device",
                AlternativeZh = "刷门禁卡", AlternativeEn = "Tap an access card",
                RetentionDays = 365){{(markGate ? "|}" : "")}}]
            public sealed partial class Gate { }
        }
        """;

    private const string DefaultProcessor = """[assembly: FacialDataProcessor("阳光花园物业服务有限公司", "privacy@sunny-gardens.example")]""";

    private static string Generated(string purposeId, string source) => GeneratedNotices.Versions(false, source)[purposeId];

    private static string NeverApproved(string id, string version)
        => $"The notice of purpose '{id}' (version {version}) has not been approved: have it approved and add it to FacialNotice.approved.txt (Measures Art. 5)";

    private static string Changed(string id, string approved, string now)
        => $"The notice of purpose '{id}' changed (approved {approved}, now {now}): have the new text approved and update FacialNotice.approved.txt; people who consented to the old text must consent again (Measures Art. 5 §2)";

    [Fact]
    public async Task Without_an_approved_file_every_purpose_is_never_approved_with_the_generated_version()
    {
        var source = Source();
        var diagnostics = await new AnalyzerTest(source).WithoutPrelude().CheckingNoticeApproval().RunAsync();

        Assert.Equal(
            new[] { NeverApproved(Lobby, Generated(Lobby, source)), NeverApproved(Gate, Generated(Gate, source)) },
            diagnostics.Select(d => d.GetMessage()));
        Assert.All(diagnostics, d => Assert.Equal(DiagnosticSeverity.Warning, d.Severity));
        Assert.Equal(new[] { Lobby, Gate }, diagnostics.Select(d => d.Properties["PurposeId"]));
        Assert.Equal(new[] { Generated(Lobby, source), Generated(Gate, source) }, diagnostics.Select(d => d.Properties["NoticeVersion"]));
    }

    [Fact]
    public async Task A_purpose_without_a_line_is_never_approved()
    {
        var source = Source(markGate: false);
        var diagnostics = await new AnalyzerTest(source).WithoutPrelude()
            .WithAdditionalFile("FacialNotice.approved.txt", $"# approved\n{Gate} {Generated(Gate, source)}\n")
            .RunAsync();

        Assert.Equal(NeverApproved(Lobby, Generated(Lobby, source)), diagnostics.Single().GetMessage());
    }

    [Fact]
    public async Task A_line_with_another_version_is_a_changed_notice()
    {
        var source = Source(markGate: false);
        var diagnostics = await new AnalyzerTest(source).WithoutPrelude()
            .WithAdditionalFile("FacialNotice.approved.txt", $"{Lobby} {Stale}\n{Gate} {Generated(Gate, source)}\n")
            .RunAsync();

        Assert.Equal(Changed(Lobby, Stale, Generated(Lobby, source)), diagnostics.Single().GetMessage());
        Assert.Equal(Generated(Lobby, source), diagnostics.Single().Properties["NoticeVersion"]);
    }

    [Fact]
    public Task Approved_versions_report_nothing_whatever_the_spacing_comments_and_case()
    {
        var source = Source(markLobby: false, markGate: false);
        return new AnalyzerTest(source).WithoutPrelude()
            .WithAdditionalFile("FacialNotice.approved.txt",
                $"# Approved by the legal team\r\n\r\n   {Lobby}\t {Generated(Lobby, source).ToUpperInvariant()}  \r\n  # the gate\r\n{Gate} {Generated(Gate, source)}")
            .RunAsync();
    }

    [Fact]
    public async Task Changing_the_retention_changes_the_version_and_reports_FC0010()
    {
        var approvedSource = Source(lobbyRetention: 30, markLobby: false, markGate: false);
        var approvedFile = $"{Lobby} {Generated(Lobby, approvedSource)}\n{Gate} {Generated(Gate, approvedSource)}\n";
        await new AnalyzerTest(approvedSource).WithoutPrelude().WithAdditionalFile("FacialNotice.approved.txt", approvedFile).RunAsync();

        var changedSource = Source(lobbyRetention: 90, markGate: false);
        var diagnostics = await new AnalyzerTest(changedSource).WithoutPrelude().WithAdditionalFile("FacialNotice.approved.txt", approvedFile).RunAsync();

        Assert.NotEqual(Generated(Lobby, approvedSource), Generated(Lobby, changedSource));
        Assert.Equal(Changed(Lobby, Generated(Lobby, approvedSource), Generated(Lobby, changedSource)), diagnostics.Single().GetMessage());
    }

    [Fact]
    public async Task The_processor_is_part_of_the_notice()
    {
        var before = Source(markLobby: false, markGate: false);
        var approvedFile = $"{Lobby} {Generated(Lobby, before)}\n{Gate} {Generated(Gate, before)}\n";
        var after = Source(processor: """[assembly: FacialDataProcessor("阳光花园物业服务有限公司", "privacy@sunny-gardens.example", ComplaintChannel = "0755-8888-0001")]""");

        var diagnostics = await new AnalyzerTest(after).WithoutPrelude().WithAdditionalFile("FacialNotice.approved.txt", approvedFile).RunAsync();

        Assert.Equal(
            new[] { Changed(Lobby, Generated(Lobby, before), Generated(Lobby, after)), Changed(Gate, Generated(Gate, before), Generated(Gate, after)) },
            diagnostics.Select(d => d.GetMessage()));
    }

    [Fact]
    public async Task Without_a_processor_the_version_is_the_generated_one_for_the_undeclared_processor()
    {
        var source = Source(processor: "").Replace("[{|FC0010:", "[{|FC0007:{|FC0010:", System.StringComparison.Ordinal).Replace("|}]", "|}|}]", System.StringComparison.Ordinal);
        var diagnostics = await new AnalyzerTest(source).WithoutPrelude().RunAsync();

        Assert.Equal(
            new[] { NeverApproved(Lobby, Generated(Lobby, source)), NeverApproved(Gate, Generated(Gate, source)) },
            diagnostics.Where(d => d.Id == "FC0010").Select(d => d.GetMessage()));
        Assert.NotEqual(Generated(Lobby, source), Generated(Lobby, Source()));
    }

    [Fact]
    public Task Pragma_suppresses_FC0010() => new AnalyzerTest("""
        using FaceCompliance;

        [assembly: FacialDataProcessor("阳光花园物业服务有限公司", "privacy@sunny-gardens.example")]

        #pragma warning disable FC0010 // the text is with the legal team
        [FacialDataPurpose(FacialProcessingMethod.Detection, DescriptionZh = "统计", DescriptionEn = "Counting", NecessityZh = "人流",
            NecessityEn = "Crowds", ImpactZh = "无", ImpactEn = "None", RetentionDays = 1)]
        public sealed partial class Counting { }
        #pragma warning restore FC0010

        [{|FC0010:FacialDataPurpose(FacialProcessingMethod.Detection, DescriptionZh = "排队", DescriptionEn = "Queueing", NecessityZh = "人流",
            NecessityEn = "Crowds", ImpactZh = "无", ImpactEn = "None", RetentionDays = 1)|}]
        public sealed partial class Queueing { }
        """).WithoutPrelude().RunAsync();

    [Fact]
    public async Task Severity_is_configurable()
    {
        var diagnostics = await new AnalyzerTest(Source()).WithoutPrelude().CheckingNoticeApproval().WithEditorConfig("""
            root = true

            [*.cs]
            dotnet_diagnostic.FC0010.severity = error
            """).RunAsync();

        Assert.All(diagnostics, d => Assert.Equal(DiagnosticSeverity.Error, d.Severity));
    }

    [Fact]
    public async Task Bad_lines_are_FC1002_at_their_line_and_approve_nothing()
    {
        var source = Source(markGate: false);
        var gate = Generated(Gate, source);
        var diagnostics = await new AnalyzerTest(source).WithoutPrelude()
            .WithAdditionalFile("FacialNotice.approved.txt", $$"""
                # Approved notices

                {|FC1002:{{Lobby}}|}
                  {|FC1002:{{Lobby}} 12345|}
                {|FC1002:{{Lobby}} {{Stale}} # old|}
                {|FC1002:{{Lobby}} {{Stale}} retention=30 retention|}
                {{Gate}} {{gate}}
                {|FC1002:{{Gate}} {{gate.ToUpperInvariant()}} retention=365|}
                """)
            .RunAsync();

        var errors = diagnostics.Where(d => d.Id == "FC1002").ToList();
        Assert.Equal(new[] { 3, 4, 5, 6, 8 }, errors.Select(d => d.Location.GetLineSpan().StartLinePosition.Line + 1));
        Assert.All(errors, d => Assert.Equal(DiagnosticSeverity.Error, d.Severity));
        Assert.Equal(new[]
        {
            "FacialNotice.approved.txt: expected '<purpose id> <notice version>', e.g. 'CommunityAccess.CommunityEntry 0123456789abcdef', but the line has 1 parts",
            "FacialNotice.approved.txt: '12345' is not a notice version; expected the 16 hexadecimal digits FC0010 reports",
            "FacialNotice.approved.txt: '#' is not a fact of the notice; after the version a line may only list key=value facts, such as 'retention=365'",
            "FacialNotice.approved.txt: 'retention' is not a fact of the notice; after the version a line may only list key=value facts, such as 'retention=365'",
            $"FacialNotice.approved.txt: 'Estate.Site+Gate' version {gate.ToUpperInvariant()} is listed twice; first at FacialNotice.approved.txt line 7",
        }, errors.Select(d => d.GetMessage()));

        // None of the bad lines approves the lobby, so it is still never approved.
        Assert.Equal(NeverApproved(Lobby, Generated(Lobby, source)), diagnostics.Single(d => d.Id == "FC0010").GetMessage());
    }

    [Fact]
    public async Task A_duplicate_in_a_second_file_is_FC1002_there()
    {
        var source = Source(markLobby: false, markGate: false);
        var lines = $"{Lobby} {Generated(Lobby, source)}\n{Gate} {Generated(Gate, source)}\n";
        var diagnostics = await new AnalyzerTest(source).WithoutPrelude()
            .WithAdditionalFile("FacialNotice.approved.txt", lines)
            .WithAdditionalFile("sub/FacialNotice.approved.txt", $"# more\n{{|FC1002:{Gate} {Generated(Gate, source)}|}}\n")
            .RunAsync();

        Assert.Equal($"FacialNotice.approved.txt: 'Estate.Site+Gate' version {Generated(Gate, source)} is listed twice; first at FacialNotice.approved.txt line 2", diagnostics.Single().GetMessage());
        Assert.EndsWith("sub/FacialNotice.approved.txt", diagnostics.Single().Location.GetLineSpan().Path, System.StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_approved_line_is_the_first_of_its_id_and_later_lines_with_facts_record_earlier_approvals()
    {
        var source = Source(markGate: false);
        var diagnostics = await new AnalyzerTest(source).WithoutPrelude()
            .WithAdditionalFile("FacialNotice.approved.txt", $"""
                {Lobby} {Stale} retention=30 storage=OnDevice
                {Lobby} {Generated(Lobby, source)} retention=10
                {Gate} {Generated(Gate, source)} method=Verification retention=365
                {Gate} 00000000000000ff
                """)
            .RunAsync();

        // The lobby's current version is only an earlier line: the first line (Stale) is the approved one.
        Assert.Equal(Changed(Lobby, Stale, Generated(Lobby, source)), diagnostics.Single().GetMessage());
    }

    [Fact]
    public async Task FC0010_carries_the_facts_the_notice_is_rendered_from_for_the_approved_line()
    {
        var source = Source(markGate: false);
        var diagnostics = await new AnalyzerTest(source).WithoutPrelude().WithAdditionalFile("FacialNotice.approved.txt", $"{Gate} {Generated(Gate, source)}\n").RunAsync();

        var facts = diagnostics.Single().Properties["NoticeFacts"];
        Assert.Matches(
            "^method=Detection retention=30 storage=OnDevice images=false categories=FaceImage,FaceTemplate site=NonPublic minors=false basis=Consent "
            + "recipients=- attributes=0 purpose=[0-9a-f]{8} necessity=[0-9a-f]{8} impact=[0-9a-f]{8} alternative=[0-9a-f]{8} withdrawal=[0-9a-f]{8} processor=[0-9a-f]{8}$",
            facts);
        var other = await new AnalyzerTest(Source(lobbyRetention: 31, markGate: false)).WithoutPrelude()
            .WithAdditionalFile("FacialNotice.approved.txt", $"{Gate} {Generated(Gate, source)}\n").RunAsync();
        Assert.Equal(facts!.Replace("retention=30", "retention=31", System.StringComparison.Ordinal), other.Single().Properties["NoticeFacts"]);
    }
}
