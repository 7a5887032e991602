using FaceCompliance;

namespace NonCompliant.AiAct;

// FC0113: real-time remote identification on the public square in front of the club, run for the police, for none of
// the objectives of Art. 5(1)(h)(i)-(iii) (AI Act Art. 5(1)(h)).
/// <summary>A police watchlist on the square: prohibited.</summary>
[FacialDataPurpose(FacialProcessingMethod.Identification, DescriptionZh = "广场布控。", DescriptionEn = "Police watchlist on the square.", NecessityZh = "协助警方。", NecessityEn = "To help the police.", ImpactZh = "1:N。", ImpactEn = "1:N.", RetentionDays = 1, AlternativeZh = "无。", AlternativeEn = "None.", Site = FacialDeploymentSite.PublicPlace, Kind = FacialPurposeKind.PublicSafety, CollectionAreaZh = "俱乐部前广场", CollectionAreaEn = "The square in front of the club", IdentificationMode = FacialIdentificationMode.RealTimeRemote, Contexts = FacialUseContexts.LawEnforcement)] // expect FC0113
public sealed partial class SquareWatchlist
{
}
