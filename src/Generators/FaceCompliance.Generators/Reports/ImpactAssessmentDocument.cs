using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using FaceCompliance.Filing;
using FaceCompliance.Generators.Model;
using FaceCompliance.Notice;
using FaceCompliance.Profiles;

namespace FaceCompliance.Generators.Reports;

/// <summary>
/// pipia.md: the personal information protection impact assessment report skeleton, in Chinese only (the filed
/// report), dated and done before processing (Measures Art. 9; PIPL Arts. 55-56): the four topics of Art. 9, then
/// entrusted processing, provision to others, cross-border provision (PIPL Art. 55 (3)-(4)), the public-place
/// justification (Art. 13), the classified-protection question (Art. 14) and the re-assessment triggers, pre-filled
/// from the declarations; every judgement people must make is marked 【待填写】.
/// </summary>
internal static class ImpactAssessmentDocument
{
    public static string Write(AssemblySpec spec)
    {
        var processor = spec.Processor;
        var facts = FilingDocument.Facts(spec);
        var gap = ReportWriter.GapZh;
        var document = new StringBuilder()
            .Append("# 个人信息保护影响评估报告（草稿）\n\n")
            .Append("本报告由 FaceCompliance 根据代码中的声明生成，是依照《人脸识别技术应用安全管理办法》第九条和《中华人民共和国个人信息保护法》第五十五条、第五十六条开展个人信息保护影响评估的报告草稿。")
            .Append("本评估在处理人脸信息之前进行（事前评估），评估完成之前不得开始处理。标注").Append(gap).Append("之处须由评估人员判断并填写。")
            .Append("本报告和处理情况记录应当至少保存三年。\n\n")
            .Append("- 个人信息处理者：").Append(NoticeRenderer.Escape(processor.Name)).Append('\n')
            .Append("- 联系方式：").Append(NoticeRenderer.Escape(processor.Contact)).Append('\n')
            .Append("- 评估编号：").Append(processor.ImpactAssessmentReference.Length > 0 ? NoticeRenderer.Escape(processor.ImpactAssessmentReference) : gap).Append('\n')
            .Append("- 评估完成日期：").Append(gap).Append("（应当早于开始处理人脸信息之日）\n")
            .Append("- 开始处理人脸信息日期：").Append(gap).Append('\n')
            .Append("- 评估人员：").Append(gap).Append('\n');

        document.Append("\n## 一、处理目的、处理方式是否合法、正当、必要\n");
        foreach (var d in facts.Purposes)
        {
            document.Append("\n### `").Append(d.Id).Append("`\n\n")
                .Append("- 处理目的：").Append(NoticeRenderer.Escape(d.DescriptionZh)).Append('\n')
                .Append("- 处理方式：").Append(FilingLabels.Zh(FilingLabels.Methods, d.Method)).Append('\n')
                .Append("- 存储方式：").Append(FilingLabels.Zh(FilingLabels.Storages, d.Storage)).Append('\n')
                .Append("- 部署场所（《办法》第十三条）：").Append(SiteText(d)).Append('\n')
                .Append(d.Method == Methods.ProcessingMethodTable.AttributeAnalysis ? "- 估计的人脸属性：" + Labels(d.Attributes, FilingLabels.Attributes) + "\n" : "")
                .Append("- 处理的合法性基础：").Append(FilingLabels.Zh(FilingLabels.Bases, d.LegalBasis))
                .Append(d.LegalBasisLawZh.Length > 0 ? "（" + NoticeRenderer.Escape(d.LegalBasisLawZh) + "）" : "").Append('\n')
                .Append("- 必要性：").Append(NoticeRenderer.Escape(d.NecessityZh)).Append('\n')
                .Append("- 其他合理、便捷的方式：").Append(d.AlternativeZh.Length > 0 ? NoticeRenderer.Escape(d.AlternativeZh) : gap).Append('\n')
                .Append("- 该方式是否与人脸识别同样合理、便捷（《办法》第十条第二款）：").Append(gap).Append('\n')
                .Append("- 是否考虑通过国家人口基础信息库、国家网络身份认证公共服务等渠道实施（《办法》第十一条）：").Append(gap).Append('\n')
                .Append("- 评估结论：").Append(gap).Append('\n');
        }

        document.Append("\n## 二、对个人权益的影响及降低不利影响的措施是否有效\n");
        foreach (var d in facts.Purposes)
        {
            document.Append("\n### `").Append(d.Id).Append("`\n\n")
                .Append("- 对个人权益的影响：").Append(NoticeRenderer.Escape(d.ImpactZh)).Append('\n')
                .Append("- 不满十四周岁未成年人：").Append(d.MayInvolveMinors ? "可能涉及，事先取得其父母或者其他监护人的同意（《办法》第七条）" : "未声明涉及").Append('\n')
                .Append("- 告知：《人脸信息处理规则》版本 `").Append(d.NoticeVersion).Append("`，见 notice.zh-CN.md\n")
                .Append("- 措施是否有效：").Append(gap).Append('\n');
        }

        document.Append("\n## 三、人脸信息泄露、篡改、丢失、毁损或者被非法获取、出售、使用的风险和可能造成的危害\n\n");
        foreach (var d in facts.Purposes)
        {
            document.Append("- `").Append(d.Id).Append("`：处理").Append(d.DataCategories != 0 ? Labels(d.DataCategories, FilingLabels.Categories) : "（未声明个人信息种类）")
                .Append("；").Append(FilingLabels.Zh(FilingLabels.Storages, d.Storage))
                .Append("；").Append(d.RetainsImages ? "经个人单独同意保存人脸图像" : "人脸图像在提取人脸特征后即时删除，不予保存")
                .Append("；最长保存").Append(d.RetentionDays.ToString(CultureInfo.InvariantCulture)).Append("日\n");
        }

        document.Append("- 风险分析和危害评估：").Append(gap).Append('\n');

        var measures = Labels(processor.SecurityMeasures, FilingLabels.SecurityMeasures);
        document.Append("\n## 四、所采取的保护措施是否合法、有效并与风险程度相适应\n\n")
            .Append("- 已声明的安全保护措施（《办法》第十四条）：").Append(measures.Length > 0 ? measures : gap).Append('\n')
            .Append("- 各项措施是否确已实施：").Append(gap).Append('\n')
            .Append("- 评估结论：").Append(gap).Append('\n');

        AppendEntrusted(document, facts.Purposes);
        AppendProvision(document, facts.Purposes);
        AppendCrossBorder(document, facts.Purposes);
        AppendPublicPlaces(document, facts.Purposes);

        document.Append("\n## 九、网络安全等级保护和关键信息基础设施\n\n")
            .Append("- 人脸识别系统是否属于网络安全等级保护对象及其保护等级，是否已完成定级备案和等级测评（《办法》第十四条）：").Append(gap).Append('\n')
            .Append("- 是否属于关键信息基础设施，如属于，所履行的保护义务：").Append(gap).Append('\n');

        AppendResolvedConflicts(document, spec);

        document.Append("\n## 十、重新评估的情形\n\n")
            .Append("有下列情形之一的，应当重新开展个人信息保护影响评估（《办法》第九条）：\n\n")
            .Append("1. 处理目的、处理方式发生变化的，包括存储方式、保存期限、处理的个人信息种类或者接收方的变化（本报告所依据的规则版本：")
            .Append(string.Join("、", facts.Purposes.Select(p => "`" + p.Id + "` `" + p.NoticeVersion + "`")))
            .Append("；规则版本变化即表明告知事项已变化，应当审查是否须重新评估）；\n")
            .Append("2. 发生重大网络安全事件或者人脸信息安全事件的。\n");
        return document.ToString();
    }

