using System.Collections.Generic;
using System.Linq;

namespace FaceCompliance.Filing;

/// <summary>
/// filing.json: the 人脸识别技术应用情况备案表 (Measures Art. 15; REGULATION.md §5) in its headings ① processor basics,
/// ② purposes and methods, ③ number of people stored, ④ security measures, ⑤ processing rules and operating procedures,
/// ⑥ impact assessment, with the competent authority, the 30-working-day deadline and the date. Every field has a
/// Chinese label and a Chinese value, followed by the English name of the field with the English value (or the enum
/// member name). The one writer of the form: the generator writes the first filing at build time (count and date
/// null, listed under 待补充事项), the runtime (<c>FilingExport</c>) a filing with the real count, a change filing and
/// the cancellation filing.
/// </summary>
internal static class FilingWriter
{
    public const string Form = "人脸识别技术应用情况备案表";
    public const string LegalBasisZh = "《人脸识别技术应用安全管理办法》（国家互联网信息办公室、公安部令第19号，2025年6月1日起施行）第十五条";
    public const string LegalBasisEn = "Measures for the Security Management of the Application of Facial Recognition Technology (CAC and MPS Order No. 19, in force 2025-06-01), Art. 15";
    public const string AuthorityZh = "个人信息处理者所在地省级以上网信部门";
    public const string AuthorityEn = "The cyberspace administration at provincial level or above where the processor is located";
    public const string SystemZh = "个人信息保护业务系统（https://grxxbh.cacdtsc.cn），网上备案";
    public const string SystemEn = "Online, through the personal information protection system (https://grxxbh.cacdtsc.cn)";

    /// <summary>The file the operating procedures (操作规程) template is written to.</summary>
    public const string OperatingProceduresFile = "operating-procedures.md";

    /// <summary>The file the authorisation letter (授权委托书) template is written to.</summary>
    public const string AuthorisationLetterFile = "authorisation-letter.md";

    /// <summary>The file the commitment letter (承诺书) template is written to.</summary>
    public const string CommitmentLetterFile = "commitment-letter.md";

