using System.Globalization;
using System.Text;
using FaceCompliance.Filing;
using FaceCompliance.Generators.Model;
using FaceCompliance.Notice;

namespace FaceCompliance.Generators.Reports;

/// <summary>
/// The filing materials people complete and stamp (REGULATION.md §5, materials 7 and 8, and heading ⑤ of Art. 15):
/// the operating procedures (操作规程), pre-filled from the declarations, the authorisation letter (授权委托书) and the
/// commitment letter (承诺书). In Chinese, the language they are filed in; gaps are marked 【待填写】.
/// </summary>
internal static class FilingTemplates
{
    public static string OperatingProcedures(AssemblySpec spec)
    {
        var gap = ReportWriter.GapZh;
        var name = NoticeRenderer.Escape(spec.Processor.Name);
        var facts = FilingDocument.Facts(spec);
        var document = new StringBuilder()
            .Append("# 人脸识别技术应用操作规程（草稿）\n\n")
            .Append("本规程由 FaceCompliance 根据代码中的声明生成，作为人脸识别技术应用备案材料中的操作规程（《人脸识别技术应用安全管理办法》第十五条）。")
            .Append("标注").Append(gap).Append("之处由").Append(name).Append("根据实际情况填写，经审定后发布施行。\n\n")
            .Append("## 一、适用范围\n\n")
            .Append("本规程适用于").Append(name).Append("为下列处理目的应用人脸识别技术处理人脸信息的活动：\n\n");
        foreach (var purpose in facts.Purposes)
        {
            document.Append("- `").Append(purpose.Id).Append("`：").Append(NoticeRenderer.Escape(purpose.DescriptionZh))
                .Append("（").Append(FilingLabels.Zh(FilingLabels.Methods, purpose.Method)).Append("；")
                .Append(FilingLabels.Zh(FilingLabels.Sites, purpose.Site)).Append("）\n");
        }

        document.Append("\n## 二、职责分工\n\n")
            .Append("- 个人信息保护负责人：").Append(gap).Append('\n')
            .Append("- 系统管理人员、设备运维人员和现场操作人员及其权限：").Append(gap).Append('\n')
            .Append("- 上述人员的保密义务和个人信息保护培训安排：").Append(gap).Append('\n')
            .Append("\n## 三、告知与同意\n\n")
            .Append("1. 处理人脸信息前，以显著方式、清晰易懂的语言向个人告知《人脸信息处理规则》（notice.zh-CN.md），并记录所告知规则的版本。\n")
            .Append("2. 基于个人同意处理人脸信息的，就处理人脸信息单独取得个人的同意；不得以误导、欺诈、胁迫等方式取得同意（《办法》第六条、第十二条）。\n")
            .Append("3. 处理不满十四周岁未成年人的人脸信息的，事先取得其父母或者其他监护人的同意（《办法》第七条）。\n")
            .Append("4. 个人不同意通过人脸识别验证身份或者撤回同意的，提供其他合理、便捷的方式，不得因此拒绝提供相应服务，并予以记录（《办法》第十条）。\n")
            .Append("5. 告知事项发生变化的，将变化情况告知个人；处理目的、处理方式或者处理的个人信息种类变化的，重新取得个人同意。\n")
            .Append("\n## 四、采集、比对与存储\n\n");
        foreach (var purpose in facts.Purposes)
        {
            document.Append("- `").Append(purpose.Id).Append("`：").Append(FilingLabels.Zh(FilingLabels.Storages, purpose.Storage))
                .Append("；").Append(purpose.RetainsImages ? "经个人单独同意保存人脸图像" : "人脸图像在提取人脸特征后即时删除，不予保存")
                .Append("；人脸特征最长保存").Append(purpose.RetentionDays.ToString(CultureInfo.InvariantCulture)).Append("日")
                .Append(Profiles.LawValues.IsCrossBorderMechanism(purpose.TransferAbroad)
                    ? "；经个人单独同意，向位于" + NoticeRenderer.Escape(purpose.TransferAbroadCountryZh) + "的境外接收方" + NoticeRenderer.Escape(purpose.TransferAbroadRecipientZh)
                        + "提供人脸信息，所依据的条件为" + Profiles.CrossBorderMechanisms.Zh(purpose.TransferAbroad)
                    : "")
                .Append("。\n");
        }

        document.Append("- 采集设备的安装位置、数量和采集区域：").Append(gap).Append('\n')
            .Append("\n## 五、访问控制与授权管理\n\n")
            .Append("按照最小必要原则为操作人员授权；人脸信息仅以加密形式存储，解密密钥按人分别管理。账号开通、变更和注销的审批程序：").Append(gap).Append('\n')
            .Append("\n## 六、安全审计与记录\n\n")
            .Append("人脸信息的登记、比对和删除记入防篡改的审计记录；个人拒绝人脸识别、选择其他方式的记录方式：").Append(gap).Append("。个人信息保护影响评估报告和处理情况记录至少保存三年（《办法》第九条）。审计记录的定期核查安排：").Append(gap).Append('\n')
            .Append("\n## 七、删除\n\n")
            .Append("有下列情形之一的，主动删除人脸信息（《中华人民共和国个人信息保护法》第四十七条）：处理目的已实现、无法实现或者为实现处理目的不再必要；停止提供产品或者服务，或者保存期限已届满；个人撤回同意；违反法律、行政法规或者违反约定处理人脸信息；法律、行政法规规定的其他情形。具体执行方式见 retention.md。\n")
            .Append("\n## 八、个人权利请求的处理\n\n")
            .Append("个人请求查阅、复制、更正、补充、删除其人脸信息，或者要求对处理规则进行解释说明的，核实其身份后在").Append(gap).Append("个工作日内答复并办理；拒绝请求的，说明理由。\n")
            .Append("\n## 九、安全事件应急处置\n\n")
            .Append("发生或者可能发生人脸信息泄露、篡改、丢失的，立即采取补救措施，并依法通知履行个人信息保护职责的部门和个人。应急预案及联系人：").Append(gap).Append('\n')
            .Append("\n## 十、备案\n\n")
            .Append("存储人脸信息数量达到").Append(FilingWriter.ThresholdZh(FilingDocument.FilingThreshold)).Append("人的，自达到之日起30个工作日内向").Append(FilingWriter.AuthorityZh).Append("办理备案手续；")
            .Append("备案信息发生重大变更的，自变更之日起30个工作日内办理变更手续；停止使用人脸识别技术的，自停止使用之日起30个工作日内办理注销备案手续。\n")
            .Append("\n## 十一、规程的修订\n\n")
            .Append("处理目的、处理方式、存储方式或者保存期限发生变化，或者发生重大安全事件的，重新开展个人信息保护影响评估并修订本规程。\n");
        return document.ToString();
    }