    /// <summary>
    /// The conflicts between the declared jurisdictions that a <c>[ProfileConflictResolution]</c> resolves (FC0102), with
    /// its justification, as the attribute promises; nothing when no purpose has one.
    /// </summary>
    private static void AppendResolvedConflicts(StringBuilder document, AssemblySpec spec)
    {
        var lines = spec.Purposes
            .SelectMany(p => spec.Jurisdictions.ResolutionsFor(p.Declaration).Select(r => (p.Declaration.Id, r)))
            .ToList();
        if (lines.Count == 0)
        {
            return;
        }

        document.Append("\n## 九之一、多法域要求冲突的处理（ProfileConflictResolution）\n\n");
        foreach (var (id, resolution) in lines)
        {
            document.Append("- `").Append(id).Append("`：冲突 `").Append(resolution.Rule).Append("`，处理理由：")
                .Append(NoticeRenderer.Escape(resolution.Justification)).Append('\n');
        }

        document.Append("- 该处理是否合法、充分：").Append(ReportWriter.GapZh).Append('\n');
    }

    private static void AppendEntrusted(StringBuilder document, IReadOnlyList<FilingPurpose> purposes)
    {
        var gap = ReportWriter.GapZh;
        document.Append("\n## 五、委托处理\n\n");
        foreach (var d in purposes.Where(p => p.Storage != 0))
        {
            document.Append("- `").Append(d.Id).Append("`：人脸信息传输至").Append(d.TransferRecipientZh.Length > 0 ? NoticeRenderer.Escape(d.TransferRecipientZh) : gap)
                .Append("存储；该接收方是否为受托人：").Append(gap).Append('\n');
        }

        document.Append("- 是否委托他人处理人脸信息；委托的，受托人名称、委托处理的目的、期限、处理方式、个人信息种类、保护措施及双方的权利义务，以及对受托人的监督措施（《个人信息保护法》第二十一条、第五十五条第三项）：").Append(gap).Append('\n');
    }

