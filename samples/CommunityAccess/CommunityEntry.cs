using FaceCompliance;

namespace CommunityAccess;

/// <summary>
/// The one purpose for which the gate processes residents' faces: checking, 1:1, that the person at the gate is
/// the resident they claim to be, so that the gate can open. Everything a resident must be told before they
/// agree is declared here, in Chinese and in English (Measures Art. 4, 5, 7 and 8), and, for the EU, what the GDPR
/// Art. 13 notice needs beyond that (Art. 13(2)(e); the rest is in OperatesInEu.cs).
/// </summary>
[FacialDataPurpose(FacialProcessingMethod.Verification,
    DescriptionZh = "在小区门禁处核验住户本人身份（1:1 比对），核验通过后开启闸门。",
    DescriptionEn = "To confirm at the community gate that you are the resident you say you are (a 1:1 comparison), and to open the gate when you are.",
    NecessityZh = "采用人脸识别核验住户本人身份，可以防止门禁卡被借用、冒用或者遗失后被他人使用：门禁卡和密码只能证明使用者持有门禁卡或者知悉密码，不能证明其为登记住户本人。",
    NecessityEn = "Checking a resident's identity by face recognition stops lent, misused or lost cards from opening the gate: a card or PIN shows only that someone holds the card or knows the PIN, not that they are the registered resident.",
    ImpactZh = "人脸特征属于敏感个人信息，一旦泄露，可能被用于冒用您的身份。我们仅进行1:1比对，不进行1:N辨识，亦不用于追踪您的行踪；人脸信息仅存储于门禁设备内，不通过互联网对外传输；您撤回同意的（包括迁出本小区时到物业服务中心办理撤回），我们将及时删除您的人脸信息。",
    ImpactEn = "A face template is sensitive personal information and could be misused to impersonate you if it leaked. We only compare you with your own template (never search among many people or track you), keep face information only inside the gate device, never send it out over the internet, and delete it promptly when you withdraw your consent (including when you move out and withdraw at the property service centre).",
    RetentionDays = 365,
    Storage = FacialDataStorage.OnDevice,
    MayInvolveMinors = true,
    MinorsRulesZh = "不满十四周岁的住户，应当由其父母或者其他监护人在门禁终端上阅读《人脸信息处理规则》和本规则并作出同意后，方可登记使用人脸识别通行；未勾选“住户未满十四周岁”的，视为住户本人声明已满十四周岁。未成年人的人脸信息仅用于开启闸门，监护人可以随时撤回同意并要求删除。",
    MinorsRulesEn = "A resident under 14 can use face entry only after a parent or other guardian has read the notice and these rules at the gate terminal and given their own consent; leaving the \"resident is under 14\" box unticked is the resident's own statement of being 14 or older. A child's face information is used only to open the gate, and the guardian can withdraw consent and ask for deletion at any time.",
    DataCategories = FacialDataCategories.FaceImage | FacialDataCategories.FaceTemplate | FacialDataCategories.LinkedIdentity,
    AlternativeZh = "每位住户都可领取门禁卡或设置通行密码，在同一台门禁终端上刷卡或输入密码即可通行，无需办理其他手续。",
    AlternativeEn = "Every resident can have an access card or set a PIN, and can tap the card or enter the PIN at the same gate terminal. Nothing else needs to be arranged.",
    WithdrawalZh = "您可以在门禁终端上选择“撤回人脸通行”，也可以到物业服务中心办理，撤回即时生效。",
    WithdrawalEn = "Choose \"Withdraw face entry\" on the gate terminal, or ask at the property service centre; withdrawal takes effect at once.",
    ProvisionRequirementEn = "Providing your face data is not a statutory or contractual requirement, nor a requirement to enter into a contract: face entry is optional and rests on your consent alone. If you do not provide it, you enter with your access card or PIN at the same gate terminal; nothing else changes.")]
public sealed partial class CommunityEntry
{
}
