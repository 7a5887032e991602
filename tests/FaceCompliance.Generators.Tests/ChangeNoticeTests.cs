using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using FaceCompliance.Generators.Model;
using FaceCompliance.Generators.Tests.Harness;
using FaceCompliance.Notice;
using Microsoft.CodeAnalysis;
using Xunit;

namespace FaceCompliance.Generators.Tests;

/// <summary>
/// Measures Art. 5 §2: when a purpose's notice differs from a version listed in FacialNotice.approved.txt, the
/// generated purpose carries a change notice, in zh-CN and en, that names exactly what changed since that version,
/// from the facts the baseline line keeps. The expected texts below were written by hand and reviewed against the
/// notice they summarise.
/// </summary>
public sealed class ChangeNoticeTests
{
    private const string Processor = """
        using FaceCompliance;
        [assembly: FacialDataProcessor("示例物业", "privacy@example.com", NameEn = "Example Property")]
        """;

    private const string Purpose = """
        using FaceCompliance;
        namespace Demo;
        [FacialDataPurpose(FacialProcessingMethod.Verification,
            DescriptionZh = "核验住户身份以开启小区门禁", DescriptionEn = "Verify residents at the community gate",
            NecessityZh = "门禁须确认进入者为登记住户", NecessityEn = "The gate must confirm that the person is a registered resident",
            ImpactZh = "人脸特征仅存于门禁设备内", ImpactEn = "Templates stay in the gate device",
            AlternativeZh = "刷门禁卡", AlternativeEn = "Tap an access card",
            RetentionDays = 365)]
        public sealed partial class GateEntry { }
        """;

    [Fact]
    public void A_retention_change_since_the_approved_version_is_named_in_both_languages()
    {
        var (oldVersion, oldFacts) = Approved(Purpose);
        var changed = Purpose.Replace("RetentionDays = 365", "RetentionDays = 180", System.StringComparison.Ordinal);

        var (type, newVersion) = Generate(changed, $"Demo.GateEntry {oldVersion} {oldFacts}\n");
        var change = Assert.Single(ChangeNotices(type));

        Assert.NotEqual(oldVersion, newVersion);
        Assert.Equal(oldVersion, change.FromVersion);
        Assert.Equal(newVersion, change.ToVersion);
        Assert.Equal(
            "人脸信息处理规则变更告知\n\n"
            + $"您此前同意的《人脸信息处理规则》（规则版本：{oldVersion}）已变更，变更后的规则版本为：{newVersion}。本次变更的事项如下：\n"
            + "一、人脸信息的保存期限由365日变更为180日。\n\n"
            + "请您阅读变更后的规则全文，并自主决定是否重新作出同意。在您重新作出同意前，我们不再处理您的人脸信息。您不同意的，可以随时撤回此前的同意，我们将删除您的人脸信息。\n",
            change.Chinese);
        Assert.Equal(
            "Changes to how we process your face information\n\n"
            + $"The rules you consented to (version {oldVersion}) have changed; the new version is {newVersion}. What changes:\n"
            + "1. The retention period changes from 365 to 180 days.\n\n"
            + "Please read the new rules in full and decide freely whether to consent again. Until you do, we do not process your face information. If you do not agree, you can withdraw your earlier consent at any time, and we will delete your face information.\n",
            change.English);
        Assert.Same(change, type.GetProperty("ChangeNotice")!.GetValue(null));
        Assert.Same(change, ChangeNoticeFrom(type, oldVersion.ToUpperInvariant()));
        Assert.Null(ChangeNoticeFrom(type, newVersion));
    }

