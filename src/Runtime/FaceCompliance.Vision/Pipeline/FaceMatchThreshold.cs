namespace FaceCompliance.Vision;

/// <summary>
/// The cosine similarity at or above which two face templates of fr_feature.onnx are taken as the same person.
/// </summary>
/// <remarks>
/// Chosen for a target false-accept rate of 0.1 % by the rule of <see cref="ThresholdCalibration"/>
/// (docs/vision.md, "The match threshold"), on every pair of the 69 faces of 15 people in ../shared/data/faces
/// (149 same-person and 2,197 different-person pairs): a normal fit of the different-person scores gives 0.2915 at
/// 0.1 %, and a 95 % confidence margin counted over the 15 people adds 0.0993, so 0.391. No different-person pair of
/// those photos reaches it (their maximum is 0.355); 4 of the 149 same-person pairs fall below it (2.7 %; 3 of the 80
/// among the identity crops alone), the expected false-reject rate. The margin is there because unseen photos are
/// harder: an outside tester's 61 unseen photos accepted 0.77 % of their different-person pairs at the former
/// default 0.31. Where a false accept costs less than a refusal, or the deployment's own photos say otherwise,
/// calibrate with <c>facecompliance-calibrate</c> and pass the result as a threshold.
/// </remarks>
public static class FaceMatchThreshold
{
    /// <summary>The default threshold: 0.391, for a false-accept rate of 0.1 %.</summary>
    public const float Default = 0.391f;

    /// <summary>The false-accept rate <see cref="Default"/> was chosen for: 0.1 %.</summary>
    public const double TargetFalseAcceptRate = 0.001;
}
