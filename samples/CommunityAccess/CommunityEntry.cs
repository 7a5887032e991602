using FaceCompliance;

namespace CommunityAccess;

/// <summary>
/// The one purpose for which the gate processes residents' faces: checking, 1:1, that the person at the gate is
/// the resident they claim to be, so that the gate can open. Everything a resident must be told before they
/// agree is declared here, in Chinese and in English (Measures Art. 4, 5, 7 and 8).
/// </summary>
[FacialDataPurpose(FacialProcessingMethod.Verification,
    DescriptionZh = "在小区门禁处核验住户本人身份（1:1 比对），核验通过后开启闸门。",
    DescriptionEn = "To confirm at the community gate that you are the resident you say you are (a 1:1 comparison), and to open the gate when you are.",
    NecessityZh = "刷脸通行让住户无需携带门禁卡即可进出，并防止门禁卡被借用或冒用；不愿使用人脸识别的住户可随时改用门禁卡或密码，通行权利不受影响。",
    NecessityEn = "Face entry lets residents come and go without carrying a card and stops lost or lent cards from opening the gate. Residents who prefer not to use it can use their access card or PIN at any time, with the same access.",
    ImpactZh = "人脸特征属于敏感个人信息，一旦泄露可能被用于冒充身份。我们只做 1:1 比对，不做 1:N 辨识或追踪；人脸数据仅保存在门禁设备内，不上传网络；您撤回同意或搬离后立即删除。",
    ImpactEn = "A face template is sensitive personal information and could be misused to impersonate you if it leaked. We only compare you with your own template (never search among many people or track you), keep face data only inside the gate device, never send it over the network, and delete it as soon as you withdraw consent or move out.",
    RetentionDays = 365,
    Storage = FacialDataStorage.OnDevice,
    MayInvolveMinors = true,
    MinorsRulesZh = "不满十四周岁的住户，须由其父母或者其他监护人在门禁终端上阅读本规则并代为同意后，方可登记刷脸通行；未勾选未满十四周岁的，视为住户本人声明已满十四周岁。未成年人的人脸信息仅用于开启闸门，监护人可随时撤回同意并要求删除。",
    MinorsRulesEn = "A resident under 14 can use face entry only after a parent or other guardian has read these rules at the gate terminal and consented on the child's behalf; leaving the under-14 box unticked is the resident's own statement of being 14 or older. A child's face information is used only to open the gate, and the guardian can withdraw consent and ask for deletion at any time.",
    DataCategories = FacialDataCategories.FaceImage | FacialDataCategories.FaceTemplate | FacialDataCategories.LinkedIdentity,
    AlternativeZh = "每位住户都可领取门禁卡或设置通行密码，在同一台门禁终端上刷卡或输入密码即可通行，无需办理其他手续。",
    AlternativeEn = "Every resident can have an access card or set a PIN, and can tap the card or enter the PIN at the same gate terminal. Nothing else needs to be arranged.",
    WithdrawalZh = "您可以在门禁终端上选择“撤回人脸通行”，也可以到物业服务中心办理，撤回即时生效。",
    WithdrawalEn = "Choose \"Withdraw face entry\" on the gate terminal, or ask at the property service centre; withdrawal takes effect at once.")]
public sealed partial class CommunityEntry
{
}
