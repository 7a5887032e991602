using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using FaceCompliance.Methods;
using FaceCompliance.Notice;
using FaceCompliance.Profiles;
using Xunit;

namespace FaceCompliance.Generators.Tests;

/// <summary>
/// REGULATION.md §6: for each kind of declaration, the notice has every element that applies and no other, in §6's
/// order, in both languages, each under a heading with the term the law uses.
/// </summary>
public sealed class NoticeOrderTests
{
    private static readonly ProcessorDeclaration s_processor = new("示例物业服务有限公司", "Example Property Services", "privacy@example.com", "", "", 0, "", "https://example.com/rules");

    private static readonly PurposeDeclaration s_onDevice = new(
        Id: "Demo.GateEntry",
        Type: new TypeShape("Demo", EquatableArray<string>.Empty, CanBeExtended: true),
        Method: ProcessingMethodTable.Verification,
        DescriptionZh: "核验住户身份", DescriptionEn: "To verify residents",
        NecessityZh: "防止冒用门禁卡。", NecessityEn: "To stop card misuse.",
        ImpactZh: "仅 1:1 比对。", ImpactEn: "1:1 only.",
        RetentionDays: 30,
        Storage: DeclarationValues.StorageOnDevice,
        MayInvolveMinors: false,
        DataCategories: DeclarationValues.DefaultDataCategories,
        AlternativeZh: "刷卡通行。", AlternativeEn: "Tap a card.",
        WithdrawalZh: "", WithdrawalEn: "",
        Site: LawValues.SiteNonPublic, CollectionAreaZh: "", CollectionAreaEn: "");

    private static readonly RecipientDeclaration s_recipient = new("hq", "集团总部", "Group headquarters", "dpo@example.com", "集团门禁", "Group access",
        ProcessingMethodTable.Verification, DeclarationValues.CategoryFaceTemplate);

    /// <summary>The declarations, each with the elements its notice must have, in §6's order (written out here, not derived).</summary>
    private static readonly Dictionary<string, (PurposeDeclaration Purpose, NoticeElement[] Elements)> s_cases = new()
    {
        ["on-device 1:1"] = (s_onDevice, new[]
        {
            NoticeElement.Processor, NoticeElement.Purpose, NoticeElement.Method, NoticeElement.Retention, NoticeElement.Necessity, NoticeElement.Impact,
            NoticeElement.Rights, NoticeElement.Categories, NoticeElement.Alternative, NoticeElement.Withdrawal, NoticeElement.Storage, NoticeElement.Complaints,
        }),
        ["server 1:N"] = (s_onDevice with
        {
            Method = ProcessingMethodTable.Identification, Storage = DeclarationValues.StorageServer, TransferRecipientZh = "集团云（上海）", TransferRecipientEn = "The group cloud (Shanghai)",
        }, new[]
        {
            NoticeElement.Processor, NoticeElement.Purpose, NoticeElement.Method, NoticeElement.Retention, NoticeElement.Necessity, NoticeElement.Impact,
            NoticeElement.Rights, NoticeElement.Categories, NoticeElement.Alternative, NoticeElement.Withdrawal, NoticeElement.Storage, NoticeElement.Complaints,
        }),
        ["minors"] = (s_onDevice with { MayInvolveMinors = true, MinorsRulesZh = "监护人同意后登记。", MinorsRulesEn = "Enrolled after a guardian consents." }, new[]
        {
            NoticeElement.Processor, NoticeElement.Purpose, NoticeElement.Method, NoticeElement.Retention, NoticeElement.Necessity, NoticeElement.Impact,
            NoticeElement.Rights, NoticeElement.Categories, NoticeElement.Alternative, NoticeElement.Withdrawal, NoticeElement.Storage, NoticeElement.Minors,
            NoticeElement.Complaints,
        }),
        ["public-place detection"] = (s_onDevice with
        {
            Method = ProcessingMethodTable.Detection, AlternativeZh = "", AlternativeEn = "", Site = LawValues.SitePublicPlace, Kind = LawValues.KindPublicSafety,
            CollectionAreaZh = "地铁站进站口", CollectionAreaEn = "the station entrance",
        }, new[]
        {
            NoticeElement.Processor, NoticeElement.Purpose, NoticeElement.Method, NoticeElement.Retention, NoticeElement.Necessity, NoticeElement.Impact,
            NoticeElement.Rights, NoticeElement.Categories, NoticeElement.Withdrawal, NoticeElement.Storage, NoticeElement.Complaints,
        }),
        ["recipients"] = (s_onDevice with { Recipients = new EquatableArray<RecipientDeclaration>(ImmutableArray.Create(s_recipient)) }, new[]
        {
            NoticeElement.Processor, NoticeElement.Purpose, NoticeElement.Method, NoticeElement.Retention, NoticeElement.Necessity, NoticeElement.Impact,
            NoticeElement.Rights, NoticeElement.Categories, NoticeElement.Alternative, NoticeElement.Withdrawal, NoticeElement.Storage, NoticeElement.Recipients,
            NoticeElement.Complaints,
        }),
        ["other legal basis, minors"] = (s_onDevice with
        {
            LegalBasis = LawValues.BasisLegalDuty, LegalBasisLawZh = "《某某法》第十条", LegalBasisLawEn = "Article 10 of the Example Law",
            MayInvolveMinors = true, MinorsRulesZh = "仅用于点名。", MinorsRulesEn = "Used only for roll calls.",
        }, new[]
        {
            NoticeElement.Processor, NoticeElement.Purpose, NoticeElement.LegalBasis, NoticeElement.Method, NoticeElement.Retention, NoticeElement.Necessity,
            NoticeElement.Impact, NoticeElement.Rights, NoticeElement.Categories, NoticeElement.Alternative, NoticeElement.Storage, NoticeElement.Minors,
            NoticeElement.Complaints,
        }),
        ["other items required by law"] = (s_onDevice with
        {
            OtherNoticeItemsZh = "依照《某某条例》第八条，本小区的门禁记录同时报送街道办事处。", OtherNoticeItemsEn = "Under Article 8 of the Example Regulations, gate records are also reported to the sub-district office.",
        }, new[]
        {
            NoticeElement.Processor, NoticeElement.Purpose, NoticeElement.Method, NoticeElement.Retention, NoticeElement.Necessity, NoticeElement.Impact,
            NoticeElement.Rights, NoticeElement.OtherItems, NoticeElement.Categories, NoticeElement.Alternative, NoticeElement.Withdrawal, NoticeElement.Storage,
            NoticeElement.Complaints,
        }),
    };

