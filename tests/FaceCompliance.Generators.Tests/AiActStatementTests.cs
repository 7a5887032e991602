using System;
using System.Linq;
using FaceCompliance.Generators.Tests.Harness;
using Xunit;

namespace FaceCompliance.Generators.Tests;

/// <summary>
/// ai-act.md, the EU AI Act classification statement (JURISDICTIONS.md AIA-ANNEX-III-1, AIA-50-3-NOTICE, AIA-12-LOGS,
/// AIA-14-OVERSIGHT), and the runtime flag for two-person confirmation, for purposes covering each category.
/// </summary>
public sealed class AiActStatementTests
{
    private const string Texts = """
        DescriptionZh = "目的", NecessityZh = "必要", NecessityEn = "Needed", ImpactZh = "影响", ImpactEn = "Impact", RetentionDays = 30
        """;

    private const string Alternative = """AlternativeZh = "刷卡", AlternativeEn = "Use your member card" """;

    private static readonly string s_source = $$"""
        using FaceCompliance;

        [assembly: FacialDataProcessor("示例", "privacy@example.eu", NameEn = "Example Leisure B.V.")]
        [assembly: OperatesIn(Jurisdiction.EU)]
        [assembly: OperatesIn(Jurisdiction.EU_AIACT)]

        namespace Gym
        {
            [FacialDataPurpose(FacialProcessingMethod.Verification, {{Texts}}, DescriptionEn = "Members unlock their locker with their face", {{Alternative}})]
            public sealed partial class LockerUnlock { }

            [FacialDataPurpose(FacialProcessingMethod.Identification, {{Texts}}, DescriptionEn = "Members look into the entrance kiosk to check in", {{Alternative}},
                IdentificationMode = FacialIdentificationMode.NotRemote)]
            public sealed partial class KioskCheckIn { }

            [FacialDataPurpose(FacialProcessingMethod.Identification, {{Texts}}, DescriptionEn = "Banned visitors are recognised in the lobby camera footage", {{Alternative}},
                IdentificationMode = FacialIdentificationMode.PostRemote)]
            public sealed partial class BannedVisitorReview { }

            [FacialDataPurpose(FacialProcessingMethod.AttributeAnalysis, {{Texts}}, DescriptionEn = "Class instructors see how the class feels",
                Attributes = FacialAttributes.Expression)]
            public sealed partial class ClassMood { }

            [FacialDataPurpose(FacialProcessingMethod.AttributeAnalysis, {{Texts}}, DescriptionEn = "The shop mirror shows glasses on your face",
                Attributes = FacialAttributes.Glasses)]
            public sealed partial class GlassesMirror { }

            [FacialDataPurpose(FacialProcessingMethod.Detection, {{Texts}}, DescriptionEn = "Count people in the pool hall")]
            public sealed partial class PoolCount { }

            [FacialDataPurpose(FacialProcessingMethod.AttributeAnalysis, {{Texts}}, DescriptionEn = "Staff mood at the front desk",
                Attributes = FacialAttributes.Expression, Contexts = FacialUseContexts.Workplace)]
            public sealed partial class StaffMood { }

            [FacialDataPurpose(FacialProcessingMethod.Identification, {{Texts}}, DescriptionEn = "Members found in the lobby without checking in", {{Alternative}},
                Jurisdictions = new[] { Jurisdiction.EU })]
            public sealed partial class GdprOnlySearch { }
        }
        """;

    private static (System.Reflection.Assembly Assembly, string Statement) Generated()
    {
        var (_, output) = GeneratorHarness.Run(GeneratorHarness.Compile(s_source), reportPath: "report");
        var assembly = GeneratedAssembly.Load(output);
        return (assembly, GeneratedAssembly.ReportConstants(assembly)["AiActMarkdown"].Replace(GeneratorHarness.GeneratorVersion, "%VERSION%", StringComparison.Ordinal));
    }

    [Fact]
    public void The_statement_matches_the_reviewed_snapshot()
        => Snapshot.Verify("AiAct/ai-act", "md", Generated().Statement);