    public static string Write(FilingFacts facts, FilingOccasion occasion, int filingThreshold)
    {
        var processor = facts.Processor;
        var toCompleteZh = new List<string>();
        var toCompleteEn = new List<string>();
        var json = new JsonWriter().StartObject()
            .String("备案表", Form)
            .String("form", "Facial recognition technology application filing form")
            .String("备案类型", KindZh(occasion.Kind))
            .String("filingType", occasion.Kind.ToString())
            .String("法律依据", LegalBasisZh)
            .String("legalBasis", LegalBasisEn)
            .String("受理机关", AuthorityZh)
            .String("authority", AuthorityEn)
            .String("备案方式", SystemZh)
            .String("filingSystem", SystemEn)
            .String("备案时限", DeadlineZh(occasion.Kind, filingThreshold))
            .String("deadlineRule", DeadlineEn(occasion.Kind, filingThreshold))
            .String(occasion.Kind == FilingKind.Cancellation ? "停止使用日期" : "达到备案数量之日", occasion.Kind == FilingKind.Cancellation ? occasion.StoppedOn : occasion.ThresholdReachedOn)
            .String(occasion.Kind == FilingKind.Cancellation ? "stoppedOn" : "thresholdReachedOn", occasion.Kind == FilingKind.Cancellation ? occasion.StoppedOn : occasion.ThresholdReachedOn)
            .String("备案截止日期", occasion.Deadline)
            .String("deadline", occasion.Deadline)
            .String("填报日期", occasion.Date)
            .String("date", occasion.Date)
            .String("生成工具", occasion.Tool)
            .String("generatedBy", occasion.Tool);
        if (occasion.Date is null)
        {
            toCompleteZh.Add("填报日期：提交备案之日。");
            toCompleteEn.Add("date: the day the filing is submitted.");
        }

        json.StartObject("个人信息处理者基本情况")
            .String("名称", processor.Name)
            .String("name", processor.NameEn)
            .String("联系方式", processor.Contact)
            .String("contact", processor.Contact)
            .String("投诉、举报渠道", processor.ComplaintChannel.Length > 0 ? processor.ComplaintChannel : processor.Contact)
            .String("complaintChannel", processor.ComplaintChannelEn.Length > 0 ? processor.ComplaintChannelEn : processor.Contact)
            .Null("统一社会信用代码").Null("unifiedSocialCreditCode")
            .Null("住所").Null("address")
            .Null("法定代表人或者主要负责人").Null("legalRepresentative")
            .Null("备案经办人").Null("filingHandler")
            .EndObject();
        toCompleteZh.Add("个人信息处理者基本情况：统一社会信用代码、住所、法定代表人或者主要负责人、备案经办人（《个人信息处理者基本情况表》）。");
        toCompleteEn.Add("processor: unified social credit code, address, legal representative or person in charge, and the person handling the filing (the processor basics form).");

        json.StartArray("处理目的和处理方式");
        foreach (var purpose in facts.Purposes)
        {
            WritePurpose(json, purpose);
        }

        json.EndArray();
        if (occasion.Kind == FilingKind.Cancellation)
        {
            json.Number("停止使用前存储人脸信息的人数", occasion.PeopleStored)
                .Number("peopleStoredBeforeDeletion", occasion.PeopleStored)
                .Number("删除后仍存储人脸信息的人数", occasion.PeopleStoredAfterDeletion)
                .Number("peopleStoredAfterDeletion", occasion.PeopleStoredAfterDeletion)
                .String("人脸信息处置情况", DisposalZh(occasion.PeopleStoredAfterDeletion))
                .String("disposal", DisposalEn(occasion.PeopleStoredAfterDeletion));
        }
        else
        {
            json.Number("存储人脸信息的人数", occasion.PeopleStored)
                .Number("numberOfPeopleStored", occasion.PeopleStored);
            if (occasion.PeopleStored is null)
            {
                toCompleteZh.Add("存储人脸信息的人数：各场景合并去重后当前存储人脸信息的自然人数量（运行时 FilingExport 导出时填入）。");
                toCompleteEn.Add("numberOfPeopleStored: the number of distinct people whose face information is stored now, across all scenarios (the runtime's FilingExport fills it in).");
            }
        }

        json.Number("备案数量标准", filingThreshold)
            .Number("filingThreshold", filingThreshold);

        json.StartArray("安全保护措施");
        foreach (var measure in FilingLabels.Flags(processor.SecurityMeasures, FilingLabels.SecurityMeasures))
        {
            json.String(null, measure.Zh);
        }

        json.EndArray().StartArray("securityMeasures");
        foreach (var measure in FilingLabels.Flags(processor.SecurityMeasures, FilingLabels.SecurityMeasures))
        {
            json.String(null, measure.En);
        }

        json.EndArray()
            .Null("网络安全等级保护或者关键信息基础设施情况")
            .Null("classifiedProtectionOrCriticalInfrastructure");
        if (processor.SecurityMeasures == 0)
        {
            toCompleteZh.Add("安全保护措施：未声明；请设置 FacialDataProcessor.SecurityMeasures（《办法》第十四条）。");
            toCompleteEn.Add("securityMeasures: none declared; set FacialDataProcessor.SecurityMeasures (Measures Art. 14).");
        }

        toCompleteZh.Add("安全保护措施：逐项核实已声明的措施确已实施；填写系统是否属于网络安全等级保护对象（及其级别）或者关键信息基础设施（《办法》第十四条）。");
        toCompleteEn.Add("securityMeasures: confirm that each declared measure is in place; state whether the system is subject to classified protection (and its level) or is critical information infrastructure (Measures Art. 14).");

        json.StartObject("处理规则和操作规程")
            .String("人脸信息处理规则", "notice.zh-CN.md")
            .String("processingRules", "notice.en.md")
            .String("操作规程", OperatingProceduresFile)
            .String("operatingProcedures", OperatingProceduresFile)
            .EndObject()
            .StartObject("个人信息保护影响评估报告")
            .String("报告", "pipia.md")
            .String("report", "pipia.md")
            .String("评估编号及日期", processor.ImpactAssessmentReference.Length > 0 ? processor.ImpactAssessmentReference : null)
            .String("reference", processor.ImpactAssessmentReference.Length > 0 ? processor.ImpactAssessmentReference : null)
            .EndObject();
        if (processor.ImpactAssessmentReference.Length == 0)
        {
            toCompleteZh.Add("个人信息保护影响评估报告：已完成的评估的编号及日期；请设置 FacialDataProcessor.ImpactAssessmentReference（《办法》第九条）。");
            toCompleteEn.Add("impactAssessment.reference: the number and date of the completed impact assessment; set FacialDataProcessor.ImpactAssessmentReference (Measures Art. 9).");
        }

        json.StartArray("其他材料")
            .String(null, "统一社会信用代码证书扫描件（加盖公章）")
            .String(null, "法定代表人或者主要负责人身份证件扫描件")
            .String(null, "备案经办人身份证件扫描件")
            .String(null, "授权委托书（加盖公章；模板见 " + AuthorisationLetterFile + "）")
            .String(null, "承诺书（加盖公章；模板见 " + CommitmentLetterFile + "）")
            .EndArray()
            .StartArray("otherMaterials")
            .String(null, "Scan of the unified social credit code certificate (stamped)")
            .String(null, "Scan of the ID of the legal representative or person in charge")
            .String(null, "Scan of the ID of the person handling the filing")
            .String(null, "Authorisation letter (stamped; template in " + AuthorisationLetterFile + ")")
            .String(null, "Commitment letter (stamped; template in " + CommitmentLetterFile + ")")
            .EndArray();

        if (occasion.Kind == FilingKind.Change)
        {
            var changes = occasion.Changes ?? new List<FilingChange>();
            json.StartArray("变更事项");
            foreach (var change in changes)
            {
                json.StartObject().String("项目", change.Item).String("变更前", change.Before).String("变更后", change.After).EndObject();
            }

            json.EndArray().Number("changeCount", changes.Count);
        }

        json.StartArray("待补充事项");
        foreach (var item in toCompleteZh)
        {
            json.String(null, item);
        }

        json.EndArray().StartArray("toComplete");
        foreach (var item in toCompleteEn)
        {
            json.String(null, item);
        }

        return json.EndArray().EndObject().ToString();
    }