    /// <summary>The term of REGULATION.md §6 (or of the statute it cites) each element's Chinese heading carries.</summary>
    private static readonly Dictionary<NoticeElement, string> s_statutoryTerms = new()
    {
        [NoticeElement.Processor] = "个人信息处理者",
        [NoticeElement.Purpose] = "处理目的",
        [NoticeElement.LegalBasis] = "法律依据",
        [NoticeElement.Method] = "处理方式",
        [NoticeElement.Retention] = "保存期限",
        [NoticeElement.Necessity] = "处理人脸信息的必要性",
        [NoticeElement.Impact] = "对个人权益的影响",
        [NoticeElement.Rights] = "依法行使权利的方式和程序",
        [NoticeElement.OtherItems] = "法律、行政法规规定应当告知的其他事项",
        [NoticeElement.Categories] = "处理的个人信息种类",
        [NoticeElement.Alternative] = "其他方式",
        [NoticeElement.Withdrawal] = "撤回同意的方式",
        [NoticeElement.Storage] = "存储",
        [NoticeElement.Minors] = "不满十四周岁未成年人",
        [NoticeElement.Recipients] = "其他个人信息处理者",
        [NoticeElement.Complaints] = "投诉、举报",
    };

    public static TheoryData<string> Cases => new(s_cases.Keys);

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_notice_has_every_element_that_applies_in_the_order_of_the_regulation_in_both_languages(string name)
    {
        var (purpose, elements) = s_cases[name];
        var notice = NoticeRenderer.Render(s_processor, purpose);

        foreach (var text in new[] { notice.Chinese, notice.English })
        {
            Assert.Equal(elements, text.Sections.Select(s => s.Element));
            Assert.All(text.Sections, s => Assert.NotEmpty(s.Paragraphs));
        }

        Assert.All(notice.Chinese.Sections, s => Assert.Contains(s_statutoryTerms[s.Element], s.Heading, StringComparison.Ordinal));

        // The headings, numbered 一、二、… and 1. 2. …, appear in the plain text in that order.
        var chinesePositions = notice.Chinese.Sections.Select(s => notice.Chinese.Text.IndexOf("、" + s.Heading + "\n", StringComparison.Ordinal)).ToList();
        var englishPositions = notice.English.Sections.Select((s, i) => notice.English.Text.IndexOf($"\n{i + 1}. {s.Heading}\n", StringComparison.Ordinal)).ToList();
        Assert.All(chinesePositions.Concat(englishPositions), p => Assert.True(p > 0));
        Assert.Equal(chinesePositions.Order(), chinesePositions);
        Assert.Equal(englishPositions.Order(), englishPositions);
    }

