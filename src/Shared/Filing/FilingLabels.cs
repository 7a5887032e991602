using System.Collections.Generic;

namespace FaceCompliance.Filing;

/// <summary>
/// The Chinese labels the filing form and the assessment use for the declaration enums, with the English member
/// names beside them, keyed by the enums' integer values (the runtime enums take theirs from <c>ProcessingMethodTable</c>
/// and <c>LawValues</c>; a test compares the storage, category and measure values with the runtime enums). The terms
/// follow the statutes: 验证个人身份 and 辨识特定个人 (Measures Art. 19), Art. 8's storage wording, Art. 14's measures,
/// Art. 13's places and PIPL Art. 13's bases.
/// </summary>
internal static class FilingLabels
{
    public static readonly (int Value, string Zh, string En)[] Methods =
    {
        (0, "未声明", "Unspecified"),
        (1, "人脸检测", "Detection"),
        (2, "活体检测", "Liveness"),
        (3, "人脸属性分析（不识别身份）", "AttributeAnalysis"),
        (4, "验证个人身份（1:1比对）", "Verification"),
        (5, "辨识特定个人（1:N检索比对）", "Identification"),
    };

    public static readonly (int Value, string Zh, string En)[] Storages =
    {
        (0, "存储于人脸识别设备内，不通过互联网对外传输", "OnDevice"),
        (1, "经个人单独同意，通过互联网传输至服务器存储", "Server"),
    };

    public static readonly (int Value, string Zh, string En)[] Categories =
    {
        (1, "人脸图像", "FaceImage"),
        (2, "人脸特征", "FaceTemplate"),
        (4, "关联身份信息", "LinkedIdentity"),
        (8, "活体检测信息", "LivenessSignal"),
    };

    public static readonly (int Value, string Zh, string En)[] SecurityMeasures =
    {
        (1, "数据加密", "DataEncryption"),
        (2, "安全审计", "SecurityAudit"),
        (4, "访问控制", "AccessControl"),
        (8, "授权管理", "AuthorizationManagement"),
        (16, "入侵检测和防御", "IntrusionDetection"),
    };

    public static readonly (int Value, string Zh, string En)[] Sites =
    {
        (0, "非公共场所", "NonPublic"),
        (1, "公共场所", "PublicPlace"),
        (2, "宾馆客房", "HotelRoom"),
        (3, "公共浴室", "PublicBath"),
        (4, "公共更衣室", "ChangingRoom"),
        (5, "公共卫生间", "Toilet"),
    };

    public static readonly (int Value, string Zh, string En)[] Kinds =
    {
        (0, "一般目的", "General"),
        (1, "维护公共安全", "PublicSafety"),
    };

    public static readonly (int Value, string Zh, string En)[] Bases =
    {
        (0, "取得个人的单独同意", "Consent"),
        (1, "为订立、履行个人作为一方当事人的合同所必需，或者按照依法制定的劳动规章制度和依法签订的集体合同实施人力资源管理所必需", "ContractOrEmployment"),
        (2, "为履行法定职责或者法定义务所必需", "LegalDuty"),
        (3, "为应对突发公共卫生事件，或者紧急情况下为保护自然人的生命健康和财产安全所必需", "PublicHealthEmergency"),
        (4, "为公共利益实施新闻报道、舆论监督等行为，在合理的范围内处理个人信息", "NewsReporting"),
        (5, "在合理的范围内处理个人自行公开或者其他已经合法公开的个人信息", "PubliclyDisclosed"),
        (6, "法律、行政法规规定的其他情形", "OtherLaw"),
    };

    public static readonly (int Value, string Zh, string En)[] Attributes =
    {
        (1, "年龄段", "AgeBand"), (2, "性别", "Gender"), (4, "表情", "Expression"), (8, "是否佩戴眼镜", "Glasses"),
        (16, "胡须", "FacialHair"), (32, "头部姿态", "HeadPose"), (64, "面部遮挡", "Occlusion"), (128, "图像质量", "ImageQuality"),
        (256, "民族", "Ethnicity"), (512, "种族", "Race"), (1024, "宗教信仰", "Religion"), (2048, "健康状况", "Health"),
        (4096, "政治观点", "PoliticalOpinion"), (8192, "性取向", "SexualOrientation"),
        (16384, "工会会员身份", "TradeUnionMembership"), (32768, "哲学信仰", "PhilosophicalBeliefs"), (65536, "性生活", "SexLife"),
    };

    /// <summary>The Chinese label of <paramref name="value"/>, or its number when the table names none.</summary>
    public static string Zh((int Value, string Zh, string En)[] table, int value) => Find(table, value)?.Zh ?? Number(value);

    /// <summary>The English member name of <paramref name="value"/>, or its number when the table names none.</summary>
    public static string En((int Value, string Zh, string En)[] table, int value) => Find(table, value)?.En ?? Number(value);

    /// <summary>The entries of a flags table set in <paramref name="flags"/>, in table order.</summary>
    public static IEnumerable<(int Value, string Zh, string En)> Flags(int flags, (int Value, string Zh, string En)[] table)
    {
        foreach (var entry in table)
        {
            if ((flags & entry.Value) == entry.Value)
            {
                yield return entry;
            }
        }
    }

    private static (int Value, string Zh, string En)? Find((int Value, string Zh, string En)[] table, int value)
    {
        foreach (var entry in table)
        {
            if (entry.Value == value)
            {
                return entry;
            }
        }

        return null;
    }

    private static string Number(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
