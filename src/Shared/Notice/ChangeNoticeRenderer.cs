using System;
using System.Collections.Generic;
using System.Text;
using FaceCompliance.Methods;
using FaceCompliance.Profiles;

namespace FaceCompliance.Notice;

/// <summary>The change notice for people who consented to (or were told) an older approved version of a purpose's notice.</summary>
internal sealed record RenderedChangeNotice(string FromVersion, string ToVersion, string Chinese, string English);

/// <summary>
/// Writes the change notice of Measures Art. 5 §2, in zh-CN and en: the version people read, the version that
/// replaces it, and exactly which notified items changed, found by comparing the facts kept in the approved-notices
/// baseline for the old version (<see cref="NoticeFacts"/>) with the facts of the current declarations. A fact the
/// old line does not record is not compared; when nothing can be named, the notice says so and points to the new text.
/// </summary>
internal static class ChangeNoticeRenderer
{
    /// <summary>A change notice for each approved version other than <paramref name="currentVersion"/>, newest first.</summary>
    public static EquatableArray<RenderedChangeNotice> Render(ProcessorDeclaration processor, PurposeDeclaration purpose, string currentVersion,
        IReadOnlyList<ApprovedNoticeEntry> approved)
    {
        var notices = System.Collections.Immutable.ImmutableArray.CreateBuilder<RenderedChangeNotice>();
        foreach (var entry in approved)
        {
            if (!string.Equals(entry.Version, currentVersion, StringComparison.OrdinalIgnoreCase))
            {
                notices.Add(Render(processor, purpose, entry.Version, currentVersion, NoticeFacts.Parse(entry.Facts)));
            }
        }

        return new EquatableArray<RenderedChangeNotice>(notices.ToImmutable());
    }

    public static RenderedChangeNotice Render(ProcessorDeclaration processor, PurposeDeclaration purpose, string fromVersion, string toVersion,
        IReadOnlyDictionary<string, string> oldFacts)
    {
        var newFacts = NoticeFacts.Parse(NoticeFacts.Of(processor, purpose));
        var chinese = new List<string>();
        var english = new List<string>();
        var complete = true;
        foreach (var key in s_noticeOrder)
        {
            if (!oldFacts.TryGetValue(key, out var before))
            {
                complete = false;
                continue;
            }

            var after = newFacts[key];
            if (before != after)
            {
                Describe(key, before, after, processor, purpose, chinese, english);
            }
        }

        var consentBased = purpose.LegalBasis == LawValues.BasisConsent;
        return new RenderedChangeNotice(fromVersion.ToLowerInvariant(), toVersion,
            Write(ChineseNoticeWriter.Instance, "人脸信息处理规则变更告知",
                consentBased
                    ? $"您此前同意的《人脸信息处理规则》（规则版本：{fromVersion}）已变更，变更后的规则版本为：{toVersion}。"
                    : $"我们此前告知您的《人脸信息处理规则》（规则版本：{fromVersion}）已变更，变更后的规则版本为：{toVersion}。",
                chinese.Count > 0 ? "本次变更的事项如下：" : "",
                chinese,
                chinese.Count > 0
                    ? (complete ? "" : "其他变更请见变更后的规则全文。")
                    : (complete
                        ? "本次变更未涉及处理目的、处理方式、保存期限、存储地点、个人信息种类和接收方。"
                        : ""),
                consentBased
                    ? "请您阅读变更后的规则全文，并自主决定是否重新作出同意。在您重新作出同意前，我们不再处理您的人脸信息。您不同意的，可以随时撤回此前的同意，我们将删除您的人脸信息。"
                    : $"变更后的规则全文见《人脸信息处理规则》（规则版本：{toVersion}）。"),
            Write(EnglishNoticeWriter.Instance, "Changes to how we process your face information",
                consentBased
                    ? $"The rules you consented to (version {fromVersion}) have changed; the new version is {toVersion}."
                    : $"The rules we told you about (version {fromVersion}) have changed; the new version is {toVersion}.",
                english.Count > 0 ? "What changes:" : "",
                english,
                english.Count > 0
                    ? (complete ? "" : "For other changes, see the new rules in full.")
                    : (complete
                        ? "This change does not concern the purpose, method, retention period, storage, categories of information or recipients."
                        : ""),
                consentBased
                    ? "Please read the new rules in full and decide freely whether to consent again. Until you do, we do not process your face information. If you do not agree, you can withdraw your earlier consent at any time, and we will delete your face information."
                    : $"The new rules in full: \"How we process your face information\", version {toVersion}."));
    }