    [Fact]
    public void The_statutory_numbers_follow_the_regulation_and_every_section_has_a_stable_id()
    {
        // §6: 8 rights, 9 other items, 10 categories, 11 alternative, 12 withdrawal, 13 storage, 14 minors, 15 recipients, 16 complaints.
        Assert.Equal(new[] { 8, 9, 10, 11, 12, 13, 14, 15, 16 }, new[]
        {
            NoticeElement.Rights, NoticeElement.OtherItems, NoticeElement.Categories, NoticeElement.Alternative, NoticeElement.Withdrawal,
            NoticeElement.Storage, NoticeElement.Minors, NoticeElement.Recipients, NoticeElement.Complaints,
        }.Select(NoticeElements.StatuteNumber));
        Assert.Equal("other-items", new NoticeSection(NoticeElement.OtherItems, "", EquatableArray<string>.Empty).Id);
        Assert.Equal(Enum.GetValues<NoticeElement>().Length, Enum.GetValues<NoticeElement>().Select(NoticeElements.Id).Distinct().Count());
    }

    [Fact]
    public void Element_9_states_the_declared_items_in_both_languages()
    {
        var notice = NoticeRenderer.Render(s_processor, s_cases["other items required by law"].Purpose);

        Assert.Equal("依照《某某条例》第八条，本小区的门禁记录同时报送街道办事处。", Single(notice.Chinese, NoticeElement.OtherItems));
        Assert.Equal("Under Article 8 of the Example Regulations, gate records are also reported to the sub-district office.", Single(notice.English, NoticeElement.OtherItems));
        Assert.Contains("\n八、法律、行政法规规定应当告知的其他事项\n", notice.Chinese.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_introduction_states_the_separate_consent_to_processing_face_information()
    {
        var notice = NoticeRenderer.Render(s_processor, s_onDevice);

        Assert.Contains("我们将就处理您的人脸信息单独征求您的同意", notice.Chinese.Text.Split('\n')[2], StringComparison.Ordinal);
        Assert.Contains("We ask for your separate consent to processing your face information", notice.English.Text.Split('\n')[2], StringComparison.Ordinal);
    }

    [Fact]
    public void Retention_says_what_is_kept_how_long_and_that_no_face_image_is_kept()
    {
        var notice = NoticeRenderer.Render(s_processor, s_cases["public-place detection"].Purpose);
        var chinese = notice.Chinese.Sections.Single(s => s.Element == NoticeElement.Retention).Paragraphs;

        // A detection purpose extracts no template: its images are deleted once processed.
        Assert.Equal("人脸图像在处理完成后即时删除，不予保存。其他人脸信息自采集之日起保存，最长不超过30日。", chinese[0]);
        Assert.Equal("我们对您人脸信息的每次处理以及您作出和撤回同意的情况均予以记录，记录中不含人脸图像和人脸特征；上述记录依法保存不少于三年。", chinese[2]);
        Assert.Contains("are kept for at least three years", Single(notice.English, NoticeElement.Retention), StringComparison.Ordinal);
    }

    [Fact]
    public void Rights_state_restriction_reasons_for_refusal_and_court_recourse()
    {
        var rights = Single(NoticeRenderer.Render(s_processor, s_onDevice).Chinese, NoticeElement.Rights);

        Assert.Contains("有权限制或者拒绝我们处理您的人脸信息", rights, StringComparison.Ordinal);
        Assert.Contains("拒绝您的请求的，将说明理由", rights, StringComparison.Ordinal);
        Assert.Contains("向人民法院提起诉讼", rights, StringComparison.Ordinal);
    }

    private static string Single(RenderedNoticeText text, NoticeElement element) =>
        string.Join("\n", text.Sections.Single(s => s.Element == element).Paragraphs);
}
