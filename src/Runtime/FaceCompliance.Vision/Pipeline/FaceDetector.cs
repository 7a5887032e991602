using System;
using System.Collections.Generic;
using FaceCompliance.Vision.Onnx;

namespace FaceCompliance.Vision;

/// <summary>
/// Finds faces (fr_detect.onnx): boxes and scores in image pixels, best first. Checks the receipt before it reads a
/// pixel. Shares the model sessions; safe for concurrent use.
/// </summary>
public sealed class FaceDetector
{
    private readonly IConsentRegistry _consents;
    private readonly FaceAnalyzer _analyzer;

    /// <summary>Creates a detector that checks receipts with <paramref name="consents"/>.</summary>
    public FaceDetector(IConsentRegistry consents)
        : this(consents, new FaceAnalyzer(OnnxModels.Shared))
    {
    }

    internal FaceDetector(IConsentRegistry consents, FaceAnalyzer analyzer)
    {
        _consents = consents ?? throw new ArgumentNullException(nameof(consents));
        _analyzer = analyzer;
    }

    /// <summary>Every face in the image with a score of at least 0.65, best first, in image pixels (not squared).</summary>
    /// <exception cref="ConsentRequiredException">The receipt is not valid now.</exception>
    /// <exception cref="ArgumentException">The image is smaller than <see cref="FaceRecognizer.MinimumImageSide"/> on a side.</exception>
    /// <remarks>A tight face crop (a face filling the image) is often missed: the detector expects a camera frame with margin around the face.</remarks>
    [ProcessesFacialData(FacialProcessingMethod.Detection)]
    public IReadOnlyList<FaceBox> Detect<TPurpose>(ConsentReceipt<TPurpose> receipt, FaceImage image)
        where TPurpose : IFacialDataPurpose
    {
        ConsentGate.EnsureImageSize(image, nameof(image));
        ConsentGate.Ensure(_consents, receipt, FacialProcessingMethod.Detection);
        return _analyzer.Detect(image);
    }
}
