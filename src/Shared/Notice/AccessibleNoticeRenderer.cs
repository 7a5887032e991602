using System.Collections.Generic;
using System.Globalization;
using System.Text;
using FaceCompliance.Methods;
using FaceCompliance.Profiles;

namespace FaceCompliance.Notice;

/// <summary>The accessible variants of a purpose's notice (Measures Art. 5 §3), in zh-CN and en.</summary>
internal sealed record AccessibleNotice(string ShortChinese, string ShortEnglish, string HtmlChinese, string HtmlEnglish);

/// <summary>
/// Renders the accessible variants of a notice (Measures Art. 5 §3: people with disabilities and older people), from
/// the same declarations and sections as the notice itself: a plain-language short notice (who, what, why, how long,
/// the other way, how to withdraw) and the full notice as HTML for screen readers and large print: an <c>article</c>
/// with the language in its <c>lang</c> attribute, the title as <c>h1</c>, each section as a <c>section</c> with an
/// <c>h2</c>, the reading order equal to the element order, no tables, every text HTML-encoded. The short notice does
/// not replace the full one, which governs; neither is part of the notice version, which hashes the full text.
/// </summary>
internal static class AccessibleNoticeRenderer
{
    public static AccessibleNotice Render(ProcessorDeclaration processor, PurposeDeclaration purpose, RenderedNotice notice) => new(
        ShortChinese(processor, purpose),
        ShortEnglish(processor, purpose),
        Html(ChineseNoticeWriter.Instance, notice.Chinese.Sections, notice.Version),
        Html(EnglishNoticeWriter.Instance, notice.English.Sections, notice.Version));

    /// <summary>The full notice as an HTML fragment: one <c>article</c> element, lines ending with <c>\n</c>.</summary>
    public static string Html(NoticeWriter writer, EquatableArray<NoticeSection> sections, string version)
    {
        var html = new StringBuilder();
        html.Append("<article class=\"facial-notice\" lang=\"").Append(writer.Language).Append("\">\n");
        html.Append("<h1>").Append(Encode(writer.Title)).Append("</h1>\n");
        html.Append("<p>").Append(Encode(writer.IntroductionFor(sections))).Append("</p>\n");
        for (var i = 0; i < sections.Count; i++)
        {
            var heading = writer.Number(i + 1) + (writer.Language == "en" ? " " : "、") + sections[i].Heading;
            html.Append("<section>\n<h2>").Append(Encode(heading)).Append("</h2>\n");
            foreach (var paragraph in sections[i].Paragraphs)
            {
                html.Append("<p>").Append(Encode(paragraph)).Append("</p>\n");
            }

            html.Append("</section>\n");
        }

        html.Append("<p>").Append(Encode(writer.VersionLabel)).Append(writer.Language == "en" ? ": " : "：")
            .Append("<code>").Append(Encode(version)).Append("</code></p>\n");
        html.Append("</article>\n");
        return html.ToString();
    }

    /// <summary>The plain-language short notice in Chinese: short sentences in everyday words.</summary>
    public static string ShortChinese(ProcessorDeclaration processor, PurposeDeclaration purpose)
    {
        var consentBased = purpose.LegalBasis == LawValues.BasisConsent;
        var sentences = new List<string>
        {
            $"{Or(processor.Name, "【未声明】")}会使用您的人脸信息，用于{Clause(purpose.DescriptionZh, "【未声明】")}。",
            purpose.Method switch
            {
                ProcessingMethodTable.Verification => "我们把现场拍到的人脸与您登记的人脸进行比对，确认是您本人。",
                ProcessingMethodTable.Identification => "我们把现场拍到的人脸与所有登记人员的人脸进行比对，确认您是谁。",
                ProcessingMethodTable.Detection => "我们只看画面中有没有人脸，不识别您是谁。",
                ProcessingMethodTable.Liveness => "我们只确认镜头前是真人，不识别您是谁。",
                ProcessingMethodTable.AttributeAnalysis => "我们分析人脸的特点，不识别您是谁。",
                _ => "处理方式【未声明】。",
            },
            purpose.Storage == DeclarationValues.StorageOnDevice
                ? "您的人脸信息只存在设备里，不会通过互联网传出去。"
                : $"您的人脸信息会通过互联网传给{Or(purpose.TransferRecipientZh, "【未声明】")}保存，传输前须经您单独同意。",
            purpose.RetainsImages
                ? "我们会保存您的人脸照片，保存照片须经您单独同意。"
                : ProcessingMethodTable.IsIdentity(purpose.Method) ? "我们不保存您的人脸照片，只保存从照片中提取、用于比对的人脸特征。" : "我们不保存您的人脸照片。",
            $"最长保存{purpose.RetentionDays.ToString(CultureInfo.InvariantCulture)}天，到期删除。",
        };

        if (purpose.AlternativeZh.Length > 0)
        {
            sentences.Add($"您也可以不使用人脸，改用这种方式：{Clause(purpose.AlternativeZh, "")}。不使用人脸不会影响您获得服务。");
        }

        if (purpose.MayInvolveMinors && consentBased)
        {
            sentences.Add("不满十四周岁的孩子，须由父母或者其他监护人同意。");
        }

        sentences.Add(consentBased
            ? "您可以随时撤回同意，撤回后我们会删除您的人脸信息。" + (purpose.WithdrawalZh.Length > 0 ? $"撤回方式：{Clause(purpose.WithdrawalZh, "")}。" : $"请联系：{Or(processor.Contact, "【未声明】")}。")
            : $"这项处理依据法律规定进行，不需要您的同意。如有疑问，请联系：{Or(processor.Contact, "【未声明】")}。");
        sentences.Add("详细内容请阅读完整的《人脸信息处理规则》。");
        return string.Concat(sentences);
    }