    /// <summary>The facts in the order the notice states them (REGULATION.md §6), so the list reads like the notice.</summary>
    private static readonly string[] s_noticeOrder =
    {
        NoticeFacts.Processor, NoticeFacts.Description, NoticeFacts.Basis, NoticeFacts.Method, NoticeFacts.Attributes, NoticeFacts.Site,
        NoticeFacts.Retention, NoticeFacts.Necessity, NoticeFacts.Impact, NoticeFacts.Withdrawal, NoticeFacts.Alternative,
        NoticeFacts.Categories, NoticeFacts.Storage, NoticeFacts.Images, NoticeFacts.Minors, NoticeFacts.Recipients,
    };

    private static void Describe(string key, string before, string after, ProcessorDeclaration processor, PurposeDeclaration purpose,
        List<string> chinese, List<string> english)
    {
        switch (key)
        {
            case NoticeFacts.Processor:
                chinese.Add($"个人信息处理者的名称、联系方式或者投诉、举报渠道已变更，变更后的名称为{Or(processor.Name)}，联系方式为{Or(processor.Contact)}。");
                english.Add($"Our name, contact or complaint channel has changed: we are now {Or(processor.NameEn)}, contact {Or(processor.Contact)}.");
                break;
            case NoticeFacts.Description:
                chinese.Add("处理目的变更为：" + SentenceZh(purpose.DescriptionZh));
                english.Add("The purpose changes to: " + SentenceEn(purpose.DescriptionEn));
                break;
            case NoticeFacts.Basis:
                chinese.Add($"处理人脸信息的法律依据由“{Name(before, s_basisZh, LawValues.BasisNames)}”变更为“{Name(after, s_basisZh, LawValues.BasisNames)}”。");
                english.Add($"The legal basis of the processing changes from {Name(before, s_basisEn, LawValues.BasisNames)} to {Name(after, s_basisEn, LawValues.BasisNames)}.");
                break;
            case NoticeFacts.Method:
                chinese.Add($"处理方式由{Name(before, s_methodZh, ProcessingMethodTable.Names)}变更为{Name(after, s_methodZh, ProcessingMethodTable.Names)}。");
                english.Add($"The processing method changes from {Name(before, s_methodEn, ProcessingMethodTable.Names)} to {Name(after, s_methodEn, ProcessingMethodTable.Names)}.");
                break;
            case NoticeFacts.Attributes:
                chinese.Add("人脸属性分析的项目已变更，变更后的项目见规则全文的“处理方式”部分。");
                english.Add("The face attributes we analyse have changed; the new rules list them under the processing method.");
                break;
            case NoticeFacts.Site:
                chinese.Add($"人脸识别设备的设置场所由{Name(before, s_siteZh, LawValues.SiteNames)}变更为{Name(after, s_siteZh, LawValues.SiteNames)}。");
                english.Add($"Where the face recognition devices are installed changes from {Name(before, s_siteEn, LawValues.SiteNames)} to {Name(after, s_siteEn, LawValues.SiteNames)}.");
                break;
            case NoticeFacts.Retention:
                chinese.Add($"人脸信息的保存期限由{before}日变更为{after}日。");
                english.Add($"The retention period changes from {before} to {after} days.");
                break;
            case NoticeFacts.Necessity:
                chinese.Add("处理人脸信息的必要性说明变更为：" + SentenceZh(purpose.NecessityZh));
                english.Add("Why your face information is necessary now reads: " + SentenceEn(purpose.NecessityEn));
                break;
            case NoticeFacts.Impact:
                chinese.Add("对个人权益的影响说明变更为：" + SentenceZh(purpose.ImpactZh));
                english.Add("The impact on your rights now reads: " + SentenceEn(purpose.ImpactEn));
                break;
            case NoticeFacts.Withdrawal:
                chinese.Add("撤回同意的方式变更为：" + (purpose.WithdrawalZh.Length > 0 ? SentenceZh(purpose.WithdrawalZh) : "通过规则所列联系方式提出。"));
                english.Add("How to withdraw your consent changes to: " + (purpose.WithdrawalEn.Length > 0 ? SentenceEn(purpose.WithdrawalEn) : "contact us as the rules state."));
                break;
            case NoticeFacts.Alternative:
                chinese.Add("不使用人脸识别的其他方式变更为：" + SentenceZh(purpose.AlternativeZh));
                english.Add("The other way, without your face, changes to: " + SentenceEn(purpose.AlternativeEn));
                break;
            case NoticeFacts.Categories:
                chinese.Add($"处理的个人信息种类由{Categories(before, s_categoryZh, "、", "无")}变更为{Categories(after, s_categoryZh, "、", "无")}。");
                english.Add($"The categories of personal information processed change from {Categories(before, s_categoryEn, ", ", "none")} to {Categories(after, s_categoryEn, ", ", "none")}.");
                break;
            case NoticeFacts.Storage:
                chinese.Add($"人脸信息的存储地点由{Name(before, s_storageZh, DeclarationValues.StorageNames)}变更为{Name(after, s_storageZh, DeclarationValues.StorageNames)}。");
                english.Add($"Where your face information is stored changes from {Name(before, s_storageEn, DeclarationValues.StorageNames)} to {Name(after, s_storageEn, DeclarationValues.StorageNames)}.");
                break;
            case NoticeFacts.Images:
                chinese.Add(after == "true"
                    ? "我们将保存您的人脸图像本身，而不仅是从中提取的人脸特征；保存人脸图像须取得您的单独同意。"
                    : "我们不再保存您的人脸图像本身。");
                english.Add(after == "true"
                    ? "We will keep your face images themselves, not only the face templates derived from them; keeping face images needs your separate consent."
                    : "We no longer keep your face images themselves.");
                break;
            case NoticeFacts.Minors:
                chinese.Add(after == "true"
                    ? "我们将处理不满十四周岁未成年人的人脸信息，并适用处理未成年人个人信息的专门规则。"
                    : "我们不再处理不满十四周岁未成年人的人脸信息。");
                english.Add(after == "true"
                    ? "We will process the face information of children under 14, under our special rules for children's information."
                    : "We no longer process the face information of children under 14.");
                break;
            case NoticeFacts.Recipients:
                var zh = new List<string>();
                var en = new List<string>();
                foreach (var recipient in purpose.Recipients)
                {
                    zh.Add(Or(recipient.NameZh));
                    en.Add(Or(recipient.NameEn));
                }

                chinese.Add(zh.Count > 0
                    ? "向其他个人信息处理者提供您的人脸信息的范围已变更，变更后我们向以下处理者提供：" + string.Join("、", zh) + "。向其提供须取得您的单独同意。"
                    : "我们不再向其他个人信息处理者提供您的人脸信息。");
                english.Add(en.Count > 0
                    ? "The other processors we provide your face information to have changed; from now on they are: " + string.Join(", ", en) + ". Providing it needs your separate consent."
                    : "We no longer provide your face information to any other processor.");
                break;
        }
    }

