using System;
using System.Collections.Generic;
using System.Globalization;
using System.Numerics;
using FaceCompliance.Vision.Onnx;
using FaceCompliance.Vision.Components;

namespace FaceCompliance.Vision;

/// <summary>
/// The whole pipeline on decoded pixels (RGB24): detect, locate five points, align, embed, and optionally check
/// liveness. Every call takes the person's consent receipt and checks it with the consent registry before any pixel
/// is processed (Measures Art. 6); each is marked with the processing method it performs, so the analyzers hold
/// callers to a purpose that allows it (Art. 4), and the purpose's method is checked again here at run time.
/// Sessions are created once and shared; safe for concurrent use.
/// </summary>
/// <remarks>
/// <para>
/// <b>Which face.</b> When a call needs one face and the detector returns several boxes, the <i>primary face</i> is
/// used: among the faces scoring within <see cref="PrimaryFaceScoreMargin"/> of the best score, the largest. Size
/// alone would pick a large blurred background region the detector scored 0.97 over the real face it scored 1.00;
/// score alone would pick a sharp face far in the background over the person at the camera.
/// </para>
/// <para>
/// <b>One person.</b> Where a call requires one person (enrolment), a second detection counts only when it scores
/// within the same margin and its centre lies outside the primary face's head (its box grown by a quarter on each
/// side), so an ear or an eye found as a face does not refuse a photo of one person, while a second person does.
/// </para>
/// </remarks>
public sealed class FaceRecognizer
{
    /// <summary>The smallest image side accepted, in pixels.</summary>
    public const int MinimumImageSide = 32;

    /// <summary>
    /// How far below the best detector score a face may score and still be chosen as the primary face, or count as a
    /// second person: 0.02. On the shared group photos the real faces score within 0.006 of the best; a blurred
    /// background region scored 0.030 below the real face.
    /// </summary>
    public const float PrimaryFaceScoreMargin = 0.02f;

    private readonly IConsentRegistry _consents;
    private readonly FaceAnalyzer _analyzer;