    public static string AuthorisationLetter(AssemblySpec spec)
    {
        var gap = ReportWriter.GapZh;
        return new StringBuilder()
            .Append("# 授权委托书（模板）\n\n")
            .Append(FilingWriter.AuthorityZh).Append("：\n\n")
            .Append("兹委托").Append(gap).Append("（身份证件号码：").Append(gap).Append("）作为本单位人脸识别技术应用备案的经办人，代表本单位办理人脸识别技术应用备案（首次备案、变更备案、注销备案）的相关事宜，")
            .Append("包括填报、提交备案材料，接收并转达相关通知。受托人在委托权限内办理的事项，本单位予以认可，并承担相应的法律责任。受托人无转委托权。\n\n")
            .Append("委托期限：自").Append(gap).Append("起至").Append(gap).Append("止。\n\n")
            .Append("委托单位（盖章）：").Append(NoticeRenderer.Escape(spec.Processor.Name)).Append("\n\n")
            .Append("统一社会信用代码：").Append(gap).Append("\n\n")
            .Append("法定代表人或者主要负责人（签字）：\n\n")
            .Append("受托人（签字）：\n\n")
            .Append("日期：　　年　　月　　日\n")
            .ToString();
    }

    public static string CommitmentLetter(AssemblySpec spec)
    {
        var name = NoticeRenderer.Escape(spec.Processor.Name);
        return new StringBuilder()
            .Append("# 承诺书（模板）\n\n")
            .Append(FilingWriter.AuthorityZh).Append("：\n\n")
            .Append("本单位").Append(name).Append("就人脸识别技术应用备案郑重承诺：\n\n")
            .Append("一、所提交的备案材料真实、准确、完整，不存在虚假记载、误导性陈述或者重大遗漏。\n\n")
            .Append("二、严格遵守《中华人民共和国网络安全法》《中华人民共和国数据安全法》《中华人民共和国个人信息保护法》《网络数据安全管理条例》和《人脸识别技术应用安全管理办法》等规定，依法处理人脸信息。\n\n")
            .Append("三、落实备案材料所列的安全保护措施，履行个人信息保护义务，保障个人依法行使权利。\n\n")
            .Append("四、备案信息发生重大变更的，自变更之日起30个工作日内办理变更手续；停止使用人脸识别技术的，自停止使用之日起30个工作日内办理注销备案手续，并依法处理所存储的人脸信息。\n\n")
            .Append("五、违反上述承诺的，依法承担相应的法律责任。\n\n")
            .Append("承诺单位（盖章）：").Append(name).Append("\n\n")
            .Append("法定代表人或者主要负责人（签字）：\n\n")
            .Append("日期：　　年　　月　　日\n")
            .ToString();
    }
}
