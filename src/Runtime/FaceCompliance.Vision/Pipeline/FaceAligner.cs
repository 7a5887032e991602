using System;
using System.Collections.Generic;
using System.Numerics;
using FaceCompliance.Vision.Onnx;

namespace FaceCompliance.Vision.Components;

/// <summary>
/// Locates a face's five alignment points (fr_landmark.onnx, 68 landmarks reduced to eyes, nose tip and mouth corners)
/// and warps the face onto the standard 112x112 ArcFace position with a least-squares similarity transform.
/// Checks the receipt before it reads a pixel; safe for concurrent use.
/// </summary>
public sealed class FaceAligner
{
    /// <summary>The side of an aligned face, in pixels.</summary>
    public const int AlignedSize = SimilarityTransform.ArcFaceCropSize;

    private readonly IConsentRegistry _consents;
    private readonly FaceAnalyzer _analyzer;

    /// <summary>Creates an aligner that checks receipts with <paramref name="consents"/>.</summary>
    /// <param name="consents">The consent registry.</param>
    /// <param name="modelOptions">Where and how the models run; null for <see cref="FaceModelOptions.Default"/> (CPU).</param>
    /// <exception cref="InvalidOperationException"><paramref name="modelOptions"/> asks for CUDA, which this application cannot use (the message says why).</exception>
    public FaceAligner(IConsentRegistry consents, FaceModelOptions? modelOptions = null)
        : this(consents, new FaceAnalyzer(OnnxModels.For(modelOptions)))
    {
    }

    internal FaceAligner(IConsentRegistry consents, FaceAnalyzer analyzer)
    {
        _consents = consents ?? throw new ArgumentNullException(nameof(consents));
        _analyzer = analyzer;
    }

    /// <summary>The five alignment points of a detected face, in image pixels: left eye, right eye, nose tip, left and right mouth corner.</summary>
    /// <exception cref="ConsentRequiredException">The receipt is not valid now.</exception>
    /// <exception cref="ArgumentException">The image is too small, or the box is empty.</exception>
    [ProcessesFacialData(FacialProcessingMethod.Detection)]
    public IReadOnlyList<Vector2> Locate<TPurpose>(ConsentReceipt<TPurpose> receipt, FaceImage image, FaceBox face)
        where TPurpose : IFacialDataPurpose
    {
        ConsentGate.EnsureImageSize(image, nameof(image));
        EnsureBox(face);
        ConsentGate.Ensure(_consents, receipt, FacialProcessingMethod.Detection);
        return _analyzer.FivePoints(image, face);
    }

    /// <summary>The face warped onto the ArcFace reference points: a new <see cref="AlignedSize"/> x <see cref="AlignedSize"/> image (dispose it when done).</summary>
    /// <exception cref="ConsentRequiredException">The receipt is not valid now.</exception>
    /// <exception cref="ArgumentException">The image is too small, or there are not exactly five finite points.</exception>
    [ProcessesFacialData(FacialProcessingMethod.Detection)]
    public FaceImage Align<TPurpose>(ConsentReceipt<TPurpose> receipt, FaceImage image, IReadOnlyList<Vector2> fivePoints)
        where TPurpose : IFacialDataPurpose
    {
        ConsentGate.EnsureImageSize(image, nameof(image));
        var points = FivePoints(fivePoints);
        ConsentGate.Ensure(_consents, receipt, FacialProcessingMethod.Detection);
        return FaceAnalyzer.Align(image, points);
    }

    internal static void EnsureBox(FaceBox face)
    {
        if (face.IsEmpty || !float.IsFinite(face.Left + face.Top + face.Right + face.Bottom))
        {
            throw new ArgumentException($"The face box {face} is empty or not finite.", nameof(face));
        }
    }

    private static Vector2[] FivePoints(IReadOnlyList<Vector2> points)
    {
        ArgumentNullException.ThrowIfNull(points, "fivePoints");
        if (points.Count != 5)
        {
            throw new ArgumentException($"Alignment needs exactly 5 points (eyes, nose tip, mouth corners); {points.Count} were given.", "fivePoints");
        }

        var copy = new Vector2[5];
        for (var i = 0; i < 5; i++)
        {
            copy[i] = points[i];
            if (!float.IsFinite(copy[i].X) || !float.IsFinite(copy[i].Y))
            {
                throw new ArgumentException($"Alignment point {i} is {copy[i]}, not finite.", "fivePoints");
            }
        }

        return copy;
    }
}
