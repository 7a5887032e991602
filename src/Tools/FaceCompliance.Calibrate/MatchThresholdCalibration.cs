using FaceCompliance;

namespace FaceCompliance.Calibrate;

/// <summary>
/// The one purpose of this tool: comparing the face templates of people who agreed to it, 1:1, pair by pair, to choose
/// the match threshold of the deployer's face verification. Nothing is kept: the photos are read once, the templates
/// live in memory until the figures are printed, and the consent receipts are in a temporary store deleted at the end.
/// </summary>
[FacialDataPurpose(FacialProcessingMethod.Verification,
    DescriptionZh = "用您同意提供的照片，两两比对人脸特征（1:1），为人脸核验系统选定比对阈值，使其误识率达到设定目标。",
    DescriptionEn = "To compare face templates from the photos you agreed to provide, two at a time (1:1), so that the face verification system's match threshold can be set for its target false-accept rate.",
    NecessityZh = "比对阈值决定他人被误认为您的概率；只有用真实照片测量，才能把阈值定在既安全又不过多拒绝本人的位置。",
    NecessityEn = "The threshold decides how likely someone else is to be taken for you; only measuring it on real photos can set it where it is safe without refusing people too often.",
    ImpactZh = "照片与人脸特征只在运行校准的电脑内存中短暂存在，校准结束即删除，不保存、不上传；结果只有阈值和分数统计，不含任何人的特征或身份。",
    ImpactEn = "Photos and face templates exist only briefly in the memory of the computer that runs the calibration and are deleted when it ends; nothing is stored or uploaded. The result is a threshold and score statistics, holding nobody's template or identity.",
    RetentionDays = 1,
    Storage = FacialDataStorage.OnDevice,
    DataCategories = FacialDataCategories.FaceImage | FacialDataCategories.FaceTemplate,
    AlternativeZh = "不参加校准不影响您的任何权利：系统使用默认阈值，您照常通行或办理业务，也可随时改用门禁卡、密码等非人脸方式。",
    AlternativeEn = "Not taking part changes nothing for you: the system uses its default threshold, and you can always use a card, PIN or another way that does not use your face.")]
public sealed partial class MatchThresholdCalibration
{
}