    [Fact]
    public void Each_purpose_gets_its_category_and_reason()
    {
        var statement = Generated().Statement;

        Assert.Contains("## Members unlock their locker with their face (`Gym.LockerUnlock`)\n\n**Classification: not covered**\n\n- Not covered: 1:1 verification, whose sole purpose is to confirm a claimed identity, is outside remote biometric identification (Annex III 1(a) excludes verification", statement, StringComparison.Ordinal);
        Assert.Contains("(`Gym.KioskCheckIn`)\n\n**Classification: not covered**\n\n- Not covered by Annex III 1(a): 1:N identification with the person's active involvement is not remote (Art. 3(41)).", statement, StringComparison.Ordinal);
        Assert.Contains("(`Gym.BannedVisitorReview`)\n\n**Classification: high-risk (Annex III point 1)**\n\n- High-risk (Annex III 1(a)): post-remote biometric identification", statement, StringComparison.Ordinal);
        Assert.Contains("(`Gym.ClassMood`)\n\n**Classification: high-risk (Annex III point 1)**\n\n- High-risk (Annex III 1(c)): emotion recognition", statement, StringComparison.Ordinal);
        Assert.Contains("(`Gym.GlassesMirror`)\n\n**Classification: Art. 50 transparency only**", statement, StringComparison.Ordinal);
        Assert.Contains("(`Gym.PoolCount`)\n\n**Classification: not covered**", statement, StringComparison.Ordinal);
        Assert.Contains("(`Gym.StaffMood`)\n\n**Classification: prohibited (Art. 5)**\n\n- Prohibited (Art. 5(1)(f))", statement, StringComparison.Ordinal);
        Assert.Contains("(`Gym.GdprOnlySearch`)\n\nNot classified: the purpose's `Jurisdictions` do not include EU-AIACT.", statement, StringComparison.Ordinal);
    }

    [Fact]
    public void Only_emotion_recognition_and_categorisation_get_the_Art_50_3_notice_and_only_remote_identification_the_log_fields()
    {
        var sections = Generated().Statement.Split("\n## ").ToDictionary(s => s[..s.IndexOf('\n', StringComparison.Ordinal)]);
        string Section(string id) => sections.Single(s => s.Key.Contains($"`Gym.{id}`", StringComparison.Ordinal)).Value;

        Assert.Contains("> Example Leisure B.V. operates an emotion recognition system here. It analyses images of your face and infers emotions from your facial expression. Purpose: Class instructors see how the class feels. ", Section("ClassMood"), StringComparison.Ordinal);
        Assert.Contains("> Example Leisure B.V. operates a biometric categorisation system here. It analyses images of your face and estimates from it: whether glasses are worn.", Section("GlassesMirror"), StringComparison.Ordinal);
        Assert.Contains("| (c) the input data that led to a match |", Section("BannedVisitorReview"), StringComparison.Ordinal);
        foreach (var id in new[] { "LockerUnlock", "KioskCheckIn", "PoolCount", "StaffMood" })
        {
            Assert.DoesNotContain("Art. 50(3))\n", Section(id), StringComparison.Ordinal);
            Assert.DoesNotContain("Art. 12(3)", Section(id), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Only_remote_identification_serving_EU_AIACT_requires_two_person_confirmation_at_run_time()
    {
        var purposes = GeneratedAssembly.Purposes(Generated().Assembly).ToDictionary(p => p.Id);

        Assert.True(purposes["Gym.BannedVisitorReview"].RequiresTwoPersonConfirmation);
        Assert.False(purposes["Gym.KioskCheckIn"].RequiresTwoPersonConfirmation);
        Assert.False(purposes["Gym.LockerUnlock"].RequiresTwoPersonConfirmation);
        Assert.False(purposes["Gym.GdprOnlySearch"].RequiresTwoPersonConfirmation);
    }

    [Fact]
    public void Without_EU_AIACT_the_statement_says_so_and_no_purpose_requires_confirmation()
    {
        var (_, output) = GeneratorHarness.Run(GeneratorHarness.Compile(s_source.Replace("[assembly: OperatesIn(Jurisdiction.EU_AIACT)]", "", StringComparison.Ordinal)
            .Replace("Jurisdictions = new[] { Jurisdiction.EU }", "RetainsImages = false", StringComparison.Ordinal)), reportPath: "report");
        var assembly = GeneratedAssembly.Load(output);

        Assert.Contains("The assembly declares no `[assembly: OperatesIn(Jurisdiction.EU_AIACT)]`", GeneratedAssembly.ReportConstants(assembly)["AiActMarkdown"], StringComparison.Ordinal);
        Assert.All(GeneratedAssembly.Purposes(assembly), p => Assert.False(p.RequiresTwoPersonConfirmation));
    }

    [Fact]
    public void Before_the_Annex_III_date_no_purpose_requires_two_person_confirmation()
    {
        var (_, before) = GeneratorHarness.Run(GeneratorHarness.Compile(s_source), lawDate: "2026-08-01");
        var (_, from) = GeneratorHarness.Run(GeneratorHarness.Compile(s_source), lawDate: "2026-08-02");

        Assert.All(GeneratedAssembly.Purposes(GeneratedAssembly.Load(before)), p => Assert.False(p.RequiresTwoPersonConfirmation));
        Assert.True(GeneratedAssembly.Purposes(GeneratedAssembly.Load(from)).Single(p => p.Id == "Gym.BannedVisitorReview").RequiresTwoPersonConfirmation);
    }
}