    private static string Write(NoticeWriter writer, string title, string introduction, string lead, List<string> items, string rest, string closing)
    {
        var text = new StringBuilder();
        text.Append(title).Append("\n\n").Append(introduction);
        if (lead.Length > 0)
        {
            text.Append(writer.Language == "en" ? " " : "").Append(lead);
        }

        text.Append('\n');
        for (var i = 0; i < items.Count; i++)
        {
            text.Append(writer.Number(i + 1)).Append(writer.Language == "en" ? " " : "、").Append(items[i]).Append('\n');
        }

        text.Append('\n');
        if (rest.Length > 0)
        {
            text.Append(rest).Append('\n');
        }

        text.Append(closing).Append('\n');
        return text.ToString();
    }

    private static string Name(string value, string[] names, string[] table)
    {
        var index = Array.IndexOf(table, value);
        return index >= 0 && index < names.Length ? names[index] : value;
    }

    private static string Categories(string value, string[] names, string separator, string none)
    {
        var shown = new List<string>();
        foreach (var item in NoticeFacts.Items(value))
        {
            var index = Array.FindIndex(DeclarationValues.Categories, c => c.Name == item);
            shown.Add(index >= 0 ? names[index] : item);
        }

        return shown.Count == 0 ? none : string.Join(separator, shown);
    }