    [Fact]
    public void Several_changes_are_listed_in_the_order_the_notice_states_them_quoting_new_texts()
    {
        var (oldVersion, oldFacts) = Approved(Purpose);
        var changed = Purpose
            .Replace("RetentionDays = 365)", "RetentionDays = 90, Storage = FacialDataStorage.Server, TransferRecipientZh = \"云服务商\", TransferRecipientEn = \"a cloud provider\")", System.StringComparison.Ordinal)
            .Replace("AlternativeZh = \"刷门禁卡\"", "AlternativeZh = \"输入门禁密码\"", System.StringComparison.Ordinal)
            .Replace("AlternativeEn = \"Tap an access card\"", "AlternativeEn = \"Enter the door PIN\"", System.StringComparison.Ordinal);

        var (type, _) = Generate(changed, $"Demo.GateEntry {oldVersion} {oldFacts}\n");
        var change = Assert.Single(ChangeNotices(type));

        Assert.Contains(
            "本次变更的事项如下：\n"
            + "一、人脸信息的保存期限由365日变更为90日。\n"
            + "二、不使用人脸识别的其他方式变更为：输入门禁密码。\n"
            + "三、人脸信息的存储地点由人脸识别设备内变更为服务器（通过互联网传输）。\n\n",
            change.Chinese, System.StringComparison.Ordinal);
        Assert.Contains(
            "What changes:\n"
            + "1. The retention period changes from 365 to 90 days.\n"
            + "2. The other way, without your face, changes to: Enter the door PIN.\n"
            + "3. Where your face information is stored changes from inside the face recognition device to servers, over the internet.\n\n",
            change.English, System.StringComparison.Ordinal);
    }

    [Fact]
    public void The_report_lists_each_change_notice_in_both_languages()
    {
        var (oldVersion, oldFacts) = Approved(Purpose);
        var changed = Purpose.Replace("RetentionDays = 365", "RetentionDays = 180", System.StringComparison.Ordinal);
        var files = new[] { GeneratorHarness.AdditionalFile("/project/FacialNotice.approved.txt", $"Demo.GateEntry {oldVersion} {oldFacts}\n") };

        var (result, output) = GeneratorHarness.Run(GeneratorHarness.Compile(Processor, changed), reportPath: "report", additionalTexts: files);
        var report = GeneratedAssembly.ReportConstants(GeneratedAssembly.Load(output))["ChangeNoticesMarkdown"];
        var change = ((PurposeSpec)result.TrackedSteps[StepNames.ChangeNotices].Single().Outputs.Single().Value).Changes.Single();

        Assert.Contains($"\n## `Demo.GateEntry`: {oldVersion} → {change.ToVersion}\n\n### zh-CN\n\n```text\n{change.Chinese}```\n\n### en\n\n```text\n{change.English}```\n", report, System.StringComparison.Ordinal);
        Assert.Contains("一、人脸信息的保存期限由365日变更为180日。", report, System.StringComparison.Ordinal);
        Assert.DoesNotContain("无需发送变更告知", report, System.StringComparison.Ordinal);
    }