    private static void AppendProvision(StringBuilder document, IReadOnlyList<FilingPurpose> purposes)
    {
        document.Append("\n## 六、向其他个人信息处理者提供\n\n");
        var any = false;
        foreach (var d in purposes.Where(p => p.Recipients.Count > 0))
        {
            any = true;
            document.Append("- `").Append(d.Id).Append("` 向下列接收方提供人脸信息，并就此取得个人的单独同意（《个人信息保护法》第二十三条）：\n");
            foreach (var r in d.Recipients)
            {
                document.Append("  - ").Append(NoticeRenderer.Escape(r.NameZh)).Append("（").Append(NoticeRenderer.Escape(r.Contact)).Append("）：")
                    .Append(NoticeRenderer.Escape(r.PurposeZh)).Append("；").Append(FilingLabels.Zh(FilingLabels.Methods, r.Method))
                    .Append("；").Append(r.DataCategories != 0 ? Labels(r.DataCategories, FilingLabels.Categories) : "（未声明个人信息种类）").Append('\n');
            }
        }

        if (any)
        {
            document.Append("- 提供的合法性、必要性及接收方的安全保护能力（《个人信息保护法》第五十五条第三项）：").Append(ReportWriter.GapZh).Append('\n');
        }
        else
        {
            document.Append("代码未声明向其他个人信息处理者提供人脸信息。\n");
        }
    }

    private static void AppendCrossBorder(StringBuilder document, IReadOnlyList<FilingPurpose> purposes)
    {
        document.Append("\n## 七、向境外提供\n\n");
        var abroad = purposes.Where(p => LawValues.IsCrossBorderMechanism(p.TransferAbroad)).ToList();
        if (abroad.Count == 0)
        {
            document.Append("代码未声明向中华人民共和国境外提供人脸信息。需要向境外提供的，应当在声明中列明所依据的条件、境外接收方及其所在国家或者地区（《个人信息保护法》第三十八条、第三十九条），并重新评估（第五十五条第四项）。\n");
            return;
        }

        foreach (var d in abroad)
        {
            document.Append("- `").Append(d.Id).Append("`：经个人单独同意，向位于").Append(NoticeRenderer.Escape(d.TransferAbroadCountryZh)).Append("的境外接收方")
                .Append(NoticeRenderer.Escape(d.TransferAbroadRecipientZh)).Append("提供人脸信息；所依据的条件：").Append(CrossBorderMechanisms.Zh(d.TransferAbroad)).Append('\n');
        }

        document.Append("- 向境外提供的必要性，境外接收方所在国家或者地区的个人信息保护政策和法规对个人信息安全的影响，境外接收方的处理活动达到《个人信息保护法》规定的保护标准的措施（第三十八条第三款、第五十五条第四项）：").Append(ReportWriter.GapZh).Append('\n')
            .Append("- 依所依据的条件完成的安全评估、认证或者标准合同备案的编号及日期：").Append(ReportWriter.GapZh).Append('\n');
    }

    private static void AppendPublicPlaces(StringBuilder document, IReadOnlyList<FilingPurpose> purposes)
    {
        var gap = ReportWriter.GapZh;
        document.Append("\n## 八、在公共场所使用的理由\n\n");
        var inPublic = purposes.Where(p => p.Site == LawValues.SitePublicPlace).ToList();
        if (inPublic.Count == 0)
        {
            document.Append("各处理目的均未声明在公共场所安装人脸识别设备。\n");
            return;
        }

        foreach (var d in inPublic)
        {
            document.Append("- `").Append(d.Id).Append("`：").Append(SiteText(d)).Append('\n');
        }

        document.Append("- 为维护公共安全所必需的理由，采集区域是否合理确定，显著提示标识的设置位置（《办法》第十三条；《个人信息保护法》第二十六条）：").Append(gap).Append('\n');
    }

    private static string Labels(int flags, (int Value, string Zh, string En)[] table) => string.Join("、", FilingLabels.Flags(flags, table).Select(e => e.Zh));

    private static string SiteText(FilingPurpose d)
    {
        var site = FilingLabels.Zh(FilingLabels.Sites, d.Site);
        if (d.Site != LawValues.SitePublicPlace)
        {
            return site;
        }

        var law = d.PublicPlaceLawZh.Length > 0 ? "；所依据的法律、行政法规：" + NoticeRenderer.Escape(d.PublicPlaceLawZh) : "";
        return site + "（采集区域：" + NoticeRenderer.Escape(d.CollectionAreaZh) + "），目的类型：" + FilingLabels.Zh(FilingLabels.Kinds, d.Kind) + law;
    }
}
