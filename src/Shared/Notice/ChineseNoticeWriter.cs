using System.Collections.Generic;
using System.Globalization;
using FaceCompliance.Methods;
using FaceCompliance.Profiles;

namespace FaceCompliance.Notice;

/// <summary>The notice in Simplified Chinese (zh-CN): the text that governs.</summary>
internal sealed class ChineseNoticeWriter : NoticeWriter
{
    public static ChineseNoticeWriter Instance { get; } = new();

    private const string Undeclared = "【未声明】";

    private static readonly string[] s_numerals = { "一", "二", "三", "四", "五", "六", "七", "八", "九", "十" };

    public override string Language => "zh-CN";

    public override string Title => "人脸信息处理规则";

    public override string Introduction => "在您同意我们处理您的人脸信息之前，请仔细阅读本规则。我们将就处理您的人脸信息单独征求您的同意；是否同意由您自主决定，您可以随时撤回同意。";

    public override string BasisIntroduction => "请您仔细阅读本规则。本规则所述处理不以您的同意为依据，其法律依据见下文。";

    public override string VersionLabel => "规则版本";

    public override string Number(int index) => index switch
    {
        <= 10 => s_numerals[index - 1],
        < 20 => "十" + s_numerals[index - 11],
        _ => index.ToString(CultureInfo.InvariantCulture),
    };

