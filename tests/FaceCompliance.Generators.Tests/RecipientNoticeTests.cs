using System;
using System.Collections.Immutable;
using System.Linq;
using FaceCompliance.Generators.Tests.Harness;
using FaceCompliance.Methods;
using FaceCompliance.Notice;
using FaceCompliance.Profiles;
using Xunit;

namespace FaceCompliance.Generators.Tests;

/// <summary>Recipients (PIPL Art. 23): notice element 15, the notice version, pipia.md and filing.json.</summary>
public sealed class RecipientNoticeTests
{
    private static readonly ProcessorDeclaration s_processor = new("示例物业服务有限公司", "Example Property Services", "privacy@example.com", "", "", 0, "");

    private static readonly RecipientDeclaration s_headquarters = new(
        Id: "group-hq", NameZh: "阳光集团总部", NameEn: "Sunny Group headquarters", Contact: "dpo@sunny-group.example",
        PurposeZh: "集团统一门禁", PurposeEn: "Group-wide access control",
        Method: ProcessingMethodTable.Verification, DataCategories: DeclarationValues.CategoryFaceTemplate | DeclarationValues.CategoryLinkedIdentity);

    private static readonly PurposeDeclaration s_gate = new(
        Id: "Demo.GateEntry",
        Type: new TypeShape("Demo", EquatableArray<string>.Empty, CanBeExtended: true),
        Method: ProcessingMethodTable.Verification,
        DescriptionZh: "核验住户身份", DescriptionEn: "To verify residents",
        NecessityZh: "防止冒用门禁卡。", NecessityEn: "To stop card misuse.",
        ImpactZh: "仅 1:1 比对。", ImpactEn: "1:1 only.",
        RetentionDays: 30,
        Storage: DeclarationValues.StorageOnDevice,
        MayInvolveMinors: true,
        DataCategories: DeclarationValues.DefaultDataCategories,
        AlternativeZh: "刷卡通行。", AlternativeEn: "Tap a card.",
        WithdrawalZh: "", WithdrawalEn: "",
        Site: LawValues.SiteNonPublic, CollectionAreaZh: "", CollectionAreaEn: "",
        MinorsRulesZh: "学生人脸仅在监护人同意后登记。", MinorsRulesEn: "A child's face is enrolled only after a guardian consents.");

    private static PurposeDeclaration WithRecipients(params RecipientDeclaration[] recipients)
        => s_gate with { Recipients = new EquatableArray<RecipientDeclaration>(recipients.ToImmutableArray()) };

    private static string Section(RenderedNoticeText text, NoticeElement element)
        => string.Join("\n", text.Sections.Single(s => s.Element == element).Paragraphs);

