using System;
using System.Collections.Immutable;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using FaceCompliance.Filing;
using FaceCompliance.Generators.Model;
using FaceCompliance.Generators.Reports;
using FaceCompliance.Generators.Tests.Harness;
using FaceCompliance.Methods;
using FaceCompliance.Notice;
using FaceCompliance.Profiles;
using FaceCompliance.Reports;
using Xunit;

namespace FaceCompliance.Generators.Tests;

/// <summary>
/// filing.json with the form's Chinese labels, the filing templates, pipia.md in Chinese and retention.md (Measures
/// Arts. 9 and 15; PIPL Arts. 47, 55-56), and the runtime's FilingExport, which writes the same form with the one
/// shared writer.
/// </summary>
public sealed class FilingDocumentTests
{
    private const string PurposeId = "CommunityAccess.CommunityEntry";

    private static readonly Lazy<(System.Reflection.Assembly Assembly, System.Collections.Generic.IReadOnlyDictionary<string, string> Report)> s_sample = new(() =>
    {
        var (_, output) = GeneratorHarness.Run(GeneratorHarness.CompileSample("CommunityAccess"), reportPath: "report");
        var assembly = GeneratedAssembly.Load(output);
        return (assembly, GeneratedAssembly.ReportConstants(assembly));
    });

    private static string BuildFiling => s_sample.Value.Report["FilingJson"];

    [Fact]
    public void Filing_json_names_the_authority_the_deadline_and_the_forms_fields_in_chinese()
    {
        using var json = JsonDocument.Parse(BuildFiling);
        var root = json.RootElement;

        Assert.Equal("人脸识别技术应用情况备案表", root.GetProperty("备案表").GetString());
        Assert.Equal("首次备案", root.GetProperty("备案类型").GetString());
        Assert.Equal("Initial", root.GetProperty("filingType").GetString());
        Assert.Equal("个人信息处理者所在地省级以上网信部门", root.GetProperty("受理机关").GetString());
        Assert.Equal("存储人脸信息数量达到10万人的，自达到之日起30个工作日内办理备案手续", root.GetProperty("备案时限").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("填报日期").ValueKind);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("存储人脸信息的人数").ValueKind);
        Assert.Contains(root.GetProperty("待补充事项").EnumerateArray(), item => item.GetString()!.StartsWith("填报日期", StringComparison.Ordinal));
        Assert.Equal("阳光花园物业服务有限公司", root.GetProperty("个人信息处理者基本情况").GetProperty("名称").GetString());
        Assert.Equal("Sunny Gardens Property Services Co., Ltd.", root.GetProperty("个人信息处理者基本情况").GetProperty("name").GetString());