    public override IEnumerable<NoticeSection> Sections(ProcessorDeclaration processor, PurposeDeclaration purpose)
    {
        var contact = Or(processor.Contact);
        yield return ProcessorSection(processor);
        yield return Section(NoticeElement.Purpose, "处理目的", Sentence(purpose.DescriptionZh));
        var consentBased = IsConsentBased(purpose);
        if (!consentBased)
        {
            // Enforced: every use under such a purpose needs a [FacialBasisCheck] on every path before it (FC0002).
            yield return Section(NoticeElement.LegalBasis, "处理的法律依据",
                $"我们处理您的人脸信息不以您的同意为依据，而是依据《中华人民共和国个人信息保护法》第十三条：{BasisText(purpose.LegalBasis)}。所依据的规定：{Sentence(purpose.LegalBasisLawZh)}每次处理前，我们均核验该依据是否适用。");
        }

        yield return Section(NoticeElement.Method, "处理方式", MethodText(purpose) + PlaceText(purpose.Storage), SiteText(purpose));
        yield return Section(NoticeElement.Retention, "保存期限", RetentionTexts(purpose));
        yield return Section(NoticeElement.Necessity, "处理人脸信息的必要性", Sentence(purpose.NecessityZh));
        yield return Section(NoticeElement.Impact, "对个人权益的影响", Sentence(purpose.ImpactZh));
        yield return Section(NoticeElement.Rights, "您依法行使权利的方式和程序",
            "您有权依法查阅、复制、更正、补充、删除您的人脸信息，有权限制或者拒绝我们处理您的人脸信息，有权要求我们对本规则作出解释说明；符合国家网信部门规定条件的，您有权请求将您的个人信息转移至您指定的个人信息处理者。",
            $"请通过以下联系方式提出请求：{contact}。我们将在核实您的身份后及时答复并办理；拒绝您的请求的，将说明理由，您可以依法向人民法院提起诉讼。",
            consentBased ? "" : "本处理不以您的同意为依据，因此不涉及撤回同意；您仍享有上述权利。");
        if (purpose.OtherNoticeItemsZh.Length > 0)
        {
            yield return Section(NoticeElement.OtherItems, "法律、行政法规规定应当告知的其他事项", Sentence(purpose.OtherNoticeItemsZh));
        }

        yield return Section(NoticeElement.Categories, "处理的个人信息种类", CategoriesText(purpose.DataCategories));
        if (purpose.AlternativeZh.Length > 0 || ProcessingMethodTable.IsIdentity(purpose.Method))
        {
            yield return Section(NoticeElement.Alternative, "不使用人脸识别的其他方式",
                Sentence(purpose.AlternativeZh),
                consentBased
                    ? "您不同意我们处理您的人脸信息，或者撤回同意的，可以选择上述方式，我们不会因此拒绝为您提供相应服务。"
                    : "您可以选择上述方式而不使用人脸识别，我们不会因此拒绝为您提供相应服务。");
        }

        if (consentBased)
        {
            yield return Section(NoticeElement.Withdrawal, "撤回同意的方式",
                "您有权随时撤回同意。"
                    + (purpose.WithdrawalZh.Length > 0 ? Sentence(purpose.WithdrawalZh) : "撤回同意可通过本规则所列联系方式提出。")
                    + "撤回同意后，我们将停止处理并删除您的人脸信息；撤回同意不影响撤回前基于您的同意已进行的处理活动的效力。");
        }

        var storage = purpose.Storage == DeclarationValues.StorageOnDevice
            ? "您的人脸信息仅存储于人脸识别设备内，不通过互联网对外传输。"
            // Enforced: every use of an off-device API needs a check of the Transfer scope on every path before it (FC0018).
            : $"经您单独同意，我们将通过互联网将您的人脸信息传输至{Or(purpose.TransferRecipientZh)}并在其服务器中存储。未经您单独同意，我们不会通过互联网对外传输您的人脸信息；每次传输前，我们均核验您的单独同意。"
            // Enforced: a purpose that declares a transfer abroad needs a check of the CrossBorder scope too (FC0018; PIPL Art. 39).
            + (purpose.TransferAbroad == Profiles.LawValues.CrossBorderNone ? "" : $"经您单独同意，我们将向位于{Or(purpose.TransferAbroadCountryZh)}的境外接收方{Or(purpose.TransferAbroadRecipientZh)}提供您的人脸信息，用于本规则所述的处理目的和处理方式，所依据的条件为{Profiles.CrossBorderMechanisms.Zh(purpose.TransferAbroad)}；您可以通过本规则所列的方式向我们或者该境外接收方行使本规则所述的权利。");
        // Enforced: a face image written to a persistent sink needs a check of the ImageRetention scope on every path before it (FC0014).
        yield return purpose.RetainsImages
            ? Section(NoticeElement.Storage, "存储地点及对外传输", storage,
                "我们会保存您的人脸图像本身，而不仅是从中提取的人脸特征。依照法律规定，保存人脸图像应当取得您的单独同意：每次保存前我们均核验该同意，您不同意的，我们不会保存您的人脸图像。")
            : Section(NoticeElement.Storage, "存储地点及对外传输", storage);
        if (purpose.MayInvolveMinors)
        {
            // Enforced: under consent, every use needs a guardian-aware consent check on every path before it (FC0017).
            yield return Section(NoticeElement.Minors, "不满十四周岁未成年人的人脸信息", consentBased
                ? new[]
                {
                    "不满十四周岁未成年人的个人信息属于敏感个人信息。处理不满十四周岁未成年人的人脸信息的，我们应当事先取得其父母或者其他监护人的同意；监护人应当在阅读本规则及" + MinorsRulesReference + "后作出同意。无法确认是否已满十四周岁的，我们不处理其人脸信息。",
                    "我们为此专门制定了" + MinorsRulesReference + "，载明监护人同意的范围以及监护人如何行使权利。",
                }
                : new[]
                {
                    "不满十四周岁未成年人的个人信息属于敏感个人信息。其父母或者其他监护人可以代为行使本规则所述权利。",
                    "我们为此专门制定了" + MinorsRulesReference + "，载明监护人如何行使权利。",
                });
        }

        if (purpose.Recipients.Count > 0)
        {
            yield return RecipientsSection(purpose.Recipients);
        }

        yield return ComplaintsSection(processor);
    }

    public override string Sign(ProcessorDeclaration processor, PurposeDeclaration purpose) => !IsPublicPlace(purpose) ? "" : string.Join("\n",
        "人脸识别提示",
        "您已进入人脸识别区域：" + Or(purpose.CollectionAreaZh),
        "个人信息处理者：" + Or(processor.Name),
        "处理目的：" + Sentence(purpose.DescriptionZh),
        IsPublicPlaceKind(purpose) ? "设置目的：维护公共安全。" : "设置依据：" + Or(purpose.PublicPlaceLawZh) + "。",
        "联系方式：" + Or(processor.Contact),
        "查阅完整的《人脸信息处理规则》：" + Or(processor.NoticeLocation));

