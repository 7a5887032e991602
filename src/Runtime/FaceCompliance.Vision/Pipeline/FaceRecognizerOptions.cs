using FaceCompliance.Vision.Components;

namespace FaceCompliance.Vision;

/// <summary>How a <see cref="FaceRecognizer"/> decides; the defaults suit a gate camera.</summary>
public sealed record FaceRecognizerOptions
{
    /// <summary>
    /// Whether a face must pass the liveness check before its template is extracted (enrolment and verification);
    /// off by default. When on, a face below <see cref="LivenessThreshold"/> raises <see cref="FaceNotLiveException"/>.
    /// Needs a purpose whose method allows liveness (verification or identification).
    /// </summary>
    public bool RequireLiveness { get; init; }

    /// <summary>The live probability a face must reach when <see cref="RequireLiveness"/> is on; <see cref="LivenessChecker.DefaultThreshold"/>.</summary>
    public float LivenessThreshold { get; init; } = LivenessChecker.DefaultThreshold;

    /// <summary>
    /// The score, from 0 to 1, a detection must reach to count as a face; <see cref="FaceDetector.DefaultScoreThreshold"/>
    /// (0.65). Raising it drops weak detections (the detector also fires on ears and round shapes) at the risk of
    /// missing faces that are small, turned or partly covered; figures in docs/vision.md ("Detection threshold").
    /// </summary>
    public float DetectionThreshold { get; init; } = FaceDetector.DefaultScoreThreshold;

    /// <summary>The limits <see cref="FaceRecognizer.AssessQuality{TPurpose}"/> and <see cref="FaceRecognizer.ExtractEnrollmentTemplate{TPurpose}"/> apply.</summary>
    public FaceQualityOptions Quality { get; init; } = new();

    /// <summary>Where and how the models run (CPU by default, or CUDA); null means <see cref="FaceModelOptions.Default"/>.</summary>
    public FaceModelOptions? ModelOptions { get; init; }
}