    private static string Or(string value) => value.Length > 0 ? value : "—";

    private static string SentenceZh(string value)
    {
        if (value.Length == 0)
        {
            return "【未声明】";
        }

        var last = value[value.Length - 1];
        return last is '。' or '！' or '？' ? value : value.TrimEnd('.', ' ', '；') + "。";
    }

    private static string SentenceEn(string value)
    {
        if (value.Length == 0)
        {
            return "[not declared]";
        }

        var last = value[value.Length - 1];
        return last is '.' or '!' or '?' ? value : value + ".";
    }

    // Names by the index of their table (ProcessingMethodTable.Names, LawValues.SiteNames and BasisNames,
    // DeclarationValues.StorageNames and Categories).
    private static readonly string[] s_methodZh = { "【未声明】", "人脸检测", "活体检测", "人脸属性分析", "人脸验证（1:1 比对）", "人脸辨识（1:N 检索）" };
    private static readonly string[] s_methodEn = { "[not declared]", "face detection", "liveness detection", "face attribute analysis", "face verification (1:1 comparison)", "face identification (1:N search)" };
    private static readonly string[] s_siteZh = { "非公共场所", "公共场所", "宾馆客房", "公共浴室", "公共更衣室", "公共卫生间" };
    private static readonly string[] s_siteEn = { "a non-public place", "a public place", "a hotel room", "a public bath", "a public changing room", "a public toilet" };
    private static readonly string[] s_basisZh =
    {
        "取得您的同意", "订立、履行合同或者实施人力资源管理所必需", "履行法定职责或者法定义务所必需",
        "应对突发公共卫生事件或者紧急情况下保护自然人的生命健康和财产安全所必需", "为公共利益在合理范围内实施新闻报道、舆论监督等行为",
        "在合理范围内处理已经合法公开的个人信息", "法律、行政法规规定的其他情形",
    };
    private static readonly string[] s_basisEn =
    {
        "your consent", "the necessity of a contract or of human-resources management", "a statutory duty or obligation",
        "a public-health emergency or protecting people in an emergency", "news reporting or public-opinion supervision in the public interest",
        "information already lawfully disclosed", "another case provided by law",
    };
    private static readonly string[] s_storageZh = { "人脸识别设备内", "服务器（通过互联网传输）" };
    private static readonly string[] s_storageEn = { "inside the face recognition device", "servers, over the internet" };
    private static readonly string[] s_categoryZh = { "人脸图像", "人脸特征", "关联身份信息", "活体检测信号" };
    private static readonly string[] s_categoryEn = { "face images", "face templates", "linked identity data", "liveness signals" };
}
