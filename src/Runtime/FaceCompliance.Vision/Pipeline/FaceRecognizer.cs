using System;
using System.Collections.Generic;
using System.Globalization;
using FaceCompliance.Vision.Onnx;

namespace FaceCompliance.Vision;

/// <summary>
/// The whole pipeline on decoded pixels (RGB24): detect, locate five points, align, embed, and optionally check
/// liveness. Every call takes the person's consent receipt and checks it with the consent registry before any pixel
/// is processed (Measures Art. 6); each is marked with the processing method it performs, so the analyzers hold
/// callers to a purpose that allows it (Art. 4), and the purpose's method is checked again here at run time.
/// Sessions are created once and shared; safe for concurrent use.
/// </summary>
public sealed class FaceRecognizer
{
    /// <summary>The smallest image side accepted, in pixels.</summary>
    public const int MinimumImageSide = 32;

    private readonly IConsentRegistry _consents;
    private readonly FaceAnalyzer _analyzer;

    /// <summary>Creates a recognizer that checks receipts with <paramref name="consents"/>.</summary>
    /// <exception cref="InvalidOperationException"><see cref="FaceRecognizerOptions.ModelOptions"/> asks for CUDA, which this application cannot use (the message says why).</exception>
    public FaceRecognizer(IConsentRegistry consents, FaceRecognizerOptions? options = null)
        : this(consents, OnnxModels.For(options?.ModelOptions), options)
    {
    }

    internal FaceRecognizer(IConsentRegistry consents, OnnxModels models, FaceRecognizerOptions? options = null)
    {
        _consents = consents ?? throw new ArgumentNullException(nameof(consents));
        _analyzer = new FaceAnalyzer(models);
        Options = options ?? new FaceRecognizerOptions();
        LivenessChecker.EnsureThreshold(Options.LivenessThreshold);
    }

    /// <summary>The options in force.</summary>
    public FaceRecognizerOptions Options { get; }

    /// <summary>Every face in the image, best score first, with its five alignment points.</summary>
    /// <exception cref="ConsentRequiredException">The receipt is not valid now.</exception>
    /// <exception cref="ArgumentException">The image is smaller than <see cref="MinimumImageSide"/> on a side.</exception>
    [ProcessesFacialData(FacialProcessingMethod.Detection)]
    public IReadOnlyList<DetectedFace> DetectFaces<TPurpose>(ConsentReceipt<TPurpose> receipt, FaceImage image)
        where TPurpose : IFacialDataPurpose
    {
        Check(receipt, image, FacialProcessingMethod.Detection);
        var faces = new List<DetectedFace>();
        foreach (var box in _analyzer.Detect(image))
        {
            faces.Add(new DetectedFace(box, _analyzer.FivePoints(image, box)));
        }

        return faces;
    }

    /// <summary>Every face in the image, best score first, with its box, score, five points and template.</summary>
    /// <exception cref="ConsentRequiredException">The receipt is not valid now.</exception>
    /// <exception cref="ArgumentException">The image is too small.</exception>
    /// <exception cref="FaceNotLiveException"><see cref="FaceRecognizerOptions.RequireLiveness"/> is on and a face is below the threshold.</exception>
    [ProcessesFacialData(FacialProcessingMethod.Verification)]
    public IReadOnlyList<RecognizedFace> Analyze<TPurpose>(ConsentReceipt<TPurpose> receipt, FaceImage image)
        where TPurpose : IFacialDataPurpose
    {
        Check(receipt, image, FacialProcessingMethod.Verification);
        var faces = new List<RecognizedFace>();
        foreach (var box in _analyzer.Detect(image))
        {
            faces.Add(Recognize(image, box));
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
    /// <exception cref="FaceNotLiveException"><see cref="FaceRecognizerOptions.RequireLiveness"/> is on and the face is below the threshold.</exception>
    /// <exception cref="ArgumentException">The image is too small.</exception>
    [ProcessesFacialData(FacialProcessingMethod.Verification)]
    public FaceTemplate ExtractTemplate<TPurpose>(ConsentReceipt<TPurpose> receipt, FaceImage image, bool largestOfSeveral = false)
        where TPurpose : IFacialDataPurpose
    {
        Check(receipt, image, FacialProcessingMethod.Verification);
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

        return Recognize(image, FaceAnalyzer.Largest(boxes)!.Value).Template;
    }

    /// <summary>Whether two templates are the same person at <paramref name="threshold"/> (cosine similarity; <see cref="FaceMatchThreshold.Default"/>).</summary>
    [ProcessesFacialData(FacialProcessingMethod.Verification)]
    public static bool IsSamePerson(FaceTemplate first, FaceTemplate second, float threshold = FaceMatchThreshold.Default)
    {
        ArgumentNullException.ThrowIfNull(first);
        return first.CosineSimilarity(second) >= threshold;
    }

    private RecognizedFace Recognize(FaceImage image, FaceBox box)
    {
        if (Options.RequireLiveness)
        {
            var liveness = new LivenessResult(_analyzer.Liveness(image, box), Options.LivenessThreshold);
            if (!liveness.IsLive)
            {
                throw new FaceNotLiveException(liveness);
            }
        }

        var points = _analyzer.FivePoints(image, box);
        return new RecognizedFace(box, points, new FaceTemplate(_analyzer.Embed(image, points)));
    }

    private void Check<TPurpose>(ConsentReceipt<TPurpose> receipt, FaceImage image, FacialProcessingMethod use)
        where TPurpose : IFacialDataPurpose
    {
        ConsentGate.EnsureImageSize(image, nameof(image));
        ConsentGate.Ensure(_consents, receipt, use);
        if (Options.RequireLiveness && use != FacialProcessingMethod.Detection)
        {
            ConsentGate.EnsureAllowed<TPurpose>(FacialProcessingMethod.Liveness);
        }
    }
}
