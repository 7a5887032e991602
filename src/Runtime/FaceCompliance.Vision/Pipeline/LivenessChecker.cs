using System;
using FaceCompliance.Vision.Onnx;

namespace FaceCompliance.Vision.Components;

/// <summary>
/// A passive, single-frame presentation-attack check (fr_liveness.onnx): how likely the face in front of the camera
/// is a live person rather than a printed photo or a screen. Checks the receipt first; safe for concurrent use.
/// </summary>
/// <remarks>
/// The score is the model's class-0 ("live") probability for the face box enlarged 2.7 times (the context in which
/// a photo's border or a screen's edge shows), resized to 128x128. How <see cref="DefaultThreshold"/> was chosen,
/// and what this single model can and cannot catch, is in docs/vision.md ("Liveness").
/// </remarks>
public sealed class LivenessChecker
{
    /// <summary>The default threshold on the live probability: 0.5.</summary>
    public const float DefaultThreshold = 0.5f;

    private readonly IConsentRegistry _consents;
    private readonly FaceAnalyzer _analyzer;

    /// <summary>Creates a checker that checks receipts with <paramref name="consents"/>.</summary>
    /// <param name="consents">The consent registry.</param>
    /// <param name="threshold">The live probability at or above which a face counts as live, from 0 to 1.</param>
    /// <param name="modelOptions">Where and how the models run; null for <see cref="FaceModelOptions.Default"/> (CPU).</param>
    /// <exception cref="InvalidOperationException"><paramref name="modelOptions"/> asks for CUDA, which this application cannot use (the message says why).</exception>
    public LivenessChecker(IConsentRegistry consents, float threshold = DefaultThreshold, FaceModelOptions? modelOptions = null)
        : this(consents, new FaceAnalyzer(OnnxModels.For(modelOptions)), threshold)
    {
    }

    internal LivenessChecker(IConsentRegistry consents, FaceAnalyzer analyzer, float threshold)
    {
        _consents = consents ?? throw new ArgumentNullException(nameof(consents));
        _analyzer = analyzer;
        Threshold = EnsureThreshold(threshold);
    }

    /// <summary>The live probability at or above which a face counts as live.</summary>
    public float Threshold { get; }

    /// <summary>The live probability of the face in <paramref name="face"/>, and whether it reaches <see cref="Threshold"/>.</summary>
    /// <exception cref="ConsentRequiredException">The receipt is not valid now.</exception>
    /// <exception cref="ArgumentException">The image is too small, or the box is empty.</exception>
    [ProcessesFacialData(FacialProcessingMethod.Liveness)]
    public LivenessResult Check<TPurpose>(ConsentReceipt<TPurpose> receipt, FaceImage image, FaceBox face)
        where TPurpose : IFacialDataPurpose
    {
        ConsentGate.EnsureImageSize(image, nameof(image));
        FaceAligner.EnsureBox(face);
        ConsentGate.Ensure(_consents, receipt, FacialProcessingMethod.Liveness);
        return new LivenessResult(_analyzer.Liveness(image, face), Threshold);
    }

    internal static float EnsureThreshold(float threshold) =>
        threshold is >= 0f and <= 1f
            ? threshold
            : throw new ArgumentOutOfRangeException(nameof(threshold), threshold, "A liveness threshold is a probability from 0 to 1.");
}