    public override string MinorsRulesTitle => "不满十四周岁未成年人人脸信息处理规则";

    private const string MinorsRulesReference = "《不满十四周岁未成年人人脸信息处理规则》";

    public override string MinorsRulesIntroduction(PurposeDeclaration purpose) => IsConsentBased(purpose)
        ? "本规则是我们依照《中华人民共和国个人信息保护法》第三十一条，为处理不满十四周岁未成年人的人脸信息专门制定的处理规则，与《人脸信息处理规则》一并适用。请父母或者其他监护人在作出同意前仔细阅读本规则和《人脸信息处理规则》。"
        : "本规则是我们依照《中华人民共和国个人信息保护法》第三十一条，为处理不满十四周岁未成年人的人脸信息专门制定的处理规则，与《人脸信息处理规则》一并适用。请父母或者其他监护人仔细阅读本规则和《人脸信息处理规则》。";

    public override IEnumerable<NoticeSection> MinorsRulesSections(ProcessorDeclaration processor, PurposeDeclaration purpose)
    {
        if (!purpose.MayInvolveMinors)
        {
            yield break;
        }

        var consentBased = IsConsentBased(purpose);
        yield return ProcessorSection(processor);
        yield return Section(NoticeElement.Purpose, "适用范围",
            "本规则适用于我们为以下目的处理不满十四周岁未成年人的人脸信息：" + Sentence(purpose.DescriptionZh),
            "处理方式、保存期限、处理的个人信息种类、存储地点等事项，适用《人脸信息处理规则》的规定。");
        yield return consentBased
            ? Section(NoticeElement.Minors, "监护人的同意",
                "处理不满十四周岁未成年人的人脸信息的，我们应当事先取得其父母或者其他监护人的同意；监护人应当在阅读本规则和《人脸信息处理规则》后作出同意。无法确认是否已满十四周岁的，我们不处理其人脸信息。",
                "我们仅在监护人同意的范围内处理未成年人的人脸信息。")
            : Section(NoticeElement.Minors, "处理的法律依据",
                "我们处理不满十四周岁未成年人的人脸信息不以同意为依据，其法律依据见《人脸信息处理规则》。");
        yield return Section(NoticeElement.MinorsRules, "专门处理规则", Sentence(purpose.MinorsRulesZh));
        yield return Section(NoticeElement.Rights, "监护人的权利",
            consentBased
                ? "父母或者其他监护人可以代为行使《人脸信息处理规则》所述的各项权利，包括查阅、复制、更正、补充、删除未成年人的人脸信息；监护人可以随时撤回其作出的同意，撤回后我们将停止处理并删除该未成年人的人脸信息。"
                : "父母或者其他监护人可以代为行使《人脸信息处理规则》所述的各项权利，包括查阅、复制、更正、补充、删除未成年人的人脸信息。",
            "请通过以下联系方式提出请求：" + Or(processor.Contact) + "。");
        yield return ComplaintsSection(processor);
    }

    private static NoticeSection ProcessorSection(ProcessorDeclaration processor) => Section(NoticeElement.Processor, "个人信息处理者",
        "名称：" + Or(processor.Name),
        "联系方式：" + Or(processor.Contact));

    private static NoticeSection ComplaintsSection(ProcessorDeclaration processor)
    {
        var channel = Or(processor.ComplaintChannel.Length > 0 ? processor.ComplaintChannel : processor.Contact);
        return Section(NoticeElement.Complaints, "投诉、举报",
            $"您认为我们处理人脸信息的活动侵害您合法权益的，可以通过以下渠道投诉、举报：{channel}。您也可以向网信部门、公安机关等履行个人信息保护职责的部门投诉、举报。");
    }

