using FaceCompliance;

namespace NonCompliant.AiAct;

// FC0110: a 1:N gallery filled with faces scraped from the internet without a target (AI Act Art. 5(1)(e)).
/// <summary>Recognising people from a gallery built from scraped web photos: prohibited.</summary>
[FacialDataPurpose(FacialProcessingMethod.Identification, DescriptionZh = "识别访客。", DescriptionEn = "Recognise any visitor.", NecessityZh = "个性化问候。", NecessityEn = "Personal greetings.", ImpactZh = "1:N。", ImpactEn = "1:N.", RetentionDays = 30, AlternativeZh = "前台登记。", AlternativeEn = "Register at the desk.", IdentificationMode = FacialIdentificationMode.PostRemote, ImageSource = FacialImageSource.UntargetedInternet)] // expect FC0110
public sealed partial class WebGallery
{
}