        var purpose = root.GetProperty("处理目的和处理方式").EnumerateArray().Single();
        Assert.Equal(PurposeId, purpose.GetProperty("标识").GetString());
        Assert.Equal("验证个人身份（1:1比对）", purpose.GetProperty("处理方式").GetString());
        Assert.Equal("Verification", purpose.GetProperty("method").GetString());
        Assert.Equal("存储于人脸识别设备内，不通过互联网对外传输", purpose.GetProperty("存储方式").GetString());
        Assert.Equal("否", purpose.GetProperty("是否通过互联网对外传输").GetString());
        Assert.Equal(365, purpose.GetProperty("保存期限（日）").GetInt32());
        Assert.Equal("否，提取人脸特征后即时删除", purpose.GetProperty("是否保存人脸图像").GetString());
        Assert.Equal(new[] { "人脸图像", "人脸特征", "关联身份信息" }, purpose.GetProperty("处理的个人信息种类").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(new[] { "数据加密", "安全审计", "访问控制", "授权管理" }, root.GetProperty("安全保护措施").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("operating-procedures.md", root.GetProperty("处理规则和操作规程").GetProperty("操作规程").GetString());
        Assert.Contains(root.GetProperty("其他材料").EnumerateArray(), m => m.GetString()!.StartsWith("授权委托书", StringComparison.Ordinal));
        Assert.Contains(root.GetProperty("其他材料").EnumerateArray(), m => m.GetString()!.StartsWith("承诺书", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_chinese_field_of_the_form_is_followed_by_its_english_name()
    {
        using var json = JsonDocument.Parse(BuildFiling);

        AssertPaired(json.RootElement);
    }

    [Fact]
    public void Runtime_export_of_the_compiled_sample_is_the_build_filing_with_the_real_count_date_and_deadline()
    {
        var export = FilingExport.FromAssembly(s_sample.Value.Assembly);

        var runtime = export.Filing(123_456, new DateOnly(2026, 3, 2), thresholdReachedOn: new DateOnly(2026, 2, 27), calendar: WorkingDayCalendar.WeekendsOnly);

        Assert.Equal(new[] { PurposeId }, export.PurposeIds);
        Assert.Equal(new[] { new FilingDifference("存储人脸信息的人数", null, "123456") }, FilingExport.Differences(BuildFiling, runtime));
        using var json = JsonDocument.Parse(runtime);
        Assert.Equal(123_456, json.RootElement.GetProperty("numberOfPeopleStored").GetInt32());
        Assert.Equal("2026-03-02", json.RootElement.GetProperty("填报日期").GetString());
        Assert.Equal("2026-02-27", json.RootElement.GetProperty("达到备案数量之日").GetString());
        // 30 weekdays after Friday 27 February 2026: six full weeks, Friday 10 April.
        Assert.Equal("2026-04-10", json.RootElement.GetProperty("备案截止日期").GetString());
        Assert.DoesNotContain(json.RootElement.GetProperty("待补充事项").EnumerateArray(), item => item.GetString()!.StartsWith("存储人脸信息的人数", StringComparison.Ordinal));
    }

    [Fact]
    public void Change_filing_names_exactly_what_differs_from_the_last_filing()
    {
        var last = BuildFiling.Replace("\"保存期限（日）\": 365", "\"保存期限（日）\": 180", StringComparison.Ordinal);

        var change = FilingExport.FromAssembly(s_sample.Value.Assembly).ChangeFiling(last, 5, new DateOnly(2026, 5, 6));

        using var json = JsonDocument.Parse(change);
        Assert.Equal("变更备案", json.RootElement.GetProperty("备案类型").GetString());
        var items = json.RootElement.GetProperty("变更事项").EnumerateArray()
            .Select(c => (c.GetProperty("项目").GetString(), c.GetProperty("变更前").GetString(), c.GetProperty("变更后").GetString())).ToList();
        Assert.Equal(
            new (string?, string?, string?)[] { ("处理目的和处理方式[" + PurposeId + "].保存期限（日）", "180", "365"), ("存储人脸信息的人数", null, "5") },
            items);
    }

    [Fact]
    public void A_changed_declaration_changes_the_field_and_the_notice_version_and_nothing_else()
    {
        var before = Spec(s_purpose);
        var after = Spec(s_purpose with { RetentionDays = 180 });

        var differences = FilingExport.Differences(FilingDocument.Write(before), FilingDocument.Write(after));

        Assert.Equal(
            new[] { "处理目的和处理方式[Demo.Gate].人脸信息处理规则版本", "处理目的和处理方式[Demo.Gate].保存期限（日）" }.Order(StringComparer.Ordinal),
            differences.Select(d => d.Item));
        Assert.Contains(new FilingDifference("处理目的和处理方式[Demo.Gate].保存期限（日）", "30", "180"), differences);
    }

    [Fact]
    public void Cancellation_filing_states_the_count_before_deletion_the_disposal_and_the_deadline()
    {
        var cancellation = FilingExport.FromAssembly(s_sample.Value.Assembly)
            .Cancellation(150_000, stoppedOn: new DateOnly(2026, 6, 1), date: new DateOnly(2026, 6, 2), calendar: WorkingDayCalendar.WeekendsOnly);

        using var json = JsonDocument.Parse(cancellation);
        var root = json.RootElement;
        Assert.Equal("注销备案", root.GetProperty("备案类型").GetString());
        Assert.Equal("停止使用人脸识别技术的，自停止使用之日起30个工作日内办理注销备案手续，并依法处理所存储的人脸信息", root.GetProperty("备案时限").GetString());
        Assert.Equal("2026-06-01", root.GetProperty("停止使用日期").GetString());
        // 30 weekdays after Monday 1 June 2026: Monday 13 July.
        Assert.Equal("2026-07-13", root.GetProperty("备案截止日期").GetString());
        Assert.Equal(150_000, root.GetProperty("停止使用前存储人脸信息的人数").GetInt32());
        Assert.Equal(0, root.GetProperty("删除后仍存储人脸信息的人数").GetInt32());
        Assert.StartsWith("已依照《中华人民共和国个人信息保护法》第四十七条删除所存储的全部人脸信息", root.GetProperty("人脸信息处置情况").GetString(), StringComparison.Ordinal);
        Assert.False(root.TryGetProperty("存储人脸信息的人数", out _));
        Assert.Equal(PurposeId, root.GetProperty("处理目的和处理方式").EnumerateArray().Single().GetProperty("标识").GetString());
    }

    [Fact]
    public void Cancellation_with_data_left_says_it_is_only_stored_and_protected()
    {
        var cancellation = FilingExport.FromAssembly(s_sample.Value.Assembly).Cancellation(10, new DateOnly(2026, 6, 1), new DateOnly(2026, 6, 1), peopleStoredAfterDeletion: 2);

        using var json = JsonDocument.Parse(cancellation);
        Assert.Contains("已停止除存储和采取必要的安全保护措施之外的处理", json.RootElement.GetProperty("人脸信息处置情况").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("备案截止日期").ValueKind);
    }

    [Fact]
    public void Label_tables_name_the_runtime_enums_members_by_value()
    {
        Assert.Equal(Enum.GetValues<FacialProcessingMethod>().Select(v => ((int)v, v.ToString())), FilingLabels.Methods.Select(e => (e.Value, e.En)));
        Assert.Equal(Enum.GetValues<FacialDataStorage>().Select(v => ((int)v, v.ToString())), FilingLabels.Storages.Select(e => (e.Value, e.En)));
        Assert.Equal(Enum.GetValues<FacialDataCategories>().Where(v => v != 0).Select(v => ((int)v, v.ToString())), FilingLabels.Categories.Select(e => (e.Value, e.En)));
        Assert.Equal(Enum.GetValues<FacialDataSecurityMeasures>().Where(v => v != 0).Select(v => ((int)v, v.ToString())), FilingLabels.SecurityMeasures.Select(e => (e.Value, e.En)));
        Assert.Equal(Enum.GetValues<FacialDeploymentSite>().Select(v => ((int)v, v.ToString())), FilingLabels.Sites.Select(e => (e.Value, e.En)));
        Assert.Equal(Enum.GetValues<FacialPurposeKind>().Select(v => ((int)v, v.ToString())), FilingLabels.Kinds.Select(e => (e.Value, e.En)));
        Assert.Equal(Enum.GetValues<FacialLegalBasis>().Select(v => ((int)v, v.ToString())), FilingLabels.Bases.Select(e => (e.Value, e.En)));
        Assert.Equal(Enum.GetValues<FacialAttributes>().Where(v => v != 0).Select(v => ((int)v, v.ToString())), FilingLabels.Attributes.Select(e => (e.Value, e.En)));
    }

    [Fact]
    public void The_templates_the_form_points_to_are_report_files()
    {
        var files = ReportFiles.All.Select(f => f.FileName).ToList();

        Assert.Contains(FilingWriter.OperatingProceduresFile, files);
        Assert.Contains(FilingWriter.AuthorisationLetterFile, files);
        Assert.Contains(FilingWriter.CommitmentLetterFile, files);
    }

    [Fact]
    public void Templates_name_the_processor_the_authority_and_the_deadlines()
    {
        var report = s_sample.Value.Report;

        Assert.Contains("- `" + PurposeId + "`：", report["OperatingProceduresMarkdown"], StringComparison.Ordinal);
        Assert.Contains("存储人脸信息数量达到10万人的，自达到之日起30个工作日内向个人信息处理者所在地省级以上网信部门办理备案手续", report["OperatingProceduresMarkdown"], StringComparison.Ordinal);
        Assert.StartsWith("# 授权委托书（模板）\n\n个人信息处理者所在地省级以上网信部门：", report["AuthorisationLetterMarkdown"], StringComparison.Ordinal);
        Assert.Contains("委托单位（盖章）：阳光花园物业服务有限公司", report["AuthorisationLetterMarkdown"], StringComparison.Ordinal);
        Assert.Contains("本单位阳光花园物业服务有限公司就人脸识别技术应用备案郑重承诺", report["CommitmentLetterMarkdown"], StringComparison.Ordinal);
        Assert.Contains("自停止使用之日起30个工作日内办理注销备案手续", report["CommitmentLetterMarkdown"], StringComparison.Ordinal);
    }

    [Fact]
    public void Pipia_is_in_chinese_dated_before_processing_with_every_section()
    {
        var pipia = s_sample.Value.Report["ImpactAssessmentMarkdown"];

        var headings = pipia.Split('\n').Where(l => l.StartsWith("## ", StringComparison.Ordinal)).ToList();
        Assert.Equal(
            new[]
            {
                "## 一、处理目的、处理方式是否合法、正当、必要", "## 二、对个人权益的影响及降低不利影响的措施是否有效",
                "## 三、人脸信息泄露、篡改、丢失、毁损或者被非法获取、出售、使用的风险和可能造成的危害", "## 四、所采取的保护措施是否合法、有效并与风险程度相适应",
                "## 五、委托处理", "## 六、向其他个人信息处理者提供", "## 七、向境外提供", "## 八、在公共场所使用的理由",
                "## 九、网络安全等级保护和关键信息基础设施", "## 十、重新评估的情形",
            },
            headings);
        Assert.Contains("本评估在处理人脸信息之前进行（事前评估），评估完成之前不得开始处理。", pipia, StringComparison.Ordinal);
        Assert.Contains("- 评估完成日期：【待填写】（应当早于开始处理人脸信息之日）\n", pipia, StringComparison.Ordinal);
        Assert.Contains("2. 发生重大网络安全事件或者人脸信息安全事件的。", pipia, StringComparison.Ordinal);
        // Chinese only: nothing Latin is left once ids and versions (in backticks), the tool's name, the file name and the declared e-mail address are removed.
        var text = Regex.Replace(pipia, "`[^`]*`", "")
            .Replace("FaceCompliance", "", StringComparison.Ordinal).Replace("notice.zh-CN.md", "", StringComparison.Ordinal);
        text = string.Join("\n", text.Split('\n').Where(l => !l.StartsWith("- 联系方式：", StringComparison.Ordinal)));
        Assert.DoesNotMatch("[A-Za-z]{2,}", text);
    }

    [Fact]
    public void Retention_lists_every_trigger_of_pipl_47_the_images_and_the_record_retention()
    {
        var retention = s_sample.Value.Report["RetentionMarkdown"];

        Assert.Contains("| （一）处理目的已实现、无法实现或者为实现处理目的不再必要 ", retention, StringComparison.Ordinal);
        Assert.Contains("| （二）停止提供产品或者服务，或者保存期限已届满 ", retention, StringComparison.Ordinal);
        Assert.Contains("| （三）个人撤回同意 ", retention, StringComparison.Ordinal);
        Assert.Contains("| （四）违反法律、行政法规或者违反约定处理个人信息 ", retention, StringComparison.Ordinal);
        Assert.Contains("| （五）法律、行政法规规定的其他情形 ", retention, StringComparison.Ordinal);
        Assert.Contains("停止除存储和采取必要的安全保护措施之外的处理（第四十七条第二款）", retention, StringComparison.Ordinal);
        Assert.Contains("人脸图像在提取人脸特征后即时删除，不予保存", retention, StringComparison.Ordinal);
        Assert.Contains("审计记录（处理情况记录）和个人信息保护影响评估报告至少保存三年", retention, StringComparison.Ordinal);
    }

    [Fact]
    public void A_transfer_abroad_is_in_the_notice_the_filing_form_and_the_assessment()
    {
        var abroad = s_purpose with
        {
            Storage = DeclarationValues.StorageServer, TransferRecipientZh = "集团服务器", TransferRecipientEn = "The group's server",
            TransferAbroad = LawValues.CrossBorderStandardContract,
            TransferAbroadRecipientZh = "新加坡某公司（dpo@example.sg）", TransferAbroadRecipientEn = "A Singapore company (dpo@example.sg)",
            TransferAbroadCountryZh = "新加坡", TransferAbroadCountryEn = "Singapore",
        };
        var notice = NoticeRenderer.Render(s_processor, abroad);

        Assert.Contains("经您单独同意，我们将向位于新加坡的境外接收方新加坡某公司（dpo@example.sg）提供您的人脸信息，用于本规则所述的处理目的和处理方式，所依据的条件为按照国家网信部门制定的标准合同与境外接收方订立合同；您可以通过本规则所列的方式向我们或者该境外接收方行使本规则所述的权利。", notice.Chinese.Text, StringComparison.Ordinal);
        Assert.Contains("With your separate consent, we provide your face information to A Singapore company (dpo@example.sg) in Singapore, outside China, for the purpose and in the way this notice describes, under a contract with the recipient on the standard contract of the Cyberspace Administration of China;", notice.English.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("境外接收方", NoticeRenderer.Render(s_processor, s_purpose).Chinese.Text, StringComparison.Ordinal);

        using var json = JsonDocument.Parse(FilingDocument.Write(Spec(abroad)));
        var purpose = json.RootElement.GetProperty("处理目的和处理方式").EnumerateArray().Single();
        Assert.Equal("是", purpose.GetProperty("是否向境外提供").GetString());
        Assert.Equal("StandardContract", purpose.GetProperty("transferAbroadMechanism").GetString());
        Assert.Equal("按照国家网信部门制定的标准合同与境外接收方订立合同", purpose.GetProperty("向境外提供所依据的条件").GetString());
        Assert.Equal("新加坡某公司（dpo@example.sg）", purpose.GetProperty("境外接收方").GetString());
        Assert.Equal("Singapore", purpose.GetProperty("transferAbroadCountry").GetString());

        var pipia = ImpactAssessmentDocument.Write(Spec(abroad));
        Assert.Contains("## 七、向境外提供\n\n- `Demo.Gate`：经个人单独同意，向位于新加坡的境外接收方新加坡某公司（dpo@example.sg）提供人脸信息；所依据的条件：按照国家网信部门制定的标准合同与境外接收方订立合同\n", pipia, StringComparison.Ordinal);
        Assert.Contains("## 五、委托处理\n\n- `Demo.Gate`：人脸信息传输至集团服务器存储；该接收方是否为受托人：【待填写】\n", pipia, StringComparison.Ordinal);
        Assert.Contains("；经个人单独同意，向位于新加坡的境外接收方新加坡某公司（dpo@example.sg）提供人脸信息，所依据的条件为按照国家网信部门制定的标准合同与境外接收方订立合同。\n", FilingTemplates.OperatingProcedures(Spec(abroad)), StringComparison.Ordinal);
    }

    [Fact]
    public void A_purpose_without_a_transfer_abroad_says_no_in_the_form()
    {
        using var json = JsonDocument.Parse(FilingDocument.Write(Spec(s_purpose)));
        var purpose = json.RootElement.GetProperty("处理目的和处理方式").EnumerateArray().Single();

        Assert.Equal("否", purpose.GetProperty("是否向境外提供").GetString());
        Assert.False(purpose.GetProperty("transferAbroad").GetBoolean());
        Assert.Equal(JsonValueKind.Null, purpose.GetProperty("境外接收方").ValueKind);
    }

    private static readonly ProcessorDeclaration s_processor = new("示例物业服务有限公司", "Example Property Services", "privacy@example.com", "", "", 1, "");

    private static readonly PurposeDeclaration s_purpose = new(
        Id: "Demo.Gate",
        Type: new TypeShape("Demo", EquatableArray<string>.Empty, CanBeExtended: true),
        Method: ProcessingMethodTable.Verification,
        DescriptionZh: "核验住户身份", DescriptionEn: "To verify residents",
        NecessityZh: "防止冒用门禁卡。", NecessityEn: "To stop card misuse.",
        ImpactZh: "仅 1:1 比对。", ImpactEn: "1:1 only.",
        RetentionDays: 30,
        Storage: DeclarationValues.StorageOnDevice,
        MayInvolveMinors: false,
        DataCategories: DeclarationValues.CategoryFaceTemplate,
        AlternativeZh: "刷卡。", AlternativeEn: "Tap a card.",
        WithdrawalZh: "", WithdrawalEn: "",
        Site: LawValues.SiteNonPublic, CollectionAreaZh: "", CollectionAreaEn: "");

    private static AssemblySpec Spec(PurposeDeclaration purpose)
        => new(s_processor, new EquatableArray<PurposeSpec>(ImmutableArray.Create(new PurposeSpec(purpose, NoticeRenderer.Render(s_processor, purpose)))), ReportEnabled: true);

    // In every object, a property with a Chinese name and a value (not an object) is followed by one with an ASCII name.
    private static void AssertPaired(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                AssertPaired(item);
            }

            return;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        var properties = element.EnumerateObject().ToList();
        for (var i = 0; i < properties.Count; i++)
        {
            var property = properties[i];
            var isContainer = property.Value.ValueKind == JsonValueKind.Object
                || (property.Value.ValueKind == JsonValueKind.Array && property.Value.EnumerateArray().Any(e => e.ValueKind == JsonValueKind.Object));
            if (property.Name.Any(c => c > 0x7f) && !isContainer && property.Name != "变更事项")
            {
                Assert.True(i + 1 < properties.Count && properties[i + 1].Name.All(c => c <= 0x7f), $"'{property.Name}' is not followed by its English name.");
            }

            AssertPaired(property.Value);
        }
    }
}
