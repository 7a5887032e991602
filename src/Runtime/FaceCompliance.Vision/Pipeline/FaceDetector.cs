using System;
using System.Collections.Generic;
using System.Globalization;
using FaceCompliance.Vision.Onnx;

namespace FaceCompliance.Vision.Components;

/// <summary>
/// Finds faces (fr_detect.onnx): boxes and scores in image pixels, best first. Checks the receipt before it reads a
/// pixel. Shares the model sessions; safe for concurrent use.
/// </summary>
public sealed class FaceDetector
{
    /// <summary>The detector's published score threshold, 0.65: candidates scoring below it are not returned.</summary>
    public const float DefaultScoreThreshold = NonMaximumSuppression.DefaultScoreThreshold;

    private readonly IConsentRegistry _consents;
    private readonly FaceAnalyzer _analyzer;

    /// <summary>Creates a detector that checks receipts with <paramref name="consents"/>.</summary>
    /// <param name="consents">The consent registry.</param>
    /// <param name="scoreThreshold">The score a face must reach to be returned, from 0 to 1; <see cref="DefaultScoreThreshold"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="scoreThreshold"/> is not from 0 to 1.</exception>
    /// <param name="modelOptions">Where and how the models run; null for <see cref="FaceModelOptions.Default"/> (CPU).</param>
    /// <exception cref="InvalidOperationException"><paramref name="modelOptions"/> asks for CUDA, which this application cannot use (the message says why).</exception>
    public FaceDetector(IConsentRegistry consents, float scoreThreshold = DefaultScoreThreshold, FaceModelOptions? modelOptions = null)
        : this(consents, new FaceAnalyzer(OnnxModels.For(modelOptions)), scoreThreshold)
    {
    }

    internal FaceDetector(IConsentRegistry consents, FaceAnalyzer analyzer, float scoreThreshold = DefaultScoreThreshold)
    {
        _consents = consents ?? throw new ArgumentNullException(nameof(consents));
        _analyzer = analyzer;
        ScoreThreshold = EnsureScoreThreshold(scoreThreshold, nameof(scoreThreshold));
    }

    /// <summary>The score a face must reach to be returned.</summary>
    public float ScoreThreshold { get; }

    /// <summary>Every face in the image with a score of at least <see cref="ScoreThreshold"/>, best first, in image pixels (not squared).</summary>
    /// <exception cref="ConsentRequiredException">The receipt is not valid now.</exception>
    /// <exception cref="ArgumentException">The image is smaller than <see cref="FaceRecognizer.MinimumImageSide"/> on a side.</exception>
    /// <remarks>
    /// A tight face crop (a face filling the image) is often missed: the detector expects a camera frame with margin
    /// around the face. The detector also fires on some non-faces (an ear, a round letter, a blurred background);
    /// <see cref="FaceRecognizer"/> chooses among the boxes by score and size (docs/vision.md, "Which face is used").
    /// </remarks>
    [ProcessesFacialData(FacialProcessingMethod.Detection)]
    public IReadOnlyList<FaceBox> Detect<TPurpose>(ConsentReceipt<TPurpose> receipt, FaceImage image)
        where TPurpose : IFacialDataPurpose
    {
        ConsentGate.EnsureImageSize(image, nameof(image));
        ConsentGate.Ensure(_consents, receipt, FacialProcessingMethod.Detection);
        return _analyzer.Detect(image, ScoreThreshold);
    }

    internal static float EnsureScoreThreshold(float threshold, string parameterName) =>
        threshold is >= 0f and <= 1f
            ? threshold
            : throw new ArgumentOutOfRangeException(parameterName, threshold, string.Create(
                CultureInfo.InvariantCulture, $"The detection score threshold is {threshold}; it must be a face score from 0 to 1 (the default is {DefaultScoreThreshold})."));
}
