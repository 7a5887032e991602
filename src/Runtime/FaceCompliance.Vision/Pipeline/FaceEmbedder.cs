using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading.Tasks;
using FaceCompliance.Vision.Onnx;

namespace FaceCompliance.Vision.Components;

/// <summary>
/// Turns an aligned face (<see cref="FaceAligner.Align{TPurpose}"/>) into its template (fr_feature.onnx): 512 values,
/// L2-normalised, compared by cosine similarity. Checks the receipt first; safe for concurrent use.
/// </summary>
public sealed class FaceEmbedder
{
    /// <summary>The number of values in a template.</summary>
    public const int TemplateDimension = 512;

    private readonly IConsentRegistry _consents;
    private readonly FaceAnalyzer _analyzer;

    /// <summary>Creates an embedder that checks receipts with <paramref name="consents"/>.</summary>
    /// <param name="consents">The registry the receipts are checked with.</param>
    /// <param name="modelOptions">Where and how the model runs; null for <see cref="FaceModelOptions.Default"/> (CPU).</param>
    /// <exception cref="InvalidOperationException"><paramref name="modelOptions"/> asks for CUDA, which this application cannot use (the message says why).</exception>
    public FaceEmbedder(IConsentRegistry consents, FaceModelOptions? modelOptions = null)
        : this(consents, new FaceAnalyzer(OnnxModels.For(modelOptions)))
    {
    }

    internal FaceEmbedder(IConsentRegistry consents, FaceAnalyzer analyzer)
    {
        _consents = consents ?? throw new ArgumentNullException(nameof(consents));
        _analyzer = analyzer;
    }

    /// <summary>The template of an aligned 112x112 face.</summary>
    /// <exception cref="ConsentRequiredException">The receipt is not valid now.</exception>
    /// <exception cref="ArgumentException">The image is not 112x112.</exception>
    [ProcessesFacialData(FacialProcessingMethod.Verification)]
    public FaceTemplate Embed<TPurpose>(ConsentReceipt<TPurpose> receipt, FaceImage alignedFace)
        where TPurpose : IFacialDataPurpose
    {
        EnsureAligned(alignedFace, nameof(alignedFace));
        ConsentGate.Ensure(_consents, receipt, FacialProcessingMethod.Verification);
        return new FaceTemplate(_analyzer.EmbedAligned(alignedFace.Pixels));
    }

    /// <summary>
    /// The templates of many aligned faces at once, in the order given: the enrolment of a whole roster. Every face and
    /// every receipt is checked before the first face is processed, so one bad entry refuses the batch and processes
    /// nothing. The model takes one face per run (its batch dimension is fixed at 1), so the faces run as concurrent
    /// single-face runs on the shared session: each template equals what <see cref="Embed{TPurpose}"/> gives.
    /// </summary>
    /// <param name="faces">The aligned 112x112 faces, each with the receipt of the person it shows.</param>
    /// <param name="maxDegreeOfParallelism">How many faces run at once; -1 (the default) for one per processor.</param>
    /// <returns>One template per face, in order.</returns>
    /// <exception cref="ConsentRequiredException">A receipt is not valid now (the exception names its subject); nothing was processed.</exception>
    /// <exception cref="ArgumentException">A face is null or not 112x112 (the message gives its index); nothing was processed.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxDegreeOfParallelism"/> is 0 or below -1.</exception>
    [ProcessesFacialData(FacialProcessingMethod.Verification)]
    public IReadOnlyList<FaceTemplate> EmbedBatch<TPurpose>(IReadOnlyList<ConsentedFace<TPurpose>> faces, int maxDegreeOfParallelism = -1)
        where TPurpose : IFacialDataPurpose
    {
        ArgumentNullException.ThrowIfNull(faces);
        if (maxDegreeOfParallelism is 0 or < -1)
        {
            throw new ArgumentOutOfRangeException(nameof(maxDegreeOfParallelism), maxDegreeOfParallelism, "Use -1 for one face per processor, or a positive count.");
        }

        for (int i = 0; i < faces.Count; i++)
        {
            EnsureAligned(faces[i].Face, string.Create(CultureInfo.InvariantCulture, $"{nameof(faces)}[{i}]"));
        }

        foreach (ConsentedFace<TPurpose> face in faces)
        {
            ConsentGate.Ensure(_consents, face.Receipt, FacialProcessingMethod.Verification);
        }

        var templates = new FaceTemplate[faces.Count];
        Parallel.For(0, faces.Count, new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism }, i =>
            templates[i] = new FaceTemplate(_analyzer.EmbedAligned(faces[i].Face.Pixels)));
        return templates;
    }

    private static void EnsureAligned(FaceImage? alignedFace, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(alignedFace, parameterName);
        if (alignedFace.Width != FaceAligner.AlignedSize || alignedFace.Height != FaceAligner.AlignedSize)
        {
            throw new ArgumentException(
                $"The embedder takes a face aligned to {FaceAligner.AlignedSize}x{FaceAligner.AlignedSize} (FaceAligner.Align); this image is {alignedFace.Width}x{alignedFace.Height}.",
                parameterName);
        }
    }
}
