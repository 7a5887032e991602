using System;
using System.Globalization;
using System.Linq;
using System.Reflection;
using System.Threading;
using FaceCompliance.Methods;
using FaceCompliance.Notice;
using FaceCompliance.Profiles;
using Xunit;

namespace FaceCompliance.Generators.Tests;

/// <summary>The notice's elements, their order and conditions, its version, and culture-independent rendering.</summary>
public sealed class NoticeRendererTests
{
    private static readonly ProcessorDeclaration s_processor = new("示例物业服务有限公司", "Example Property Services", "privacy@example.com", "", "", 0, "");

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

    private static readonly PurposeDeclaration s_duty = s_gate with
    {
        LegalBasis = LawValues.BasisLegalDuty, LegalBasisLawZh = "《某某法》第十条", LegalBasisLawEn = "Article 10 of the Example Law",
    };

    [Fact]
    public void An_identity_purpose_that_may_involve_minors_has_every_element_in_the_order_of_the_regulation()
    {
        var recipient = new RecipientDeclaration("group-hq", "集团总部", "Group headquarters", "dpo@example.com", "集团门禁", "Group access",
            ProcessingMethodTable.Verification, DeclarationValues.CategoryFaceTemplate);
        var notice = NoticeRenderer.Render(s_processor, s_gate with { Recipients = new EquatableArray<RecipientDeclaration>(System.Collections.Immutable.ImmutableArray.Create(recipient)) });

        // Every element of REGULATION.md §6, in its order, but the legal basis (only a purpose not based on consent has
        // it) and element 9 (only when declared: see NoticeOrderTests).
        var expected = new[]
        {
            NoticeElement.Processor, NoticeElement.Purpose, NoticeElement.Method, NoticeElement.Retention, NoticeElement.Necessity,
            NoticeElement.Impact, NoticeElement.Rights, NoticeElement.Categories, NoticeElement.Alternative, NoticeElement.Withdrawal,
            NoticeElement.Storage, NoticeElement.Minors, NoticeElement.Recipients, NoticeElement.Complaints,
        };
        Assert.Equal(expected, notice.Chinese.Sections.Select(s => s.Element));
        Assert.Equal(expected, notice.English.Sections.Select(s => s.Element));
        foreach (var section in notice.Chinese.Sections.Concat(notice.English.Sections))
        {
            Assert.False(string.IsNullOrWhiteSpace(section.Heading));
            Assert.NotEmpty(section.Paragraphs);
            Assert.All(section.Paragraphs, p => Assert.False(string.IsNullOrWhiteSpace(p)));
        }

        Assert.DoesNotContain("未声明", notice.Chinese.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("not declared", notice.English.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_detection_purpose_for_adults_only_has_no_minors_or_alternative_element()
    {
        var notice = NoticeRenderer.Render(s_processor, s_gate with { Method = ProcessingMethodTable.Detection, MayInvolveMinors = false, AlternativeZh = "", AlternativeEn = "" });

        var elements = notice.Chinese.Sections.Select(s => s.Element).ToList();
        Assert.DoesNotContain(NoticeElement.Minors, elements);
        Assert.DoesNotContain(NoticeElement.Alternative, elements);
        Assert.Equal(11, elements.Count);
        Assert.StartsWith("十一、投诉、举报", notice.Chinese.Text.Split('\n').Last(l => l.StartsWith("十", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Contains("\n11. Complaints and reports\n", notice.English.Text, StringComparison.Ordinal);
        Assert.Null(notice.ChineseMinorsRules);
        Assert.Null(notice.EnglishMinorsRules);
    }

    [Fact]
    public void Declared_texts_are_completed_as_sentences_in_each_language()
    {
        var notice = NoticeRenderer.Render(s_processor, s_gate);

        Assert.Contains("\n核验住户身份。\n", notice.Chinese.Text, StringComparison.Ordinal);
        Assert.Contains("\nTo verify residents.\n", notice.English.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Server_storage_says_the_data_leaves_the_device_and_needs_separate_consent()
    {
        var notice = NoticeRenderer.Render(s_processor, s_gate with
        {
            Storage = DeclarationValues.StorageServer, TransferRecipientZh = "微软 Azure 人脸服务（中国东部 2 区）", TransferRecipientEn = "Microsoft Azure Face (China East 2)",
        });

        Assert.Contains("单独同意", Section(notice.Chinese, NoticeElement.Storage), StringComparison.Ordinal);
        Assert.Contains("separate consent", Section(notice.English, NoticeElement.Storage), StringComparison.Ordinal);
        Assert.Contains("传输至微软 Azure 人脸服务（中国东部 2 区）", Section(notice.Chinese, NoticeElement.Storage), StringComparison.Ordinal);
        Assert.Contains("to Microsoft Azure Face (China East 2)", Section(notice.English, NoticeElement.Storage), StringComparison.Ordinal);
        // What FC0018 enforces: a separate consent to the transfer, checked before every transfer; no promise of a
        // consent step beyond that check (legal review §2.3, item 4).
        // Legal review §2.4 row 8: the object of the consent is stated, 通过互联网 throughout.
        Assert.StartsWith("经您单独同意，我们将通过互联网将您的人脸信息传输至", Section(notice.Chinese, NoticeElement.Storage), StringComparison.Ordinal);
        Assert.Contains("未经您单独同意，我们不会通过互联网对外传输您的人脸信息；每次传输前，我们均核验您的单独同意。", Section(notice.Chinese, NoticeElement.Storage), StringComparison.Ordinal);
        Assert.DoesNotContain("通过网络", notice.Chinese.Text, StringComparison.Ordinal);
        Assert.Contains("we check that consent before every transfer", Section(notice.English, NoticeElement.Storage), StringComparison.Ordinal);
        Assert.DoesNotContain("另行征求", Section(notice.Chinese, NoticeElement.Storage), StringComparison.Ordinal);
        Assert.DoesNotContain("设备内", Section(notice.Chinese, NoticeElement.Storage), StringComparison.Ordinal);
        Assert.DoesNotContain("only inside the face recognition device", Section(notice.English, NoticeElement.Storage), StringComparison.Ordinal);
        Assert.Contains("服务器", Section(notice.Chinese, NoticeElement.Method), StringComparison.Ordinal);
    }

    [Fact]
    public void A_purpose_that_may_involve_minors_states_its_rules_and_the_guardian_consent_that_FC0017_enforces()
    {
        var notice = NoticeRenderer.Render(s_processor, s_gate);

        // The notice: the guardian's own consent (PIPL 31; legal review §2.4 row 9) and a reference to the separate rules (row 10).
        Assert.Contains("我们应当事先取得其父母或者其他监护人的同意；监护人应当在阅读本规则及《不满十四周岁未成年人人脸信息处理规则》后作出同意。", Section(notice.Chinese, NoticeElement.Minors), StringComparison.Ordinal);
        Assert.DoesNotContain("代为作出同意", notice.Chinese.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("代为同意", notice.Chinese.Text, StringComparison.Ordinal);
        Assert.Contains("who gives that consent in their own right after reading these rules and our Rules for processing the face information of children under 14", Section(notice.English, NoticeElement.Minors), StringComparison.Ordinal);
        Assert.Contains("Where we do not know whether a person is under 14, we do not process their face information.", Section(notice.English, NoticeElement.Minors), StringComparison.Ordinal);
        Assert.DoesNotContain("学生人脸", notice.Chinese.Text, StringComparison.Ordinal);

        // The separate rules: their own title, the declared special rules, the guardian's consent and rights.
        var chinese = Assert.IsType<RenderedNoticeText>(notice.ChineseMinorsRules);
        var english = Assert.IsType<RenderedNoticeText>(notice.EnglishMinorsRules);
        Assert.StartsWith("不满十四周岁未成年人人脸信息处理规则\n", chinese.Text, StringComparison.Ordinal);
        Assert.StartsWith("Rules for processing the face information of children under 14\n", english.Text, StringComparison.Ordinal);
        Assert.Equal("学生人脸仅在监护人同意后登记。", Section(chinese, NoticeElement.MinorsRules));
        Assert.Equal("A child's face is enrolled only after a guardian consents.", Section(english, NoticeElement.MinorsRules));
        Assert.Contains("无法确认是否已满十四周岁的，我们不处理其人脸信息。", Section(chinese, NoticeElement.Minors), StringComparison.Ordinal);
        Assert.Contains("监护人可以随时撤回其作出的同意", Section(chinese, NoticeElement.Rights), StringComparison.Ordinal);
        Assert.Contains("privacy@example.com", Section(chinese, NoticeElement.Rights), StringComparison.Ordinal);
        Assert.Equal("", chinese.Sign);
        Assert.EndsWith($"规则版本：`{notice.Version}`\n", chinese.Markdown, StringComparison.Ordinal);

        // The version covers the separate rules.
        Assert.NotEqual(notice.Version, NoticeRenderer.Render(s_processor, s_gate with { MinorsRulesZh = "另一条规则。" }).Version);
    }

    [Fact]
    public void A_purpose_on_another_legal_basis_states_it_and_its_law_and_promises_no_consent()
    {
        var notice = NoticeRenderer.Render(s_processor, s_duty);

        Assert.Equal(NoticeElement.LegalBasis, notice.Chinese.Sections[2].Element);
        Assert.Equal(NoticeElement.LegalBasis, notice.English.Sections[2].Element);
        Assert.Contains("为履行法定职责或者法定义务所必需", Section(notice.Chinese, NoticeElement.LegalBasis), StringComparison.Ordinal);
        Assert.Contains("《某某法》第十条。", Section(notice.Chinese, NoticeElement.LegalBasis), StringComparison.Ordinal);
        Assert.Contains("because it is necessary to perform a statutory duty or obligation", Section(notice.English, NoticeElement.LegalBasis), StringComparison.Ordinal);
        Assert.Contains("We rely on: Article 10 of the Example Law.", Section(notice.English, NoticeElement.LegalBasis), StringComparison.Ordinal);

        // Nothing the code does not do: nobody is asked to agree, no consent to withdraw, no guardian's consent (a basis check needs none).
        Assert.DoesNotContain("同意由您自主决定", notice.Chinese.Text, StringComparison.Ordinal);
        Assert.Contains("不以您的同意为依据，其法律依据见下文", notice.Chinese.Markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("before you agree", notice.English.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("withdraw your consent", notice.English.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("withdraw your consent", Section(notice.English, NoticeElement.Rights), StringComparison.Ordinal);
        Assert.DoesNotContain("withdraw your consent", Section(notice.English, NoticeElement.Retention), StringComparison.Ordinal);
        Assert.DoesNotContain("撤回同意的", Section(notice.Chinese, NoticeElement.Retention), StringComparison.Ordinal);
        Assert.DoesNotContain("prior consent of a parent", Section(notice.English, NoticeElement.Minors), StringComparison.Ordinal);
        Assert.DoesNotContain("监护人的同意", Section(notice.Chinese, NoticeElement.Minors), StringComparison.Ordinal);
        Assert.Contains("the legal basis is stated in How we process your face information", Section(notice.EnglishMinorsRules!, NoticeElement.Minors), StringComparison.Ordinal);
        Assert.DoesNotContain("withdraw", notice.EnglishMinorsRules!.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("撤回", notice.ChineseMinorsRules!.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(NoticeElement.Withdrawal, notice.Chinese.Sections.Select(s => s.Element));
    }

    [Fact]
    public void A_purpose_based_on_consent_has_no_legal_basis_element()
    {
        var notice = NoticeRenderer.Render(s_processor, s_gate);

        Assert.DoesNotContain(NoticeElement.LegalBasis, notice.Chinese.Sections.Select(s => s.Element));
        Assert.Contains("withdraw your consent", Section(notice.English, NoticeElement.Withdrawal), StringComparison.Ordinal);
        Assert.StartsWith("您有权随时撤回同意。", Section(notice.Chinese, NoticeElement.Withdrawal), StringComparison.Ordinal);
    }

    [Fact]
    public void Only_a_purpose_that_declares_RetainsImages_says_that_face_images_are_kept_with_a_separate_consent()
    {
        var templatesOnly = NoticeRenderer.Render(s_processor, s_gate);
        var keepsImages = NoticeRenderer.Render(s_processor, s_gate with { RetainsImages = true });

        Assert.Contains("我们会保存您的人脸图像本身", Section(keepsImages.Chinese, NoticeElement.Storage), StringComparison.Ordinal);
        Assert.Contains("保存人脸图像应当取得您的单独同意：每次保存前我们均核验该同意", Section(keepsImages.Chinese, NoticeElement.Storage), StringComparison.Ordinal);
        Assert.StartsWith("人脸图像和人脸特征自采集之日起保存，最长不超过30日。", Section(keepsImages.Chinese, NoticeElement.Retention), StringComparison.Ordinal);
        Assert.DoesNotContain("不予保存", keepsImages.Chinese.Text, StringComparison.Ordinal);
        Assert.Contains("We keep your face images themselves", Section(keepsImages.English, NoticeElement.Storage), StringComparison.Ordinal);
        // What FC0014 enforces: a check of the ImageRetention scope before each write of an image.
        Assert.Contains("By law, keeping face images needs your separate consent: we check it before each image is kept", Section(keepsImages.English, NoticeElement.Storage), StringComparison.Ordinal);
        Assert.DoesNotContain("人脸图像本身", templatesOnly.Chinese.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("face images themselves", templatesOnly.English.Text, StringComparison.Ordinal);

        // Without RetainsImages the runtime keeps no image (FC0014), and the notice says so (legal review §2.3 item 3, §2.4 row 3).
        Assert.StartsWith("人脸图像在提取人脸特征后即时删除，不予保存。人脸特征自采集之日起保存，最长不超过30日。", Section(templatesOnly.Chinese, NoticeElement.Retention), StringComparison.Ordinal);
        Assert.StartsWith("Face images are deleted as soon as the face template has been extracted; we do not keep them. Face templates are kept for at most 30 days from collection.", Section(templatesOnly.English, NoticeElement.Retention), StringComparison.Ordinal);
        Assert.NotEqual(templatesOnly.Version, keepsImages.Version);
    }

    [Fact]
    public void A_public_place_purpose_gets_a_sign_naming_the_area_processor_purpose_and_contact()
    {
        var notice = NoticeRenderer.Render(s_processor, s_gate with { Site = LawValues.SitePublicPlace, Kind = LawValues.KindPublicSafety, CollectionAreaZh = "小区东门入口", CollectionAreaEn = "the east gate entrance" });

        Assert.Equal("", NoticeRenderer.Render(s_processor, s_gate).Chinese.Sign);
        foreach (var expected in new[] { "小区东门入口", "示例物业服务有限公司", "核验住户身份。", "privacy@example.com" })
        {
            Assert.Contains(expected, notice.Chinese.Sign, StringComparison.Ordinal);
        }

        foreach (var expected in new[] { "the east gate entrance", "Example Property Services", "To verify residents.", "privacy@example.com" })
        {
            Assert.Contains(expected, notice.English.Sign, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_public_safety_purpose_in_a_public_place_says_so_in_the_method_and_on_the_sign()
    {
        var notice = NoticeRenderer.Render(s_processor, s_gate with { Site = LawValues.SitePublicPlace, Kind = LawValues.KindPublicSafety, CollectionAreaZh = "地铁站进站口", CollectionAreaEn = "the station entrance" });

        Assert.Contains("人脸识别设备设置于公共场所（地铁站进站口），为维护公共安全所必需。", Section(notice.Chinese, NoticeElement.Method), StringComparison.Ordinal);
        Assert.Contains("The face recognition devices are installed in a public place (the station entrance), where public safety needs them.", Section(notice.English, NoticeElement.Method), StringComparison.Ordinal);
        Assert.Contains("设置目的：维护公共安全。", notice.Chinese.Sign, StringComparison.Ordinal);
        Assert.Contains("Installed to maintain public safety.", notice.English.Sign, StringComparison.Ordinal);
    }

    [Fact]
    public void The_sign_uses_the_statutory_terms_and_says_where_to_read_the_full_rules()
    {
        var purpose = s_gate with { Site = LawValues.SitePublicPlace, Kind = LawValues.KindPublicSafety, CollectionAreaZh = "地铁站进站口", CollectionAreaEn = "the station entrance" };
        var notice = NoticeRenderer.Render(s_processor with { NoticeLocation = "https://example.com/face-rules" }, purpose);

        // Legal review §2.4 row 13: 人脸识别, 个人信息处理者, the public-safety purpose, and a place to read the rules instead of asking for them.
        var chinese = notice.Chinese.Sign.Split('\n');
        Assert.Equal("人脸识别提示", chinese[0]);
        Assert.Contains("个人信息处理者：示例物业服务有限公司", chinese);
        Assert.Contains("设置目的：维护公共安全。", chinese);
        Assert.Equal("查阅完整的《人脸信息处理规则》：https://example.com/face-rules", chinese[^1]);
        Assert.DoesNotContain("索取", notice.Chinese.Sign, StringComparison.Ordinal);
        var english = notice.English.Sign.Split('\n');
        Assert.Equal("Facial recognition in use", english[0]);
        Assert.Equal("Read the full rules (How we process your face information) at: https://example.com/face-rules", english[^1]);

        // Undeclared, the place shows as a gap; and it is part of what people read, so of the version.
        Assert.EndsWith("：【未声明】", NoticeRenderer.Render(s_processor, purpose).Chinese.Sign, StringComparison.Ordinal);
        Assert.NotEqual(NoticeRenderer.Render(s_processor, purpose).Version, notice.Version);
    }

    [Fact]
    public void A_public_place_purpose_of_another_kind_names_the_law_it_cites_and_claims_no_public_safety()
    {
        var notice = NoticeRenderer.Render(s_processor, s_gate with
        {
            Site = LawValues.SitePublicPlace, CollectionAreaZh = "进站口", CollectionAreaEn = "the entrance",
            PublicPlaceLawZh = "《某某条例》第十条", PublicPlaceLawEn = "Article 10 of the Example Regulations",
        });

        Assert.Contains("其设置依据为《某某条例》第十条。", Section(notice.Chinese, NoticeElement.Method), StringComparison.Ordinal);
        Assert.Contains("as Article 10 of the Example Regulations allows.", Section(notice.English, NoticeElement.Method), StringComparison.Ordinal);
        Assert.Contains("设置依据：《某某条例》第十条。", notice.Chinese.Sign, StringComparison.Ordinal);
        Assert.DoesNotContain("公共安全", notice.Chinese.Text + notice.Chinese.Sign, StringComparison.Ordinal);
        Assert.DoesNotContain("public safety", notice.English.Text + notice.English.Sign, StringComparison.Ordinal);
    }

    [Fact]
    public void A_purpose_not_in_a_public_place_states_no_site()
    {
        var notice = NoticeRenderer.Render(s_processor, s_gate);

        Assert.DoesNotContain("公共场所", notice.Chinese.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("public place", notice.English.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_attribute_analysis_purpose_lists_the_attributes_it_declares_in_table_order()
    {
        var notice = NoticeRenderer.Render(s_processor, s_gate with { Method = ProcessingMethodTable.AttributeAnalysis, Attributes = LawValues.AttributeGender | LawValues.AttributeAgeBand | LawValues.AttributeHeadPose });

        Assert.StartsWith("人脸属性分析：对人脸图像进行分析，以估计年龄段、性别、头部姿态，不识别您的身份。", Section(notice.Chinese, NoticeElement.Method), StringComparison.Ordinal);
        Assert.StartsWith("Face attribute analysis: we analyse the face image to estimate age band, gender, head pose. We do not identify you.", Section(notice.English, NoticeElement.Method), StringComparison.Ordinal);
    }

    [Fact]
    public void Attributes_declared_on_a_purpose_that_analyses_none_are_not_stated()
    {
        var notice = NoticeRenderer.Render(s_processor, s_gate with { Attributes = LawValues.AttributeAgeBand });

        Assert.Equal(NoticeRenderer.Render(s_processor, s_gate).Version, notice.Version);
    }

    [Fact]
    public void An_undeclared_processor_shows_as_a_visible_gap_rather_than_an_empty_line()
    {
        var notice = NoticeRenderer.Render(ProcessorDeclaration.Undeclared, s_gate);

        Assert.Contains("名称：【未声明】", notice.Chinese.Text, StringComparison.Ordinal);
        Assert.Contains("Name: [not declared]", notice.English.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_version_is_stable_and_changes_when_any_declared_text_or_number_changes()
    {
        var version = NoticeRenderer.Render(s_processor, s_gate).Version;
        Assert.Equal(version, NoticeRenderer.Render(s_processor, s_gate with { }).Version);
        Assert.Matches("^[0-9a-f]{16}$", version);

        var changed = 0;
        // The GDPR Art. 13 texts are in the purpose's GdprNotice, not in this notice or its version (docs/gdpr.md).
        string[] gdprOnly = [nameof(PurposeDeclaration.ProvisionRequirementEn), nameof(PurposeDeclaration.AutomatedDecisionEn)];
        foreach (var property in typeof(PurposeDeclaration).GetProperties().Where(p => p.PropertyType == typeof(string) && !gdprOnly.Contains(p.Name)
            && (p.Name.EndsWith("Zh", StringComparison.Ordinal) || p.Name.EndsWith("En", StringComparison.Ordinal))))
        {
            var edited = With(s_gate, property, "另一段文字 other text");
            var abroad = property.Name.StartsWith("TransferAbroad", StringComparison.Ordinal) ? LawValues.CrossBorderStandardContract : LawValues.CrossBorderNone;
            var server = property.Name.StartsWith("TransferRecipient", StringComparison.Ordinal) || abroad != LawValues.CrossBorderNone;
            var site = property.Name.StartsWith("CollectionArea", StringComparison.Ordinal) || property.Name.StartsWith("PublicPlaceLaw", StringComparison.Ordinal)
                ? LawValues.SitePublicPlace
                : LawValues.SiteNonPublic;
            var basis = property.Name.StartsWith("LegalBasisLaw", StringComparison.Ordinal) ? LawValues.BasisLegalDuty : LawValues.BasisConsent;
            var baseline = NoticeRenderer.Render(s_processor, s_gate with
            {
                Site = site,
                LegalBasis = basis,
                Storage = server ? DeclarationValues.StorageServer : DeclarationValues.StorageOnDevice,
                TransferAbroad = abroad,
            }).Version;
            var notice = NoticeRenderer.Render(s_processor, edited with
            {
                Site = site,
                Storage = server ? DeclarationValues.StorageServer : DeclarationValues.StorageOnDevice,
                LegalBasis = basis,
                TransferAbroad = abroad,
            });
            Assert.NotEqual(baseline, notice.Version);
            changed++;
        }

        Assert.Equal(26, changed);
        Assert.NotEqual(version, NoticeRenderer.Render(s_processor, s_gate with { LegalBasis = LawValues.BasisLegalDuty }).Version);
        Assert.NotEqual(version, NoticeRenderer.Render(s_processor, s_gate with { RetentionDays = 31 }).Version);
        Assert.NotEqual(version, NoticeRenderer.Render(s_processor with { Contact = "other@example.com" }, s_gate).Version);
    }

    [Theory]
    [InlineData("sv-SE")]
    [InlineData("tr-TR")]
    [InlineData("ar-SA")]
    public void Rendering_does_not_depend_on_the_current_culture(string culture)
    {
        if (culture == "sv-SE")
        {
            Assert.NotEqual("-", CultureInfo.GetCultureInfo(culture).NumberFormat.NegativeSign);
        }

        var purpose = s_gate with { RetentionDays = -1 };
        var invariant = Render(CultureInfo.InvariantCulture, purpose);
        var local = Render(CultureInfo.GetCultureInfo(culture), purpose);

        Assert.Equal(invariant.Version, local.Version);
        Assert.Equal(invariant.English.Markdown, local.English.Markdown);
        Assert.Contains("最长不超过-1日", local.Chinese.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_escapes_formatting_characters_in_declared_text()
    {
        var notice = NoticeRenderer.Render(s_processor, s_gate with { DescriptionEn = "Verify *residents* at [gate_1]" });

        Assert.Contains(@"Verify \*residents\* at \[gate\_1\].", notice.English.Markdown, StringComparison.Ordinal);
        Assert.Contains("Verify *residents* at [gate_1].", notice.English.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_ends_with_the_version_and_plain_text_does_not_contain_it()
    {
        var notice = NoticeRenderer.Render(s_processor, s_gate);

        Assert.EndsWith($"规则版本：`{notice.Version}`\n", notice.Chinese.Markdown, StringComparison.Ordinal);
        Assert.EndsWith($"Rules version: `{notice.Version}`\n", notice.English.Markdown, StringComparison.Ordinal);
        Assert.DoesNotContain(notice.Version, notice.Chinese.Text, StringComparison.Ordinal);
    }

    private static string Section(RenderedNoticeText text, NoticeElement element) =>
        string.Join("\n", text.Sections.Single(s => s.Element == element).Paragraphs);

    private static PurposeDeclaration With(PurposeDeclaration purpose, PropertyInfo property, string value)
    {
        var clone = purpose with { };
        typeof(PurposeDeclaration).GetField($"<{property.Name}>k__BackingField", BindingFlags.Instance | BindingFlags.NonPublic)!.SetValue(clone, value);
        return clone;
    }

    private static RenderedNotice Render(CultureInfo culture, PurposeDeclaration purpose)
    {
        var saved = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = culture;
            return NoticeRenderer.Render(s_processor, purpose);
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = saved;
        }
    }
}
