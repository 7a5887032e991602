using System;

namespace FaceCompliance.Vision;

/// <summary>
/// 1:1 face verification for one purpose, from photos: the one API an application needs to enrol a person and check,
/// later, that a face is theirs. <see cref="Enroll"/> extracts the template of the one person in an enrolment photo
/// (quality checked) and stores it encrypted; <see cref="Verify"/> extracts the face of a probe photo and compares it
/// with that person's stored templates, inside the store, returning a <see cref="FaceVerification"/>. Each call takes
/// the person's consent receipt and is refused before any pixel is read when the receipt is not valid now.
/// </summary>
/// <typeparam name="TPurpose">The declared purpose; its method must allow verification.</typeparam>
/// <remarks>
/// Composes a <see cref="FaceRecognizer"/> (detection, alignment, embedding on the device) and an
/// <see cref="IFaceTemplateStore"/> (for example <c>SqliteFacialDataStore.Templates</c>) that check receipts with the
/// same consent registry. Safe for concurrent use when both are. 1:N search (who is this?) is
/// <see cref="FaceMatcher{TPurpose}"/>.
/// </remarks>
public sealed class FaceVerifier<TPurpose>
    where TPurpose : IFacialDataPurpose
{
    private readonly FaceRecognizer _recognizer;
    private readonly IFaceTemplateStore _templates;

    /// <summary>Creates a verifier over a recognizer and a template store.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The threshold is not from −1 to 1.</exception>
    public FaceVerifier(FaceRecognizer recognizer, IFaceTemplateStore templates, FaceVerifierOptions? options = null)
    {
        _recognizer = recognizer ?? throw new ArgumentNullException(nameof(recognizer));
        _templates = templates ?? throw new ArgumentNullException(nameof(templates));
        Options = options ?? new FaceVerifierOptions();
        if (!(Options.Threshold is >= -1f and <= 1f))
        {
            throw new ArgumentOutOfRangeException(nameof(options), Options.Threshold, "The match threshold is a cosine similarity from -1 to 1.");
        }
    }

    /// <summary>The options in force.</summary>
    public FaceVerifierOptions Options { get; }

    /// <summary>
    /// Enrols the person who gave <paramref name="receipt"/> from a photo of them alone: the face must meet every limit
    /// of <see cref="FaceRecognizerOptions.Quality"/>; its template is stored encrypted beside any the person already
    /// has (enrol several photos to cover pose and light; <see cref="Verify"/> uses the best).
    /// </summary>
    /// <returns>The id the store gave the template.</returns>
    /// <exception cref="ConsentRequiredException">The receipt is not valid now; nothing is read or stored.</exception>
    /// <exception cref="FaceNotFoundException">No face, or several people.</exception>
    /// <exception cref="FaceQualityException">The face fails a quality limit; <see cref="FaceQualityException.Report"/> says which.</exception>
    /// <exception cref="FaceNotLiveException"><see cref="FaceRecognizerOptions.RequireLiveness"/> is on and the face is below the threshold.</exception>
    /// <exception cref="FacialDataLimitExceededException">The person already has as many templates as the store allows.</exception>
    /// <exception cref="ArgumentException">The image is too small.</exception>
    [ProcessesFacialData(FacialProcessingMethod.Verification)]
    public string Enroll(ConsentReceipt<TPurpose> receipt, FaceImage photo)
    {
        var template = _recognizer.ExtractEnrollmentTemplate(receipt, photo);
        return _templates.Enroll(receipt, template);
    }

    /// <summary>
    /// Compares the face in <paramref name="image"/> with the templates of the person who gave <paramref name="receipt"/>
    /// (1:1) and returns the best similarity, the threshold and whether they match. With
    /// <see cref="FaceVerifierOptions.UsePrimaryFace"/> the primary face is compared when several people are in view.
    /// </summary>
    /// <exception cref="ConsentRequiredException">The receipt is not valid now; nothing is read.</exception>
    /// <exception cref="FaceNotFoundException">No face, or several people without <see cref="FaceVerifierOptions.UsePrimaryFace"/>.</exception>
    /// <exception cref="FaceNotLiveException"><see cref="FaceRecognizerOptions.RequireLiveness"/> is on and the face is below the threshold.</exception>
    /// <exception cref="System.Collections.Generic.KeyNotFoundException">The person has no usable template for the purpose: enrol first.</exception>
    /// <exception cref="ArgumentException">The image is too small.</exception>
    [ProcessesFacialData(FacialProcessingMethod.Verification)]
    public FaceVerification Verify(ConsentReceipt<TPurpose> receipt, FaceImage image)
    {
        var probe = _recognizer.ExtractTemplate(receipt, image, Options.UsePrimaryFace);
        return _templates.Verify(receipt, probe, Options.Threshold);
    }
}
