using System.Collections.Generic;
using System.Text;
using System.Threading.Tasks;
using FaceCompliance.Analyzers.Rules;
using FaceCompliance.Analyzers.Tests.Harness;
using FaceCompliance.CodeFixes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;
using Xunit;
using Verify = FaceCompliance.Analyzers.Tests.Harness.CodeFixVerifier<FaceCompliance.CodeFixes.ApproveNoticeCodeFixProvider>;

namespace FaceCompliance.Analyzers.Tests.CodeFixes;

/// <summary>
/// FC0010's fix through Microsoft.CodeAnalysis.Testing, which compares the project's additional files after the fix:
/// Fix All in each scope (one approved file per project), the iterations, the messages of FC0010 and of FC1002 in
/// the approved file. CodeFixes/ApproveNoticeCodeFixTests.cs has the rest (the file beside the project file,
/// header and comments kept, sorting).
/// </summary>
public sealed class ApproveNoticeVerifierTests
{
    /// <summary>One key for every "Approve the notice of 'X'" action, so Fix All approves them all.</summary>
    private const string Key = CodeFixTitles.ApproveNoticeEquivalenceKey;

    private const string FileName = "FacialNotice.approved.txt";

    private const string Processor = """[assembly: FaceCompliance.FacialDataProcessor("阳光花园物业服务有限公司", "privacy@sunny-gardens.example")]""";

    private static string Lobby(bool marked) => $$"""
        {{Processor}}

        namespace Estate;

        [{{(marked ? "{|FC0010:" : "")}}FaceCompliance.FacialDataPurpose(FaceCompliance.FacialProcessingMethod.Detection,
            DescriptionZh = "统计大堂人数", DescriptionEn = "Count people in the lobby", NecessityZh = "控制人流", NecessityEn = "Crowd control",
            ImpactZh = "不识别身份", ImpactEn = "Nobody is identified", RetentionDays = 30){{(marked ? "|}" : "")}}]
        public sealed partial class LobbyCounting { }
        """;

    private static string Queue(bool marked) => $$"""
        namespace Estate;

        [{{(marked ? "{|FC0010:" : "")}}FaceCompliance.FacialDataPurpose(FaceCompliance.FacialProcessingMethod.Detection,
            DescriptionZh = "统计排队人数", DescriptionEn = "Count people in the queue", NecessityZh = "控制人流", NecessityEn = "Crowd control",
            ImpactZh = "不识别身份", ImpactEn = "Nobody is identified", RetentionDays = 1){{(marked ? "|}" : "")}}]
        public sealed partial class Queueing { }
        """;

    private static string Hall(bool marked) => $$"""
        {{Processor}}

        namespace Annex;

        [{{(marked ? "{|FC0010:" : "")}}FaceCompliance.FacialDataPurpose(FaceCompliance.FacialProcessingMethod.Detection,
            DescriptionZh = "统计礼堂人数", DescriptionEn = "Count people in the hall", NecessityZh = "控制人流", NecessityEn = "Crowd control",
            ImpactZh = "不识别身份", ImpactEn = "Nobody is identified", RetentionDays = 7){{(marked ? "|}" : "")}}]
        public sealed partial class HallCounting { }
        """;

    private static readonly IReadOnlyDictionary<string, string> s_versions = GeneratedNotices.Versions(false, Lobby(false), Queue(false));

    private static readonly IReadOnlyDictionary<string, string> s_annexVersions = GeneratedNotices.Versions(false, Hall(false));

    private static readonly IReadOnlyDictionary<string, string> s_facts = GeneratedNotices.Facts(Lobby(false), Queue(false));

    private static readonly IReadOnlyDictionary<string, string> s_annexFacts = GeneratedNotices.Facts(Hall(false));

    /// <summary>The line the fix writes: id, version, and the facts FC0010 carries.</summary>
    private static string Line(string id) => $"{id} {s_versions[id]} {s_facts[id]}";

    /// <summary>An approved file as the fix writes it: UTF-8, the header it creates, one line per purpose.</summary>
    private static (string, SourceText) CreatedFile(string directory, params string[] lines)
        => ($"{directory}/{FileName}", SourceText.From(ApproveNoticeCodeFixProvider.NewFileHeader + "\n" + string.Join("", System.Array.ConvertAll(lines, l => l + "\n")), Encoding.UTF8));

