namespace FaceCompliance.Vision;

/// <summary>
/// The cosine similarity at or above which two face templates of fr_feature.onnx are taken as the same person.
/// </summary>
/// <remarks>
/// Calibrated on ../shared/data/faces/identities (40 tight crops of 8 people, each padded into a 320x240 frame,
/// detected, aligned on five points and embedded): the 80 same-person pairs score 0.356 to 0.95 (mean 0.671), the
/// 700 different-person pairs at most 0.271 (mean 0.012). Every threshold from 0.272 to 0.356 separates all 780
/// pairs; 0.31 sits in the middle of that gap. At 0.25 one different-person pair is accepted (FAR 1/700); at 0.40
/// three same-person pairs are refused (FRR 3/80). A set of 40 photos cannot show a FAR below about 1/700: raise the
/// threshold where a false accept costs more than a refusal, and re-calibrate on the deployment's own photos.
/// </remarks>
public static class FaceMatchThreshold
{
    /// <summary>The default threshold: 0.31.</summary>
    public const float Default = 0.31f;
}