    /// <summary>Creates a recognizer that checks receipts with <paramref name="consents"/>.</summary>
    /// <exception cref="InvalidOperationException"><see cref="FaceRecognizerOptions.ModelOptions"/> asks for CUDA, which this application cannot use (the message says why).</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of its range; the message names it and its value.</exception>
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
        FaceDetector.EnsureScoreThreshold(Options.DetectionThreshold, nameof(FaceRecognizerOptions.DetectionThreshold));
        ArgumentNullException.ThrowIfNull(Options.Quality, nameof(FaceRecognizerOptions.Quality));
        Options.Quality.EnsureValid();
    }

    /// <summary>The options in force.</summary>
    public FaceRecognizerOptions Options { get; }

    /// <summary>Every face in the image scoring at least <see cref="FaceRecognizerOptions.DetectionThreshold"/>, best score first, with its five alignment points.</summary>
    /// <exception cref="ConsentRequiredException">The receipt is not valid now.</exception>
    /// <exception cref="ArgumentException">The image is smaller than <see cref="MinimumImageSide"/> on a side.</exception>
    [ProcessesFacialData(FacialProcessingMethod.Detection)]
    public IReadOnlyList<DetectedFace> DetectFaces<TPurpose>(ConsentReceipt<TPurpose> receipt, FaceImage image)
        where TPurpose : IFacialDataPurpose
    {
        Check(receipt, image, FacialProcessingMethod.Detection);
        var faces = new List<DetectedFace>();
        foreach (var box in Detect(image))
        {
            faces.Add(new DetectedFace(box, _analyzer.FivePoints(image, box)));
        }

        return faces;
    }

    /// <summary>Every face in the image scoring at least <see cref="FaceRecognizerOptions.DetectionThreshold"/>, best score first, with its box, score, five points and template.</summary>
    /// <exception cref="ConsentRequiredException">The receipt is not valid now.</exception>
    /// <exception cref="ArgumentException">The image is too small.</exception>
    /// <exception cref="FaceNotLiveException"><see cref="FaceRecognizerOptions.RequireLiveness"/> is on and a face is below the threshold.</exception>
    [ProcessesFacialData(FacialProcessingMethod.Verification)]
    public IReadOnlyList<RecognizedFace> Analyze<TPurpose>(ConsentReceipt<TPurpose> receipt, FaceImage image)
        where TPurpose : IFacialDataPurpose
    {
        Check(receipt, image, FacialProcessingMethod.Verification);
        var faces = new List<RecognizedFace>();
        foreach (var box in Detect(image))
        {
            faces.Add(Recognize(image, box, _analyzer.FivePoints(image, box)));
        }

        return faces;
    }

    /// <summary>
    /// The template of the one person in the image, ready to enrol or compare. With <paramref name="allowSeveral"/>
    /// the primary face is used when several people are in view (a gate camera); otherwise several people are an
    /// error (an enrolment photo must show one person). See the remarks on <see cref="FaceRecognizer"/> for the rules.
    /// Checks no quality; enrol with <see cref="ExtractEnrollmentTemplate{TPurpose}"/>.
    /// </summary>
    /// <exception cref="ConsentRequiredException">The receipt is not valid now.</exception>
    /// <exception cref="FaceNotFoundException">No face, or several people without <paramref name="allowSeveral"/>.</exception>
    /// <exception cref="FaceNotLiveException"><see cref="FaceRecognizerOptions.RequireLiveness"/> is on and the face is below the threshold.</exception>
    /// <exception cref="ArgumentException">The image is too small.</exception>
    [ProcessesFacialData(FacialProcessingMethod.Verification)]
    public FaceTemplate ExtractTemplate<TPurpose>(ConsentReceipt<TPurpose> receipt, FaceImage image, bool allowSeveral = false)
        where TPurpose : IFacialDataPurpose
    {
        Check(receipt, image, FacialProcessingMethod.Verification);
        var face = OneFace(image, allowSeveral);
        return Recognize(image, face, _analyzer.FivePoints(image, face)).Template;
    }

    /// <summary>
    /// How good the one person's face in the image is for enrolment: size, detector score, sharpness, head pose and
    /// exposure, each against <see cref="FaceRecognizerOptions.Quality"/>. Reads no template.
    /// </summary>
    /// <param name="receipt">The person's consent receipt.</param>
    /// <param name="image">The photo.</param>
    /// <param name="allowSeveral">Assess the primary face when several people are in view, instead of refusing.</param>
    /// <exception cref="ConsentRequiredException">The receipt is not valid now.</exception>
    /// <exception cref="FaceNotFoundException">No face, or several people without <paramref name="allowSeveral"/>.</exception>
    /// <exception cref="ArgumentException">The image is too small.</exception>
    [ProcessesFacialData(FacialProcessingMethod.Detection)]
    public FaceQualityReport AssessQuality<TPurpose>(ConsentReceipt<TPurpose> receipt, FaceImage image, bool allowSeveral = false)
        where TPurpose : IFacialDataPurpose
    {
        Check(receipt, image, FacialProcessingMethod.Detection);
        var face = OneFace(image, allowSeveral);
        return FaceQualityMeasure.Assess(image, face, _analyzer.FivePoints(image, face), Options.Quality);
    }

    /// <summary>
    /// The template of the one person in an enrolment photo, only if the face meets every limit of
    /// <see cref="FaceRecognizerOptions.Quality"/>; otherwise <see cref="FaceQualityException"/> with every reason.
    /// Enrol several photos of a person to cover pose and light (<see cref="FaceVerifier{TPurpose}.Enroll"/> does this for 1:1).
    /// </summary>
    /// <exception cref="ConsentRequiredException">The receipt is not valid now.</exception>
    /// <exception cref="FaceNotFoundException">No face, or several people.</exception>
    /// <exception cref="FaceQualityException">The face fails a quality limit; <see cref="FaceQualityException.Report"/> says which.</exception>
    /// <exception cref="FaceNotLiveException"><see cref="FaceRecognizerOptions.RequireLiveness"/> is on and the face is below the threshold.</exception>
    /// <exception cref="ArgumentException">The image is too small.</exception>
    [ProcessesFacialData(FacialProcessingMethod.Verification)]
    public FaceTemplate ExtractEnrollmentTemplate<TPurpose>(ConsentReceipt<TPurpose> receipt, FaceImage image)
        where TPurpose : IFacialDataPurpose
    {
        Check(receipt, image, FacialProcessingMethod.Verification);
        var face = OneFace(image, allowSeveral: false);
        var points = _analyzer.FivePoints(image, face);
        var report = FaceQualityMeasure.Assess(image, face, points, Options.Quality);
        if (!report.IsAcceptable)
        {
            throw new FaceQualityException(report);
        }

        return Recognize(image, face, points).Template;
    }

    private List<FaceBox> Detect(FaceImage image) => _analyzer.Detect(image, Options.DetectionThreshold);

    private FaceBox OneFace(FaceImage image, bool allowSeveral)
    {
        var faces = Detect(image);
        if (PrimaryFace.Choose(faces) is not { } primary)
        {
            throw new FaceNotFoundException(0, $"No face was found in the {image.Width}x{image.Height} image.");
        }

        var people = allowSeveral ? 1 : PrimaryFace.CountPeople(faces, primary);
        if (people > 1)
        {
            throw new FaceNotFoundException(people, string.Create(CultureInfo.InvariantCulture,
                $"{people} faces were found where exactly one is required; use a photo of one person, or allow several (the primary face is then used)."));
        }

        return primary;
    }

    private RecognizedFace Recognize(FaceImage image, FaceBox box, Vector2[] points)
    {
        if (Options.RequireLiveness)
        {
            var liveness = new LivenessResult(_analyzer.Liveness(image, box), Options.LivenessThreshold);
            if (!liveness.IsLive)
            {
                throw new FaceNotLiveException(liveness);
            }
        }

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
