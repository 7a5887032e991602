namespace FaceCompliance.Vision;

/// <summary>How a <see cref="FaceVerifier{TPurpose}"/> decides.</summary>
public sealed record FaceVerifierOptions
{
    /// <summary>
    /// The cosine similarity at or above which a probe is the person; <see cref="FaceMatchThreshold.Default"/> (0.391,
    /// for a 0.1 % false-accept rate). Calibrate your own with <c>facecompliance-calibrate</c>.
    /// </summary>
    public float Threshold { get; init; } = FaceMatchThreshold.Default;

    /// <summary>
    /// Whether <see cref="FaceVerifier{TPurpose}.Verify"/> compares the primary face (the largest of the best-scored,
    /// see <see cref="FaceRecognizer"/>) when several people are in view, as a gate camera needs; off by default:
    /// several people are then an error. Enrolment always requires one person.
    /// </summary>
    public bool UsePrimaryFace { get; init; }
}
