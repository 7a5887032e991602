using System;
using System.Collections.Generic;
using System.Globalization;
using FaceCompliance.Vision.Onnx;

namespace FaceCompliance.Vision;

/// <summary>
/// On-device face processing with the compliance rules built in: every call takes the person's consent receipt and
/// checks it with the consent registry before any pixel is processed (Measures Art. 6), and each is marked with the
/// processing method it performs, so the analyzers hold callers to a purpose that allows it (Art. 4).
/// Sessions are created once and shared; safe for concurrent use.
/// </summary>
public sealed class FaceRecognizer
{
    /// <summary>The smallest image side accepted, in pixels.</summary>
    public const int MinimumImageSide = 32;

    private readonly IConsentRegistry _consents;
    private readonly FaceAnalyzer _analyzer;

    /// <summary>Creates a recognizer that checks receipts with <paramref name="consents"/>.</summary>
    public FaceRecognizer(IConsentRegistry consents)
        : this(consents, OnnxModels.Shared)
    {
    }

    internal FaceRecognizer(IConsentRegistry consents, OnnxModels models)
    {
        _consents = consents ?? throw new ArgumentNullException(nameof(consents));
        _analyzer = new FaceAnalyzer(models);
    }

    /// <summary>Every face in the image, best score first.</summary>
    /// <exception cref="ConsentRequiredException">The receipt is not valid now.</exception>
    /// <exception cref="ArgumentException">The image is smaller than <see cref="MinimumImageSide"/> on a side.</exception>
    [ProcessesFacialData(FacialProcessingMethod.Detection)]
    public IReadOnlyList<DetectedFace> DetectFaces<TPurpose>(ConsentReceipt<TPurpose> receipt, FaceImage image)
        where TPurpose : IFacialDataPurpose
    {
        Check(receipt, image);
        var faces = new List<DetectedFace>();
        foreach (var box in _analyzer.Detect(image))
        {
            faces.Add(new DetectedFace(box, _analyzer.FivePoints(image, box)));
        }

        return faces;
    }

    /// <summary>
    /// The template of the one face in the image, ready to enrol or compare. With <paramref name="largestOfSeveral"/>
    /// the largest face is used when there are several (a gate camera); otherwise several faces are an error (an
    /// enrolment photo must show one person).
    /// </summary>
    /// <exception cref="ConsentRequiredException">The receipt is not valid now.</exception>
    /// <exception cref="FaceNotFoundException">No face, or several without <paramref name="largestOfSeveral"/>.</exception>
    /// <exception cref="ArgumentException">The image is too small.</exception>
    [ProcessesFacialData(FacialProcessingMethod.Verification)]
    public FaceTemplate ExtractTemplate<TPurpose>(ConsentReceipt<TPurpose> receipt, FaceImage image, bool largestOfSeveral = false)
        where TPurpose : IFacialDataPurpose
    {
        Check(receipt, image);
        var boxes = _analyzer.Detect(image);
        if (boxes.Count == 0)
        {
            throw new FaceNotFoundException(0, $"No face was found in the {image.Width}x{image.Height} image.");
        }

        if (boxes.Count > 1 && !largestOfSeveral)
        {
            throw new FaceNotFoundException(boxes.Count, string.Create(CultureInfo.InvariantCulture,
                $"{boxes.Count} faces were found where exactly one is required; use a photo of one person, or allow the largest face."));
        }

        var face = FaceAnalyzer.Largest(boxes)!.Value;
        return new FaceTemplate(_analyzer.Embed(image, _analyzer.FivePoints(image, face)));
    }

    /// <summary>Whether two templates are the same person at <paramref name="threshold"/> (cosine similarity; <see cref="FaceMatchThreshold.Default"/>).</summary>
    [ProcessesFacialData(FacialProcessingMethod.Verification)]
    public static bool IsSamePerson(FaceTemplate first, FaceTemplate second, float threshold = FaceMatchThreshold.Default)
    {
        ArgumentNullException.ThrowIfNull(first);
        return first.CosineSimilarity(second) >= threshold;
    }

    private void Check<TPurpose>(ConsentReceipt<TPurpose> receipt, FaceImage image)
        where TPurpose : IFacialDataPurpose
    {
        ArgumentNullException.ThrowIfNull(receipt);
        ArgumentNullException.ThrowIfNull(image);
        if (image.Width < MinimumImageSide || image.Height < MinimumImageSide)
        {
            throw new ArgumentException($"The image is {image.Width}x{image.Height}; faces need at least {MinimumImageSide}x{MinimumImageSide} pixels.", nameof(image));
        }

        _consents.EnsureValid(receipt);
    }
}