    /// <summary>Element 5: what is kept how long. Face images are kept only when declared (FC0014 holds the rest to it); the records of Measures Art. 9 for at least 3 years.</summary>
    private static string[] RetentionTexts(PurposeDeclaration purpose)
    {
        var days = purpose.RetentionDays.ToString(CultureInfo.InvariantCulture);
        var kept = purpose.RetainsImages
            ? (KeepsTemplates(purpose) ? $"人脸图像和人脸特征自采集之日起保存，最长不超过{days}日。" : $"人脸图像自采集之日起保存，最长不超过{days}日。")
            : (KeepsTemplates(purpose)
                ? $"人脸图像在提取人脸特征后即时删除，不予保存。人脸特征自采集之日起保存，最长不超过{days}日。"
                : $"人脸图像在处理完成后即时删除，不予保存。其他人脸信息自采集之日起保存，最长不超过{days}日。");
        return new[]
        {
            kept,
            IsConsentBased(purpose)
                ? "保存期限届满、处理目的已经实现或者您撤回同意的，我们将及时删除您的人脸信息。"
                : "保存期限届满或者处理目的已经实现的，我们将及时删除您的人脸信息。",
            "我们对您人脸信息的每次处理" + (IsConsentBased(purpose) ? "以及您作出和撤回同意的情况" : "") + "均予以记录，记录中不含人脸图像和人脸特征；上述记录依法保存不少于三年。",
        };
    }

    /// <summary>Element 15 (PIPL Art. 23): each recipient's name, contact, purpose, method and categories, and the separate consent.</summary>
    private static NoticeSection RecipientsSection(EquatableArray<RecipientDeclaration> recipients)
    {
        var paragraphs = new List<string> { "我们将向以下其他个人信息处理者提供您的人脸信息。向其他个人信息处理者提供您的人脸信息，应当取得您的单独同意；我们将在提供前单独征求您的同意，您不同意的，我们不会向其提供。" };
        foreach (var recipient in recipients)
        {
            paragraphs.Add($"{Or(recipient.NameZh)}（联系方式：{Or(recipient.Contact)}）：处理目的：{Or(recipient.PurposeZh.TrimEnd('。', '；', '.'))}；处理方式：{MethodName(recipient.Method)}；提供的个人信息种类：{CategoryNames(recipient.DataCategories)}。");
        }

        paragraphs.Add("接收方应当在上述处理目的、处理方式和个人信息种类的范围内处理您的人脸信息；接收方变更原先的处理目的、处理方式的，应当依法重新取得您的同意。");
        return Section(NoticeElement.Recipients, "向其他个人信息处理者提供", paragraphs.ToArray());
    }

    private static string MethodName(int method) => method switch
    {
        ProcessingMethodTable.Detection => "人脸检测",
        ProcessingMethodTable.Liveness => "活体检测",
        ProcessingMethodTable.AttributeAnalysis => "人脸属性分析",
        ProcessingMethodTable.Verification => "人脸验证（1:1 比对）",
        ProcessingMethodTable.Identification => "人脸辨识（1:N 检索）",
        _ => Undeclared,
    };

    private static string CategoryNames(int categories) => Or(string.Join("、", DeclarationValues.FlagNames(categories, s_shortCategoryNames)));

    private static readonly (int Value, string Name)[] s_shortCategoryNames =
    {
        (DeclarationValues.CategoryFaceImage, "人脸图像"), (DeclarationValues.CategoryFaceTemplate, "人脸特征"),
        (DeclarationValues.CategoryLinkedIdentity, "关联身份信息"), (DeclarationValues.CategoryLivenessSignal, "活体检测信号"),
    };

    private static readonly string[] s_attributeNames =
    {
        "年龄段", "性别", "表情", "是否佩戴眼镜", "胡须", "头部姿态", "面部遮挡", "图像质量", "民族", "种族", "宗教信仰", "健康状况", "政治观点", "性取向", "工会会员身份", "哲学信仰", "性生活",
    };

    private static string MethodText(PurposeDeclaration purpose) => purpose.Method == ProcessingMethodTable.AttributeAnalysis && purpose.Attributes != 0
        ? "人脸属性分析：对人脸图像进行分析，以估计" + string.Join("、", AttributeNames(purpose.Attributes, s_attributeNames)) + "，不识别您的身份。"
        : MethodText(purpose.Method);

