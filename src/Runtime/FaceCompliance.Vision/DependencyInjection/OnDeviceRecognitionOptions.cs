namespace FaceCompliance.Vision;

/// <summary>The settings of <c>.AddOnDeviceRecognition(…)</c>; validated when the host starts.</summary>
public sealed class OnDeviceRecognitionOptions
{
    /// <summary>How the registered <see cref="FaceRecognizer"/> detects and decides: thresholds, liveness, quality, where the models run.</summary>
    public FaceRecognizerOptions Recognizer { get; set; } = new();

    /// <summary>How every registered <see cref="FaceMatcher{TPurpose}"/> compares and searches: threshold, precision, templates per person.</summary>
    public FaceMatcherOptions Matcher { get; set; } = new();

    /// <summary>How every registered <see cref="FaceVerifier{TPurpose}"/> (the 1:1 entry point) decides: threshold, primary face.</summary>
    public FaceVerifierOptions Verifier { get; set; } = new();

    /// <summary>
    /// Whether the four face models are loaded, verified and run once on a blank image when the host starts, before
    /// the application serves, so that the first person at the camera does not wait for them; on by default.
    /// </summary>
    public bool WarmUpAtStart { get; set; } = true;
}