    [Fact]
    public async Task Fix_All_writes_one_approved_file_per_project_in_each_scope()
    {
        var annex = new ProjectState("Annex", LanguageNames.CSharp, "/Annex/Test", "cs") { Sources = { Hall(marked: true) } };
        var fixedAnnex = new ProjectState("Annex", LanguageNames.CSharp, "/Annex/Test", "cs")
        {
            Sources = { Hall(marked: false) },
            AdditionalFiles = { CreatedFile("/Annex", $"Annex.HallCounting {s_annexVersions["Annex.HallCounting"]} {s_annexFacts["Annex.HallCounting"]}") },
        };
        var test = new Verify.Test
        {
            IncludePrelude = false,
            TestState =
            {
                Sources = { Lobby(marked: true), Queue(marked: true) },
                AdditionalProjects = { { "Annex", annex } },
            },
            FixedState =
            {
                Sources = { Lobby(marked: false), Queue(marked: false) },
                AdditionalFiles =
                {
                    CreatedFile(AnalyzerTest.Directory, Line("Estate.LobbyCounting"), Line("Estate.Queueing")),
                },
                AdditionalProjects = { { "Annex", fixedAnnex } },
            },
            CodeActionEquivalenceKey = Key,
            EquivalenceKeyOf = _ => Key,
            // One notice at a time: the first creates the file, the next ones add their line to it.
            NumberOfIncrementalIterations = 3,
            NumberOfFixAllInDocumentIterations = 3,
            NumberOfFixAllInProjectIterations = 2,
            NumberOfFixAllIterations = 1,
        };

        await test.RunAsync();
    }

    [Fact]
    public Task The_messages_name_the_purpose_and_both_versions_and_the_duplicate_line() => new Verify.Test
    {
        IncludePrelude = false,
        TestState =
        {
            Sources =
            {
                Lobby(marked: false).Replace("[FaceCompliance.FacialDataPurpose(", "[{|#0:FaceCompliance.FacialDataPurpose(", System.StringComparison.Ordinal)
                    .Replace("RetentionDays = 30)]", "RetentionDays = 30)|}]", System.StringComparison.Ordinal),
                Queue(marked: false),
            },
            AdditionalFiles =
            {
                ($"{AnalyzerTest.Directory}/{FileName}", $$"""
                    # Approved notices
                    Estate.LobbyCounting 0123456789abcdef
                    {|#1:Estate.LobbyCounting 0123456789ABCDEF|}
                    Estate.Queueing {{s_versions["Estate.Queueing"]}}

                    """),
            },
            ExpectedDiagnostics =
            {
                Verify.Diagnostic(NoticeApprovedAnalyzer.ChangedRule).WithLocation(0)
                    .WithArguments("Estate.LobbyCounting", "0123456789abcdef", s_versions["Estate.LobbyCounting"]),
                Verify.Diagnostic(ApprovedNoticesFileAnalyzer.Rule).WithLocation(1)
                    .WithArguments($"{FileName}: 'Estate.LobbyCounting' version 0123456789ABCDEF is listed twice; first at {FileName} line 2"),
            },
        },
        FixedState =
        {
            // Nothing inherited: the FC1002 expected in the test state is gone once the file is fixed.
            InheritanceMode = StateInheritanceMode.Explicit,
            Sources = { Lobby(marked: false), Queue(marked: false) },
            AdditionalFiles =
            {
                // The header stays, a blank line follows it, the entries are sorted; a text without encoding is written as UTF-8.
                ($"{AnalyzerTest.Directory}/{FileName}", SourceText.From($"""
                    # Approved notices

                    {Line("Estate.LobbyCounting")}
                    Estate.LobbyCounting 0123456789abcdef
                    Estate.Queueing {s_versions["Estate.Queueing"]}

                    """, Encoding.UTF8)),
            },
        },
        CodeActionEquivalenceKey = Key,
        EquivalenceKeyOf = _ => Key,
    }.RunAsync();
}