    /// <summary>Where the devices are: stated for a public place only, with the public-safety purpose or the law FC0015 requires.</summary>
    private static string SiteText(PurposeDeclaration purpose) => !IsPublicPlace(purpose) ? "" :
        "人脸识别设备设置于公共场所（" + Or(purpose.CollectionAreaZh) + "）"
            + (IsPublicPlaceKind(purpose) ? "，为维护公共安全所必需。" : "，其设置依据为" + Or(purpose.PublicPlaceLawZh) + "。");

    private static string BasisText(int basis) => basis switch
    {
        LawValues.BasisContractOrEmployment => "为订立、履行您作为一方当事人的合同所必需，或者按照依法制定的劳动规章制度和依法签订的集体合同实施人力资源管理所必需",
        LawValues.BasisLegalDuty => "为履行法定职责或者法定义务所必需",
        LawValues.BasisPublicHealthEmergency => "为应对突发公共卫生事件，或者紧急情况下为保护自然人的生命健康和财产安全所必需",
        LawValues.BasisNewsReporting => "为公共利益实施新闻报道、舆论监督等行为，在合理的范围内处理",
        LawValues.BasisPubliclyDisclosed => "在合理的范围内处理您自行公开或者其他已经合法公开的个人信息",
        LawValues.BasisOtherLaw => "法律、行政法规规定的其他情形",
        _ => "法律依据" + Undeclared,
    };

    private static string MethodText(int method) => method switch
    {
        ProcessingMethodTable.Detection => "人脸检测：仅检测画面中是否有人脸及人脸所在位置，不提取人脸特征，不识别您的身份。",
        ProcessingMethodTable.Liveness => "活体检测：仅判断镜头前是否为真实在场的人，不识别您的身份。",
        ProcessingMethodTable.AttributeAnalysis => "人脸属性分析：对人脸图像的属性进行分析，不识别您的身份。",
        ProcessingMethodTable.Verification => "人脸验证（1:1 比对）：从现场采集的人脸图像中提取人脸特征，与您本人事先登记的人脸特征进行比对，以验证是否为您本人。",
        ProcessingMethodTable.Identification => "人脸辨识（1:N 检索）：从现场采集的人脸图像中提取人脸特征，在全部已登记人员的人脸特征中进行检索比对，以辨识您的身份。",
        _ => "处理方式" + Undeclared + "。",
    };

    private static string PlaceText(int storage) => storage == DeclarationValues.StorageOnDevice
        ? "上述处理由人脸识别设备在本地自动完成。"
        : "上述处理由我们的服务器自动完成。";

    private static string CategoriesText(int categories)
    {
        var names = new List<string>();
        if (Has(categories, DeclarationValues.CategoryFaceImage))
        {
            names.Add("人脸图像");
        }

        if (Has(categories, DeclarationValues.CategoryFaceTemplate))
        {
            names.Add("人脸特征（从人脸图像中提取、用于比对的数据）");
        }

        if (Has(categories, DeclarationValues.CategoryLinkedIdentity))
        {
            names.Add("与人脸信息关联的身份信息（如姓名、房号、卡号）");
        }

        if (Has(categories, DeclarationValues.CategoryLivenessSignal))
        {
            names.Add("活体检测信号（如深度、动作、纹理信息）");
        }

        return names.Count == 0
            ? "处理的个人信息种类" + Undeclared + "。"
            : "我们处理以下个人信息：" + string.Join("；", names) + "。人脸信息属于敏感个人信息。";
    }

    private static string Or(string value) => value.Length > 0 ? value : Undeclared;

    /// <summary>A declared text as a complete sentence: ends with Chinese full-stop punctuation.</summary>
    private static string Sentence(string value)
    {
        if (value.Length == 0)
        {
            return Undeclared;
        }

        var last = value[value.Length - 1];
        return last is '。' or '！' or '？' or '；' ? value : value.TrimEnd('.', ' ') + "。";
    }
}