    [Fact]
    public void Element_15_lists_each_recipient_with_name_contact_purpose_method_and_categories_and_asks_separate_consent()
    {
        var notice = NoticeRenderer.Render(s_processor, WithRecipients(s_headquarters));

        var chinese = Section(notice.Chinese, NoticeElement.Recipients);
        Assert.Contains("阳光集团总部（联系方式：dpo@sunny-group.example）：处理目的：集团统一门禁；处理方式：人脸验证（1:1 比对）；提供的个人信息种类：人脸特征、关联身份信息。", chinese, StringComparison.Ordinal);
        Assert.Contains("应当取得您的单独同意", chinese, StringComparison.Ordinal);
        var english = Section(notice.English, NoticeElement.Recipients);
        Assert.Contains("Sunny Group headquarters (contact: dpo@sunny-group.example): purpose: Group-wide access control; method: face verification (1:1 comparison); categories provided: face templates, linked identity data.", english, StringComparison.Ordinal);
        Assert.Contains("separate consent", english, StringComparison.Ordinal);
        Assert.Contains("\n十三、向其他个人信息处理者提供\n", notice.Chinese.Text, StringComparison.Ordinal);
        Assert.Contains("\n13. Other processors we provide your face information to\n", notice.English.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("未声明", notice.Chinese.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("not declared", notice.English.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Element_15_comes_after_the_minors_and_before_complaints_and_lists_recipients_in_declaration_order()
    {
        var auditor = s_headquarters with { Id = "auditor", NameZh = "审计所", NameEn = "The auditor" };
        var notice = NoticeRenderer.Render(s_processor, WithRecipients(s_headquarters, auditor));

        var elements = notice.Chinese.Sections.Select(s => s.Element).ToList();
        Assert.Equal(elements.IndexOf(NoticeElement.Minors) + 1, elements.IndexOf(NoticeElement.Recipients));
        Assert.Equal(elements.IndexOf(NoticeElement.Recipients) + 1, elements.IndexOf(NoticeElement.Complaints));
        var chinese = Section(notice.Chinese, NoticeElement.Recipients);
        Assert.True(chinese.IndexOf("阳光集团总部", StringComparison.Ordinal) < chinese.IndexOf("审计所", StringComparison.Ordinal));
    }

    [Fact]
    public void A_purpose_without_recipients_has_no_element_15_and_its_notice_is_unchanged()
    {
        var notice = NoticeRenderer.Render(s_processor, s_gate);

        Assert.DoesNotContain(NoticeElement.Recipients, notice.Chinese.Sections.Select(s => s.Element));
        Assert.DoesNotContain(NoticeElement.Recipients, notice.English.Sections.Select(s => s.Element));
        Assert.Equal(notice.Version, NoticeRenderer.Render(s_processor, s_gate with { Recipients = EquatableArray<RecipientDeclaration>.Empty }).Version);
    }

    [Fact]
    public void An_undeclared_recipient_field_shows_as_a_visible_gap()
    {
        var notice = NoticeRenderer.Render(s_processor, WithRecipients(s_headquarters with { Contact = "", Method = ProcessingMethodTable.Unspecified, DataCategories = 0 }));

        Assert.Contains("联系方式：【未声明】", Section(notice.Chinese, NoticeElement.Recipients), StringComparison.Ordinal);
        Assert.Contains("处理方式：【未声明】；提供的个人信息种类：【未声明】", Section(notice.Chinese, NoticeElement.Recipients), StringComparison.Ordinal);
        Assert.Contains("(contact: [not declared])", Section(notice.English, NoticeElement.Recipients), StringComparison.Ordinal);
    }

    [Fact]
    public void The_version_changes_with_a_recipient_and_with_each_of_its_fields()
    {
        var version = NoticeRenderer.Render(s_processor, WithRecipients(s_headquarters)).Version;
        Assert.Equal(version, NoticeRenderer.Render(s_processor, WithRecipients(s_headquarters with { })).Version);
        Assert.NotEqual(NoticeRenderer.Render(s_processor, s_gate).Version, version);

        var edits = new[]
        {
            s_headquarters with { NameZh = "另一个" }, s_headquarters with { NameEn = "Another" },
            s_headquarters with { Contact = "other@example.com" }, s_headquarters with { PurposeZh = "另一目的" },
            s_headquarters with { PurposeEn = "Another purpose" }, s_headquarters with { Method = ProcessingMethodTable.Identification },
            s_headquarters with { DataCategories = DeclarationValues.CategoryFaceImage },
        };
        Assert.All(edits, edit => Assert.NotEqual(version, NoticeRenderer.Render(s_processor, WithRecipients(edit)).Version));
        Assert.NotEqual(version, NoticeRenderer.Render(s_processor, WithRecipients(s_headquarters, s_headquarters with { Id = "second" })).Version);
    }

    private const string Declarations = """
        using FaceCompliance;

        [assembly: FacialDataProcessor("示例物业", "privacy@example.com")]

        namespace Demo;

        [FacialDataPurpose(FacialProcessingMethod.Verification,
            DescriptionZh = "核验住户身份。", DescriptionEn = "Verify residents.", NecessityZh = "防止冒用。", NecessityEn = "Stop misuse.",
            ImpactZh = "仅 1:1 比对。", ImpactEn = "1:1 only.", RetentionDays = 30,
            AlternativeZh = "刷卡。", AlternativeEn = "Tap a card.")]
        [FacialDataRecipient("group-hq",
            NameZh = "阳光集团总部", NameEn = "Sunny Group headquarters", Contact = "dpo@sunny-group.example",
            PurposeZh = "集团统一门禁", PurposeEn = "Group-wide access control",
            Method = FacialProcessingMethod.Verification, DataCategories = FacialDataCategories.FaceTemplate)]
        public sealed partial class GroupEntry { }

        [FacialDataPurpose(FacialProcessingMethod.Detection,
            DescriptionZh = "统计人数。", DescriptionEn = "Count people.", NecessityZh = "安排人手。", NecessityEn = "Staffing.",
            ImpactZh = "只计数。", ImpactEn = "Counting only.", RetentionDays = 1)]
        public sealed partial class LobbyCount { }
        """;

    [Fact]
    public void The_generated_notice_reads_the_recipient_attributes()
    {
        var (_, output) = GeneratorHarness.Run(GeneratorHarness.Compile(Declarations));
        var purposes = GeneratedAssembly.Purposes(GeneratedAssembly.Load(output));

        var group = purposes.Single(p => p.Id == "Demo.GroupEntry");
        Assert.Contains("阳光集团总部（联系方式：dpo@sunny-group.example）：处理目的：集团统一门禁；处理方式：人脸验证（1:1 比对）；提供的个人信息种类：人脸特征。", group.Notice.Chinese.Text, StringComparison.Ordinal);
        Assert.Contains("Sunny Group headquarters (contact: dpo@sunny-group.example)", group.Notice.English.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("向其他个人信息处理者提供", purposes.Single(p => p.Id == "Demo.LobbyCount").Notice.Chinese.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Filing_json_lists_each_purposes_recipients_and_an_empty_list_for_none()
    {
        var (_, output) = GeneratorHarness.Run(GeneratorHarness.Compile(Declarations), reportPath: "report");
        var filing = GeneratedAssembly.ReportConstants(GeneratedAssembly.Load(output))["FilingJson"];

        using var json = System.Text.Json.JsonDocument.Parse(filing);
        var purposes = json.RootElement.GetProperty("处理目的和处理方式").EnumerateArray().ToDictionary(p => p.GetProperty("id").GetString()!);
        var recipient = purposes["Demo.GroupEntry"].GetProperty("向其他个人信息处理者提供").EnumerateArray().Single();
        Assert.Equal("group-hq", recipient.GetProperty("标识").GetString());
        Assert.Equal("阳光集团总部", recipient.GetProperty("接收方名称").GetString());
        Assert.Equal("Sunny Group headquarters", recipient.GetProperty("name").GetString());
        Assert.Equal("dpo@sunny-group.example", recipient.GetProperty("contact").GetString());
        Assert.Equal("集团统一门禁", recipient.GetProperty("处理目的").GetString());
        Assert.Equal("Group-wide access control", recipient.GetProperty("purpose").GetString());
        Assert.Equal("验证个人身份（1:1比对）", recipient.GetProperty("处理方式").GetString());
        Assert.Equal("Verification", recipient.GetProperty("method").GetString());
        Assert.Equal(new[] { "人脸特征" }, recipient.GetProperty("个人信息种类").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(new[] { "FaceTemplate" }, recipient.GetProperty("dataCategories").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(1, purposes["Demo.GroupEntry"].GetProperty("recipientCount").GetInt32());
        Assert.Equal(0, purposes["Demo.LobbyCount"].GetProperty("向其他个人信息处理者提供").GetArrayLength());
    }

    [Fact]
    public void Pipia_lists_the_recipients_and_asks_for_the_provision_assessment_only_where_declared()
    {
        var (_, output) = GeneratorHarness.Run(GeneratorHarness.Compile(Declarations), reportPath: "report");
        var pipia = GeneratedAssembly.ReportConstants(GeneratedAssembly.Load(output))["ImpactAssessmentMarkdown"];

        Assert.Contains("  - 阳光集团总部（dpo@sunny-group.example）：集团统一门禁；验证个人身份（1:1比对）；人脸特征\n", pipia, StringComparison.Ordinal);
        Assert.Single(pipia.Split('\n'), line => line.StartsWith("- `Demo.GroupEntry` 向下列接收方提供人脸信息", StringComparison.Ordinal));
        Assert.DoesNotContain("- `Demo.LobbyCount` 向下列接收方提供", pipia, StringComparison.Ordinal);
        Assert.Single(pipia.Split('\n'), line => line.StartsWith("- 提供的合法性、必要性及接收方的安全保护能力", StringComparison.Ordinal));
    }
}
