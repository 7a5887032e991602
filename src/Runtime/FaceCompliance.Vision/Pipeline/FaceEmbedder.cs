using System;
using FaceCompliance.Vision.Onnx;

namespace FaceCompliance.Vision;

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
    public FaceEmbedder(IConsentRegistry consents)
        : this(consents, new FaceAnalyzer(OnnxModels.Shared))
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
        ArgumentNullException.ThrowIfNull(alignedFace);
        if (alignedFace.Width != FaceAligner.AlignedSize || alignedFace.Height != FaceAligner.AlignedSize)
        {
            throw new ArgumentException(
                $"The embedder takes a face aligned to {FaceAligner.AlignedSize}x{FaceAligner.AlignedSize} (FaceAligner.Align); this image is {alignedFace.Width}x{alignedFace.Height}.",
                nameof(alignedFace));
        }

        ConsentGate.Ensure(_consents, receipt, FacialProcessingMethod.Verification);
        return new FaceTemplate(_analyzer.EmbedAligned(alignedFace.Pixels));
    }
}