    /// <summary>The plain-language short notice in English: short sentences in everyday words.</summary>
    public static string ShortEnglish(ProcessorDeclaration processor, PurposeDeclaration purpose)
    {
        var consentBased = purpose.LegalBasis == LawValues.BasisConsent;
        var sentences = new List<string>
        {
            $"{Or(processor.NameEn, "[not declared]")} uses your face information for this purpose: {Clause(purpose.DescriptionEn, "[not declared]")}.",
            purpose.Method switch
            {
                ProcessingMethodTable.Verification => "We compare the face we see with the face you enrolled, to check that it is you.",
                ProcessingMethodTable.Identification => "We compare the face we see with the faces of everyone enrolled, to find out who you are.",
                ProcessingMethodTable.Detection => "We only check whether there is a face in the picture. We do not find out who you are.",
                ProcessingMethodTable.Liveness => "We only check that a real person is in front of the camera. We do not find out who you are.",
                ProcessingMethodTable.AttributeAnalysis => "We look at features of your face. We do not find out who you are.",
                _ => "The method is [not declared].",
            },
            purpose.Storage == DeclarationValues.StorageOnDevice
                ? "Your face information stays on the device and is never sent over the internet."
                : $"Your face information is sent over the internet to {Or(purpose.TransferRecipientEn, "[not declared]")} and kept there, only if you agree to that separately.",
            purpose.RetainsImages
                ? "We keep photos of your face, only if you agree to that separately."
                : ProcessingMethodTable.IsIdentity(purpose.Method) ? "We do not keep photos of your face, only the face template taken from them for comparison." : "We do not keep photos of your face.",
            $"We keep it for at most {purpose.RetentionDays.ToString(CultureInfo.InvariantCulture)} {(purpose.RetentionDays == 1 ? "day" : "days")}, then delete it.",
        };

        if (purpose.AlternativeEn.Length > 0)
        {
            sentences.Add($"You do not have to use your face. The other way: {Clause(purpose.AlternativeEn, "")}. You get the same service either way.");
        }

        if (purpose.MayInvolveMinors && consentBased)
        {
            sentences.Add("A child under 14 needs the consent of a parent or guardian.");
        }

        sentences.Add(consentBased
            ? "You can withdraw your consent at any time, and we then delete your face information. " + (purpose.WithdrawalEn.Length > 0 ? $"To withdraw: {Clause(purpose.WithdrawalEn, "")}." : $"Contact: {Or(processor.Contact, "[not declared]")}.")
            : $"This does not need your consent: the law allows it. Questions: {Or(processor.Contact, "[not declared]")}.");
        sentences.Add("Read the full rules for details.");
        return string.Join(" ", sentences);
    }

    /// <summary>HTML-encodes text for element content and attribute values.</summary>
    public static string Encode(string text)
    {
        var encoded = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            encoded.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => c.ToString(),
            });
        }

        return encoded.ToString();
    }

    private static string Or(string value, string undeclared) => value.Length > 0 ? value : undeclared;

    /// <summary>A declared text as part of a sentence: without its final punctuation.</summary>
    private static string Clause(string value, string undeclared) =>
        value.Length == 0 ? undeclared : value.TrimEnd('。', '；', '！', '？', '.', ';', '!', '?', ' ');
}