    [Fact]
    public void An_old_baseline_line_without_facts_still_gives_a_change_notice_that_points_to_the_new_text()
    {
        var (oldVersion, _) = Approved(Purpose);
        var changed = Purpose.Replace("RetentionDays = 365", "RetentionDays = 180", System.StringComparison.Ordinal);

        var (type, newVersion) = Generate(changed, $"# approved before facts were kept\nDemo.GateEntry {oldVersion}\n");
        var change = Assert.Single(ChangeNotices(type));

        Assert.Equal(
            "人脸信息处理规则变更告知\n\n"
            + $"您此前同意的《人脸信息处理规则》（规则版本：{oldVersion}）已变更，变更后的规则版本为：{newVersion}。\n\n"
            + "请您阅读变更后的规则全文，并自主决定是否重新作出同意。在您重新作出同意前，我们不再处理您的人脸信息。您不同意的，可以随时撤回此前的同意，我们将删除您的人脸信息。\n",
            change.Chinese);
        Assert.Contains($"the new version is {newVersion}.\n\nPlease read the new rules in full and decide freely", change.English, System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_line_with_only_some_facts_names_what_they_show_and_points_to_the_rest()
    {
        var (oldVersion, _) = Approved(Purpose);
        var changed = Purpose.Replace("RetentionDays = 365", "RetentionDays = 180", System.StringComparison.Ordinal);

        var (type, _) = Generate(changed, $"Demo.GateEntry {oldVersion} retention=365 unknown=kept\n");
        var change = Assert.Single(ChangeNotices(type));

        Assert.Contains("本次变更的事项如下：\n一、人脸信息的保存期限由365日变更为180日。\n\n其他变更请见变更后的规则全文。\n", change.Chinese, System.StringComparison.Ordinal);
        Assert.Contains("What changes:\n1. The retention period changes from 365 to 180 days.\n\nFor other changes, see the new rules in full.\n", change.English, System.StringComparison.Ordinal);
    }

    [Fact]
    public void After_approval_the_earlier_lines_give_one_change_notice_each_newest_first()
    {
        var (v365, f365) = Approved(Purpose);
        var (v90, f90) = Approved(Purpose.Replace("RetentionDays = 365", "RetentionDays = 90", System.StringComparison.Ordinal));
        var current = Purpose.Replace("RetentionDays = 365", "RetentionDays = 30", System.StringComparison.Ordinal);
        var (v30, f30) = Approved(current);

        var (type, version) = Generate(current, $"Demo.GateEntry {v30} {f30}\nDemo.GateEntry {v90} {f90}\nDemo.GateEntry {v365} {f365}\nOther.Purpose {v365}\n");
        var changes = ChangeNotices(type);

        Assert.Equal(v30, version);
        Assert.Equal(new[] { v90, v365 }, changes.Select(c => c.FromVersion));
        Assert.Contains("一、人脸信息的保存期限由90日变更为30日。\n", changes[0].Chinese, System.StringComparison.Ordinal);
        Assert.Contains("一、人脸信息的保存期限由365日变更为30日。\n", changes[1].Chinese, System.StringComparison.Ordinal);
        Assert.Same(changes[1], ChangeNoticeFrom(type, v365));
    }

    [Fact]
    public void A_notice_approved_as_it_is_and_never_changed_has_no_change_notice()
    {
        var (version, facts) = Approved(Purpose);

        var (approved, _) = Generate(Purpose, $"Demo.GateEntry {version} {facts}\n");
        var (unlisted, _) = Generate(Purpose, null);

        Assert.Empty(ChangeNotices(approved));
        Assert.Null(approved.GetProperty("ChangeNotice")!.GetValue(null));
        Assert.Empty(ChangeNotices(unlisted));
    }

    [Fact]
    public void Only_the_wording_changed_when_every_fact_is_equal()
    {
        var (version, _) = Approved(Purpose);
        var facts = NoticeFacts.Parse(Approved(Purpose).Facts);
        var processor = new ProcessorDeclaration("示例物业", "Example Property", "privacy@example.com", "", "", 0, "");

        var change = ChangeNoticeRenderer.Render(processor, Declaration(Purpose), version, "0123456789abcdef", facts);

        Assert.Contains("\n\n本次变更未涉及处理目的、处理方式、保存期限、存储地点、个人信息种类和接收方。\n请您阅读变更后的规则全文", change.Chinese, System.StringComparison.Ordinal);
        Assert.DoesNotContain("一、", change.Chinese, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Recipients_minors_images_and_categories_are_named_and_a_purpose_without_consent_asks_none()
    {
        var processor = new ProcessorDeclaration("示例物业", "Example Property", "privacy@example.com", "", "", 0, "");
        var before = Declaration(Purpose);
        var recipient = new RecipientDeclaration("group hq,1", "集团总部", "Group headquarters", "dpo@example.com", "集团门禁", "Group access",
            Methods.ProcessingMethodTable.Verification, DeclarationValues.CategoryFaceTemplate);
        var after = before with
        {
            MayInvolveMinors = true, MinorsRulesZh = "监护人同意后登记。", MinorsRulesEn = "Enrolled after a guardian consents.", RetainsImages = true,
            DataCategories = DeclarationValues.CategoryFaceTemplate | DeclarationValues.CategoryLinkedIdentity,
            Recipients = new EquatableArray<RecipientDeclaration>(System.Collections.Immutable.ImmutableArray.Create(recipient)),
            LegalBasis = Profiles.LawValues.BasisLegalDuty, LegalBasisLawZh = "《某某法》第十条", LegalBasisLawEn = "Article 10 of the Example Law",
        };

        var change = ChangeNoticeRenderer.Render(processor, after, "0123456789abcdef", "fedcba9876543210", NoticeFacts.Parse(NoticeFacts.Of(processor, before)));

        Assert.Equal(
            "人脸信息处理规则变更告知\n\n"
            + "我们此前告知您的《人脸信息处理规则》（规则版本：0123456789abcdef）已变更，变更后的规则版本为：fedcba9876543210。本次变更的事项如下：\n"
            + "一、处理人脸信息的法律依据由“取得您的同意”变更为“履行法定职责或者法定义务所必需”。\n"
            + "二、处理的个人信息种类由人脸图像、人脸特征变更为人脸特征、关联身份信息。\n"
            + "三、我们将保存您的人脸图像本身，而不仅是从中提取的人脸特征；保存人脸图像须取得您的单独同意。\n"
            + "四、我们将处理不满十四周岁未成年人的人脸信息，并适用处理未成年人个人信息的专门规则。\n"
            + "五、向其他个人信息处理者提供您的人脸信息的范围已变更，变更后我们向以下处理者提供：集团总部。向其提供须取得您的单独同意。\n\n"
            + "变更后的规则全文见《人脸信息处理规则》（规则版本：fedcba9876543210）。\n",
            change.Chinese);
        Assert.Contains("1. The legal basis of the processing changes from your consent to a statutory duty or obligation.\n", change.English, System.StringComparison.Ordinal);
        Assert.Contains("5. The other processors we provide your face information to have changed; from now on they are: Group headquarters.", change.English, System.StringComparison.Ordinal);
        Assert.DoesNotContain("consent again", change.English, System.StringComparison.Ordinal);
        Assert.Equal(new[] { "group hq,1" }, NoticeFacts.Items(NoticeFacts.Parse(NoticeFacts.Of(processor, after))[NoticeFacts.Recipients]));
    }

    [Fact]
    public void The_generator_skips_baseline_lines_FC1002_reports_and_keeps_the_first_line_of_a_version()
    {
        var baseline = ApprovedNoticeBaseline.Parse(new[]
        {
            "# comment\nDemo.A\nDemo.A 12345\nDemo.A 0123456789ABCDEF retention=1 # note\nDemo.A 0123456789abcdef retention=2\r\n",
            "Demo.A 0123456789ABCDEF retention=3\nDemo.A 00000000000000ff\nDemo.B 00000000000000ff\n",
        });

        var entries = baseline.For("Demo.A");

        Assert.Equal(new[] { "0123456789abcdef", "00000000000000ff" }, entries.Select(e => e.Version));
        Assert.Equal("retention=2", entries[0].Facts);
        Assert.Equal("", entries[1].Facts);
    }

    /// <summary>The version and facts the baseline line of an approval of <paramref name="purpose"/> holds.</summary>
    private static (string Version, string Facts) Approved(string purpose)
    {
        var (result, _) = GeneratorHarness.Run(GeneratorHarness.Compile(Processor, purpose));
        var processor = (ProcessorDeclaration)result.TrackedSteps[StepNames.Processor].Single().Outputs.Single().Value;
        var spec = (PurposeSpec)result.TrackedSteps[StepNames.Notices].Single().Outputs.Single().Value;
        return (spec.Notice.Version, NoticeFacts.Of(processor, spec.Declaration));
    }

    private static PurposeDeclaration Declaration(string purpose)
    {
        var (result, _) = GeneratorHarness.Run(GeneratorHarness.Compile(Processor, purpose));
        return ((PurposeSpec)result.TrackedSteps[StepNames.Notices].Single().Outputs.Single().Value).Declaration;
    }

    private static int s_loaded;

    /// <summary>
    /// Generates and loads <paramref name="purpose"/> with <paramref name="baseline"/> as FacialNotice.approved.txt, under
    /// a namespace of its own (Demo1, Demo2...: the runtime's purpose registry refuses one id declared twice differently).
    /// </summary>
    private static (System.Type Type, string Version) Generate(string purpose, string? baseline)
    {
        var ns = "Demo" + System.Threading.Interlocked.Increment(ref s_loaded).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var files = baseline is null ? null : new[] { GeneratorHarness.AdditionalFile("/project/FacialNotice.approved.txt", baseline.Replace("Demo.", ns + ".", System.StringComparison.Ordinal)) };
        var (_, output) = GeneratorHarness.Run(GeneratorHarness.Compile(Processor, purpose.Replace("namespace Demo;", $"namespace {ns};", System.StringComparison.Ordinal)), additionalTexts: files);
        var type = GeneratedAssembly.Load(output).GetType(ns + ".GateEntry", throwOnError: true)!;
        return (type, (string)type.GetField("NoticeVersion")!.GetRawConstantValue()!);
    }

    private static IReadOnlyList<FacialChangeNotice> ChangeNotices(System.Type type) =>
        (IReadOnlyList<FacialChangeNotice>)type.GetProperty("ChangeNotices", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;

    private static FacialChangeNotice? ChangeNoticeFrom(System.Type type, string version) =>
        (FacialChangeNotice?)type.GetMethod("ChangeNoticeFrom")!.Invoke(null, new object[] { version });
}
