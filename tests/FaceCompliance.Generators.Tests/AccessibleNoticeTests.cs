using System;
using System.Linq;
using System.Xml.Linq;
using FaceCompliance.Methods;
using FaceCompliance.Notice;
using FaceCompliance.Profiles;
using Xunit;

namespace FaceCompliance.Generators.Tests;

/// <summary>
/// Measures Art. 5 §3: the accessible variants of the notice. The HTML carries the same text as the notice, with
/// headings, language tags and reading order a screen reader can use; the short notice says who, what, why, how long,
/// the other way and how to withdraw in everyday words. The expected short texts were written by hand and reviewed.
/// </summary>
public sealed class AccessibleNoticeTests
{
    private static readonly ProcessorDeclaration s_processor = new("示例物业服务有限公司", "Example Property Services", "privacy@example.com", "", "", 0, "");

    private static readonly PurposeDeclaration s_gate = new(
        Id: "Demo.GateEntry",
        Type: new TypeShape("Demo", EquatableArray<string>.Empty, CanBeExtended: true),
        Method: ProcessingMethodTable.Verification,
        DescriptionZh: "核验住户身份以开启小区门禁", DescriptionEn: "verify residents at the community gate",
        NecessityZh: "防止冒用门禁卡 <script>alert('x')</script> & 借卡。", NecessityEn: "To stop <b>card</b> misuse & lending.",
        ImpactZh: "仅 1:1 比对。", ImpactEn: "1:1 only.",
        RetentionDays: 180,
        Storage: DeclarationValues.StorageOnDevice,
        MayInvolveMinors: true,
        DataCategories: DeclarationValues.DefaultDataCategories,
        AlternativeZh: "刷门禁卡。", AlternativeEn: "tap an access card.",
        WithdrawalZh: "在门禁终端上选择“撤回人脸通行”", WithdrawalEn: "choose \"Withdraw face entry\" on the gate terminal",
        Site: LawValues.SiteNonPublic, CollectionAreaZh: "", CollectionAreaEn: "",
        MinorsRulesZh: "学生人脸仅在监护人同意后登记。", MinorsRulesEn: "A child's face is enrolled only after a guardian consents.");

    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en")]
    public void The_html_has_one_h1_an_h2_per_section_in_reading_order_the_language_and_the_notice_text(string language)
    {
        var notice = NoticeRenderer.Render(s_processor, s_gate);
        var accessible = AccessibleNoticeRenderer.Render(s_processor, s_gate, notice);
        var text = language == "en" ? notice.English : notice.Chinese;
        var html = language == "en" ? accessible.HtmlEnglish : accessible.HtmlChinese;

        var article = XElement.Parse(html);   // well-formed: every text is encoded, every element closed
        Assert.Equal("article", article.Name.LocalName);
        Assert.Equal(language, (string?)article.Attribute("lang"));
        Assert.Equal(text.Text.Split('\n')[0], Assert.Single(article.Descendants("h1")).Value);
        var sections = article.Elements("section").ToList();
        Assert.Equal(text.Sections.Count, sections.Count);
        for (var i = 0; i < sections.Count; i++)
        {
            var h2 = Assert.Single(sections[i].Elements("h2"));
            Assert.Same(h2, sections[i].Elements().First());
            Assert.EndsWith(text.Sections[i].Heading, h2.Value, StringComparison.Ordinal);
            Assert.Equal(text.Sections[i].Paragraphs, sections[i].Elements("p").Select(p => p.Value));
        }

        // Reading order is element order: the text content, line by line, is the plain-text notice plus the version line.
        var lines = article.Elements().SelectMany(e => e.Name.LocalName == "section" ? e.Elements() : new[] { e }).Select(e => e.Value).ToList();
        Assert.Equal(text.Text.TrimEnd('\n').Split('\n').Where(l => l.Length > 0), lines.Take(lines.Count - 1));
        Assert.Contains(notice.Version, lines[^1], StringComparison.Ordinal);
        Assert.DoesNotContain("<table", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Declared_text_is_html_encoded()
    {
        var notice = NoticeRenderer.Render(s_processor, s_gate);
        var accessible = AccessibleNoticeRenderer.Render(s_processor, s_gate, notice);

        Assert.Contains("<p>防止冒用门禁卡 &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; 借卡。</p>", accessible.HtmlChinese, StringComparison.Ordinal);
        Assert.Contains("<p>To stop &lt;b&gt;card&lt;/b&gt; misuse &amp; lending.</p>", accessible.HtmlEnglish, StringComparison.Ordinal);
    }

    [Fact]
    public void The_short_notice_says_who_what_why_how_long_the_other_way_and_how_to_withdraw()
    {
        Assert.Equal(
            "示例物业服务有限公司会使用您的人脸信息，用于核验住户身份以开启小区门禁。"
            + "我们把现场拍到的人脸与您登记的人脸进行比对，确认是您本人。"
            + "您的人脸信息只存在设备里，不会通过互联网传出去。"
            + "我们不保存您的人脸照片，只保存从照片中提取、用于比对的人脸特征。"
            + "最长保存180天，到期删除。"
            + "您也可以不使用人脸，改用这种方式：刷门禁卡。不使用人脸不会影响您获得服务。"
            + "不满十四周岁的孩子，须由父母或者其他监护人同意。"
            + "您可以随时撤回同意，撤回后我们会删除您的人脸信息。撤回方式：在门禁终端上选择“撤回人脸通行”。"
            + "详细内容请阅读完整的《人脸信息处理规则》。",
            AccessibleNoticeRenderer.ShortChinese(s_processor, s_gate));
        Assert.Equal(
            "Example Property Services uses your face information for this purpose: verify residents at the community gate. "
            + "We compare the face we see with the face you enrolled, to check that it is you. "
            + "Your face information stays on the device and is never sent over the internet. "
            + "We do not keep photos of your face, only the face template taken from them for comparison. "
            + "We keep it for at most 180 days, then delete it. "
            + "You do not have to use your face. The other way: tap an access card. You get the same service either way. "
            + "A child under 14 needs the consent of a parent or guardian. "
            + "You can withdraw your consent at any time, and we then delete your face information. To withdraw: choose \"Withdraw face entry\" on the gate terminal. "
            + "Read the full rules for details.",
            AccessibleNoticeRenderer.ShortEnglish(s_processor, s_gate));
    }

    [Fact]
    public void A_purpose_without_consent_says_so_in_the_short_notice_instead_of_how_to_withdraw()
    {
        var duty = s_gate with { LegalBasis = LawValues.BasisLegalDuty, MayInvolveMinors = false, Storage = DeclarationValues.StorageServer, TransferRecipientZh = "市公安局", TransferRecipientEn = "the city police" };

        var chinese = AccessibleNoticeRenderer.ShortChinese(s_processor, duty);
        var english = AccessibleNoticeRenderer.ShortEnglish(s_processor, duty);

        Assert.Contains("这项处理依据法律规定进行，不需要您的同意。如有疑问，请联系：privacy@example.com。", chinese, StringComparison.Ordinal);
        Assert.Contains("您的人脸信息会通过互联网传给市公安局保存，传输前须经您单独同意。", chinese, StringComparison.Ordinal);
        Assert.DoesNotContain("撤回", chinese, StringComparison.Ordinal);
        Assert.DoesNotContain("十四周岁", chinese, StringComparison.Ordinal);
        Assert.Contains("This does not need your consent: the law allows it. Questions: privacy@example.com.", english, StringComparison.Ordinal);
        Assert.DoesNotContain("withdraw", english, StringComparison.Ordinal);
    }
}