    private static void WritePurpose(JsonWriter json, FilingPurpose purpose)
    {
        var offDevice = purpose.Storage != 0;
        var publicPlace = purpose.Site == Profiles.LawValues.SitePublicPlace;
        var abroad = Profiles.LawValues.IsCrossBorderMechanism(purpose.TransferAbroad);
        json.StartObject()
            .String("标识", purpose.Id)
            .String("id", purpose.Id)
            .String("处理目的", purpose.DescriptionZh)
            .String("purpose", purpose.DescriptionEn)
            .String("处理方式", FilingLabels.Zh(FilingLabels.Methods, purpose.Method))
            .String("method", FilingLabels.En(FilingLabels.Methods, purpose.Method))
            .String("处理的必要性", purpose.NecessityZh)
            .String("necessity", purpose.NecessityEn)
            .String("对个人权益的影响", purpose.ImpactZh)
            .String("impact", purpose.ImpactEn)
            .String("其他合理、便捷的方式", Optional(purpose.AlternativeZh))
            .String("alternative", Optional(purpose.AlternativeEn))
            .String("处理的合法性基础", FilingLabels.Zh(FilingLabels.Bases, purpose.LegalBasis))
            .String("legalBasis", FilingLabels.En(FilingLabels.Bases, purpose.LegalBasis))
            .String("所依据的法律、行政法规或者合同", Optional(purpose.LegalBasisLawZh))
            .String("legalBasisLaw", Optional(purpose.LegalBasisLawEn))
            .String("存储方式", FilingLabels.Zh(FilingLabels.Storages, purpose.Storage))
            .String("storage", FilingLabels.En(FilingLabels.Storages, purpose.Storage))
            .String("是否通过互联网对外传输", offDevice ? "是" : "否")
            .Boolean("internetTransfer", offDevice)
            .String("传输接收方及所在地", offDevice ? Optional(purpose.TransferRecipientZh) : null)
            .String("transferRecipient", offDevice ? Optional(purpose.TransferRecipientEn) : null)
            .String("是否向境外提供", abroad ? "是" : "否")
            .Boolean("transferAbroad", abroad)
            .String("向境外提供所依据的条件", abroad ? Profiles.CrossBorderMechanisms.Zh(purpose.TransferAbroad) : null)
            .String("transferAbroadMechanism", abroad ? Profiles.CrossBorderMechanisms.Labels[purpose.TransferAbroad].En : null)
            .String("境外接收方", abroad ? Optional(purpose.TransferAbroadRecipientZh) : null)
            .String("transferAbroadRecipient", abroad ? Optional(purpose.TransferAbroadRecipientEn) : null)
            .String("境外接收方所在国家或者地区", abroad ? Optional(purpose.TransferAbroadCountryZh) : null)
            .String("transferAbroadCountry", abroad ? Optional(purpose.TransferAbroadCountryEn) : null)
            .Number("保存期限（日）", purpose.RetentionDays)
            .Number("retentionDays", purpose.RetentionDays)
            .String("是否保存人脸图像", purpose.RetainsImages ? "是（经个人单独同意）" : "否，提取人脸特征后即时删除")
            .Boolean("retainsImages", purpose.RetainsImages)
            .String("是否处理不满十四周岁未成年人的人脸信息", purpose.MayInvolveMinors ? "可能涉及，事先取得其父母或者其他监护人的同意" : "否")
            .Boolean("mayInvolveMinors", purpose.MayInvolveMinors);
        FlagArrays(json, "处理的个人信息种类", "dataCategories", purpose.DataCategories, FilingLabels.Categories);
        json.String("部署场所", FilingLabels.Zh(FilingLabels.Sites, purpose.Site))
            .String("site", FilingLabels.En(FilingLabels.Sites, purpose.Site))
            .Boolean("publicPlace", publicPlace)
            .String("图像采集区域", publicPlace ? Optional(purpose.CollectionAreaZh) : null)
            .String("collectionArea", publicPlace ? Optional(purpose.CollectionAreaEn) : null)
            .String("目的类型", FilingLabels.Zh(FilingLabels.Kinds, purpose.Kind))
            .String("purposeKind", FilingLabels.En(FilingLabels.Kinds, purpose.Kind))
            .String("公共场所使用的法律依据", Optional(purpose.PublicPlaceLawZh))
            .String("publicPlaceLaw", Optional(purpose.PublicPlaceLawEn));
        FlagArrays(json, "估计的人脸属性", "attributesEstimated", purpose.Attributes, FilingLabels.Attributes);
        json.StartArray("向其他个人信息处理者提供");
        foreach (var recipient in purpose.Recipients)
        {
            json.StartObject()
                .String("标识", recipient.Id)
                .String("id", recipient.Id)
                .String("接收方名称", recipient.NameZh)
                .String("name", recipient.NameEn)
                .String("联系方式", recipient.Contact)
                .String("contact", recipient.Contact)
                .String("处理目的", recipient.PurposeZh)
                .String("purpose", recipient.PurposeEn)
                .String("处理方式", FilingLabels.Zh(FilingLabels.Methods, recipient.Method))
                .String("method", FilingLabels.En(FilingLabels.Methods, recipient.Method));
            FlagArrays(json, "个人信息种类", "dataCategories", recipient.DataCategories, FilingLabels.Categories);
            json.EndObject();
        }

        json.EndArray()
            .Number("recipientCount", purpose.Recipients.Count)
            .String("人脸信息处理规则版本", purpose.NoticeVersion)
            .String("noticeVersion", purpose.NoticeVersion)
            .EndObject();
    }

    private static void FlagArrays(JsonWriter json, string zhName, string enName, int flags, (int Value, string Zh, string En)[] table)
    {
        var set = FilingLabels.Flags(flags, table).ToList();
        json.StartArray(zhName);
        foreach (var entry in set)
        {
            json.String(null, entry.Zh);
        }

        json.EndArray().StartArray(enName);
        foreach (var entry in set)
        {
            json.String(null, entry.En);
        }

        json.EndArray();
    }

    private static string? Optional(string text) => text.Length > 0 ? text : null;

    private static string KindZh(FilingKind kind) => kind switch
    {
        FilingKind.Change => "变更备案",
        FilingKind.Cancellation => "注销备案",
        _ => "首次备案",
    };

    private static string DeadlineZh(FilingKind kind, int threshold) => kind switch
    {
        FilingKind.Change => "备案信息发生重大变更的，自变更之日起30个工作日内办理变更手续",
        FilingKind.Cancellation => "停止使用人脸识别技术的，自停止使用之日起30个工作日内办理注销备案手续，并依法处理所存储的人脸信息",
        _ => "存储人脸信息数量达到" + ThresholdZh(threshold) + "人的，自达到之日起30个工作日内办理备案手续",
    };

    private static string DeadlineEn(FilingKind kind, int threshold) => kind switch
    {
        FilingKind.Change => "Within 30 working days of a material change to the filed information",
        FilingKind.Cancellation => "Within 30 working days of stopping the use of facial recognition technology, and the face information stored is dealt with as the law requires",
        _ => "Within 30 working days from the day the face information of " + threshold.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) + " people is stored",
    };

    /// <summary>The filing threshold as the Measures write it: 10万 for 100,000.</summary>
    public static string ThresholdZh(int threshold) => threshold % 10000 == 0
        ? (threshold / 10000).ToString(System.Globalization.CultureInfo.InvariantCulture) + "万"
        : threshold.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string DisposalZh(int? remaining) => remaining switch
    {
        null => "【待填写】所存储人脸信息的删除情况",
        0 => "已依照《中华人民共和国个人信息保护法》第四十七条删除所存储的全部人脸信息，删除操作已记入审计记录。",
        _ => "已删除部分人脸信息；其余人脸信息因法律、行政法规规定的保存期限未届满或者删除在技术上难以实现，已停止除存储和采取必要的安全保护措施之外的处理（《中华人民共和国个人信息保护法》第四十七条第二款）。",
    };

    private static string DisposalEn(int? remaining) => remaining switch
    {
        null => "[TO COMPLETE] how the stored face information was deleted",
        0 => "All stored face information was deleted (PIPL Art. 47); each deletion is in the audit records.",
        _ => "Part of the face information was deleted; the rest, which a legal retention period still covers or which cannot technically be deleted, is only stored and protected (PIPL Art. 47 §2).",
    };
}
